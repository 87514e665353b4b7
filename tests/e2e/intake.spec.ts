import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, LANGS, signIn, useLanguage } from "./support";

const unique = () => `Digital kallelse till hälsobesök ${Date.now().toString(36)}`;

async function signedIn(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId("role-line")).toBeVisible();
}

async function createDraft(page: Page, title: string) {
  await page.goto("/initiatives/new");
  await page.getByLabel("Rubrik *").fill(title);
  await page.getByRole("button", { name: "Spara utkast" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Utkastet är sparat." })).toBeVisible();
  return page.url().replace(/\?.*$/, "");
}

test.describe("intake", () => {
  test("a manager drafts, leaves, returns, completes and submits; others read only", async ({ page, browser, baseURL }) => {
    const title = unique();
    await signedIn(page, "chef@demo.kommun.se");
    await page.goto("/initiatives/new");
    await expectAccessible(page);
    // Only the title: a draft can be saved at any time.
    await page.getByLabel("Rubrik *").fill(title);
    await expect(page.getByTestId("completeness")).toContainText("%");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(page.getByText("Utkastet är sparat.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const url = page.url().replace(/\?.*$/, "");

    // Leave, come back through the list (which starts on the own department).
    await page.goto("/");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Initiativ", exact: true }).click();
    await expect(page).toHaveURL(/department=/);
    await page.getByLabel("Sök i rubrik och behov").fill(title);
    await page.getByRole("button", { name: "Filtrera" }).click();
    await expect(page.getByTestId("result-count")).toHaveText("1 initiativ");
    await expectAccessible(page);
    await page.getByRole("link", { name: title }).click();
    // The draft's own page says what is missing and leads there.
    await expect(page.getByTestId("next-step")).toContainText("För att kunna skicka in initiativet saknas:");
    // What is missing reads as a Swedish list: "…, … och …".
    await expect(page.getByTestId("next-step").locator("strong")).toHaveText(/^[^,]+(, [^,]+)* och [^,]+$/);
    await page.getByRole("link", { name: "Komplettera initiativet" }).click();

    // Submitting with required fields missing is refused next to the fields.
    await page.getByRole("button", { name: "Skicka in" }).click();
    await expect(page.getByTestId("form-problem")).toContainText("Formuläret innehåller");
    await expect(page.locator("#need-error")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Behov *").fill("Kallelser skickas i dag på papper och många missar sin tid. Invånarna vill få kallelsen digitalt.");
    await page.getByLabel("Extern nytta – invånare, företag och besökare").check();
    await page.getByLabel("Effektivisering – göra det vi gör bättre, snabbare eller billigare").check();
    await page.getByLabel("Uppskattad kostnad (kr)").fill("450 000");
    await page.getByRole("button", { name: "Lägg till nytta" }).click();
    await page.getByRole("textbox", { name: "Beskrivning", exact: true }).fill("Färre uteblivna besök");
    await page.getByLabel("Timmar per år").fill("300");
    // The script in a text stays text.
    await page.getByLabel("Beroenden").fill("<script>window.pwned=1</script>");
    await page.getByRole("button", { name: "Skicka in" }).click();
    await expect(page.getByText("Initiativet är inskickat till digitaliseringsenheten.")).toBeVisible();
    await expect(page.getByTestId("timeline")).toContainText("Inskickad");
    // Shown as text both in the description and in the change history.
    await expect(page.getByText("<script>window.pwned=1</script>", { exact: true })).toBeVisible();
    await expect(page.getByText("(inget) → <script>window.pwned=1</script>")).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.getByRole("link", { name: "Redigera" })).toHaveCount(0);
    await expectAccessible(page);

    // Another department's manager reads but cannot edit.
    const other = await browser.newContext({ baseURL });
    const otherPage = await other.newPage();
    await signedIn(otherPage, "chef.skola@demo.kommun.se");
    await otherPage.goto(url);
    await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(otherPage.getByTestId("read-only")).toBeVisible();
    await expect(otherPage.getByRole("link", { name: "Redigera" })).toHaveCount(0);
    await otherPage.goto(`${url}/edit`);
    await expect(otherPage).toHaveURL(url);
    await other.close();

    // A viewer reads only: no edit, no comment form.
    const viewer = await browser.newContext({ baseURL });
    const viewerPage = await viewer.newPage();
    await signedIn(viewerPage, "insyn@demo.kommun.se");
    await viewerPage.goto(url);
    await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(viewerPage.getByLabel("Skriv en kommentar")).toHaveCount(0);
    await expect(viewerPage.getByRole("link", { name: "Nytt initiativ" })).toHaveCount(0);
    await viewer.close();
  });

  test("a stale edit from a second tab is refused and shows the newer version", async ({ page, context }) => {
    await signedIn(page, "chef@demo.kommun.se");
    const url = await createDraft(page, unique());
    await page.goto(`${url}/edit`);
    const second = await context.newPage();
    await second.goto(`${url}/edit`);
    await page.getByLabel("Rubrik *").fill("Sparad i första fliken");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(page.getByText("Utkastet är sparat.")).toBeVisible();
    await second.getByLabel("Rubrik *").fill("Sparad i andra fliken");
    await second.getByRole("button", { name: "Spara utkast" }).click();
    await expect(second.getByTestId("form-problem")).toContainText("Någon annan har ändrat initiativet");
    await expect(second.getByTestId("form-problem")).toContainText("Sparad i första fliken");
    await expectAccessible(second);
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sparad i första fliken");
  });

  test("DIG and the department talk in the comment thread", async ({ page, browser, baseURL }) => {
    await signedIn(page, "chef@demo.kommun.se");
    const url = await createDraft(page, unique());
    const dig = await browser.newContext({ baseURL });
    const digPage = await dig.newPage();
    await signedIn(digPage, "dig@demo.kommun.se");
    await digPage.goto(url);
    await digPage.getByLabel("Skriv en kommentar").fill("Finns det ett liknande initiativ i Vård och omsorg?");
    await digPage.getByRole("button", { name: "Skicka kommentar" }).click();
    await expect(digPage.getByTestId("comments")).toContainText("Finns det ett liknande initiativ");
    // DIG may correct the classification; the department may not.
    await digPage.getByLabel("Vilken sorts förändring?").selectOption("INNOVATION");
    await digPage.getByRole("button", { name: "Spara klassificering" }).click();
    await expect(digPage.getByText("Klassificeringen är sparad.")).toBeVisible();
    await expectAccessible(digPage);
    await dig.close();
    await page.reload();
    await expect(page.getByRole("button", { name: "Spara klassificering" })).toHaveCount(0);
    await expect(page.getByTestId("comments")).toContainText("Digitaliseringsenheten (DIG)");
  });

  test("the list filters on the server and exports the current filter", async ({ page }) => {
    await signedIn(page, "ledning@demo.kommun.se");
    await page.goto("/initiatives?department=&status=IN_PROGRESS&pageSize=5");
    await expect(page.getByTestId("result-count")).not.toHaveText(/^0/);
    const rows = page.locator("tbody tr");
    await expect(rows).not.toHaveCount(0);
    expect(await rows.count()).toBeLessThanOrEqual(5);
    for (const status of await page.locator("tbody tr td:nth-child(4)").allInnerTexts()) expect(status).toBe("Pågående");
    const csv = await page.request.get("/api/v1/initiatives/export?format=csv&status=IN_PROGRESS");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n").filter(Boolean).length - 1).toBe(Number((await page.getByTestId("result-count").innerText()).match(/\d+/)![0]));
    const xlsx = await page.request.get("/api/v1/initiatives/export?format=xlsx&status=IN_PROGRESS");
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  });
});

for (const lang of LANGS) {
  test(`initiative pages pass axe (${lang})`, async ({ page, context, baseURL }) => {
    await useLanguage(context, baseURL!, lang);
    await signIn(page, "chef@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    // Ordered by number: the demo's first initiative, not whichever another test just changed
    // (opening an initiative reads its notifications, which another test may be waiting for).
    await page.goto("/initiatives?department=&sort=number&dir=asc");
    await expect(page.locator("tbody tr").first()).toBeVisible();
    await expectAccessible(page);
    await page.locator("tbody tr a").first().click();
    await expect(page.getByTestId("timeline")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/initiatives/new");
    await page.getByRole("button", { name: lang === "sv" ? "Lägg till nytta" : "Add benefit" }).click();
    await page.getByRole("radio").first().check();
    await expectAccessible(page);
    // The edit page, with a refused submission's messages showing (a fresh draft).
    await page.goto("/initiatives/new");
    await page.locator("#title").fill(`Axe ${lang} ${Date.now().toString(36)}`);
    await page.getByRole("button", { name: lang === "sv" ? "Spara utkast" : "Save draft" }).click();
    await page.getByRole("link", { name: lang === "sv" ? "Komplettera initiativet" : "Complete the initiative" }).click();
    await page.getByRole("button", { name: lang === "sv" ? "Skicka in" : "Submit" }).click();
    await expect(page.locator("#need-error")).toBeVisible();
    await expectAccessible(page);
  });
}

const WORDS = {
  sv: {
    submit: "Skicka in", saveDraft: "Spara utkast", summary: "Formuläret innehåller 4 fel", nothingSaved: "Ingenting är sparat ännu.",
    fields: ["Rubrik", "Behov", "Vem får nyttan?", "Vilken sorts förändring?"], need: "Behov *", submitted: "Initiativet är inskickat till digitaliseringsenheten.",
    ready: "Allt som krävs är ifyllt.", title: "Rubrik *",
    history: { submitted: "Status: Utkast → Inskickad", recipient: "Vem får nyttan? Intern nytta" },
  },
  en: {
    submit: "Submit", saveDraft: "Save draft", summary: "The form has 4 errors", nothingSaved: "Nothing has been saved yet.",
    fields: ["Title", "Need", "Who benefits?", "What kind of change?"], need: "Need *", submitted: "The initiative has been submitted to the digitalisation unit.",
    ready: "Everything required is filled in.", title: "Title *",
    history: { submitted: "Status: Draft → Submitted", recipient: "Who benefits? Internal benefit" },
  },
} as const;

for (const lang of LANGS) {
  test(`a refused submit names every missing field at once and creates nothing; a complete draft is submitted from its own page (${lang})`, async ({ page, context, baseURL }) => {
    const w = WORDS[lang];
    await useLanguage(context, baseURL!, lang);
    await signedIn(page, "chef@demo.kommun.se");
    await page.goto("/initiatives/new");
    await page.getByRole("button", { name: w.submit, exact: true }).click();
    const summary = page.getByTestId("form-problem");
    await expect(summary).toContainText(w.summary);
    await expect(summary).toBeFocused();
    // Every missing field in one round, linked to its field, and nothing created behind the person's back.
    await expect(summary.getByRole("link")).toHaveText([...w.fields]);
    await expect(summary).toContainText(w.nothingSaved);
    await expect(page).toHaveURL(/\/initiatives\/new$/);
    await expectAccessible(page);
    await summary.getByRole("link", { name: w.fields[1] }).click();
    await expect(page.getByLabel(w.need)).toBeFocused();

    const title = `${lang} ${unique()}`;
    await page.getByLabel(w.title).fill(title);
    await page.getByLabel(w.need).fill("Kallelser skickas på papper och många missar sin tid.");
    await page.locator("input[name=benefitRecipient]").first().check();
    await page.locator("input[name=nature]").first().check();
    // A goal, so that the history must name it (not show its id).
    const goal = page.locator("#goals select").first();
    await goal.selectOption("3");
    const goalName = await page.locator(`label[for="${await goal.getAttribute("id")}"]`).innerText();
    await page.getByRole("button", { name: w.saveDraft }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const step = page.getByTestId("next-step");
    await expect(step).toContainText(w.ready);
    await expectAccessible(page);
    await step.getByRole("button", { name: w.submit, exact: true }).click();
    await expect(page.getByText(w.submitted)).toBeVisible();
    await expect(page.getByTestId("next-step")).toHaveCount(0);
    await expect(page.getByTestId("timeline")).toContainText(lang === "sv" ? "Inskickad" : "Submitted");
    // The history in words: field names and labels, never keys, codes or JSON.
    const history = page.getByTestId("history-event");
    await expect(history.first()).toContainText(w.history.submitted);
    await expect(history.last()).toContainText(`${w.fields[0]}: ${title}`);
    await expect(history.last()).toContainText(w.history.recipient);
    for (const text of await history.allInnerTexts()) expect(text).not.toMatch(/[{}]|INTERNAL|EXTERNAL|SUBMITTED|benefitRecipient|goalId|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The goal by its code and name; no event without words.
    expect((await history.allInnerTexts()).some((text) => text.includes(goalName.split(" ").slice(1).join(" ")))).toBe(true);
    for (const text of await history.allInnerTexts()) expect(text.trim().length).toBeGreaterThan(10);
    await expectAccessible(page);
  });
}
