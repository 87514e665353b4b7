import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, LANGS, signIn, submitThroughApi, useLanguage } from "./support";

const tag = () => Date.now().toString(36);

/** The department registers and submits through the API, as its own tools might. */
async function submitAsDepartment(browser: Browser, baseURL: string, fields: Record<string, unknown>) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, "chef@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  const submitted = await submitThroughApi(page, { benefitRecipient: "EXTERNAL", nature: "EFFICIENCY", ...fields });
  await context.close();
  return submitted;
}

async function openFromQueue(page: Page, number: number) {
  await page.goto("/triage");
  await page.getByRole("link", { name: new RegExp(`^Triagera #${number}:`) }).click();
  await expect(page.getByTestId("suggestion")).toBeVisible();
}

test("DIG accepts, overrides with a reason, requests information, and approves in the fast lane; the department completes and resubmits", async ({ page, browser, baseURL }) => {
  const t = tag();
  const infra = await submitAsDepartment(browser, baseURL!, { title: `Nytt nätverk och wifi i äldreboenden ${t}`, need: "Accesspunkter, switchar och brandvägg behöver bytas i alla äldreboenden.", estimatedCostSek: 2_500_000, estimatedEffortHours: 1500, benefitRecipient: "INTERNAL" });
  const service = await submitAsDepartment(browser, baseURL!, { title: `E-tjänst för anmälan om hemtjänst ${t}`, need: "Anhöriga och invånare vill kunna anmäla behov av hemtjänst digitalt.", estimatedCostSek: 400_000, estimatedEffortHours: 600 });
  const unclear = await submitAsDepartment(browser, baseURL!, { title: `Bättre stöd till biståndshandläggare ${t}`, need: "Handläggarna behöver ett bättre stöd i sitt arbete med ärenden." });
  const small = await submitAsDepartment(browser, baseURL!, { title: `Digital bokning av samtal med socialsekreterare ${t}`, need: "Invånare ska kunna boka tid för samtal via en e-tjänst i stället för att ringa.", estimatedCostSek: 40_000, estimatedEffortHours: 80 });

  await signIn(page, "dig@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Triagering" }).click();
  await expect(page.getByTestId("flow")).toContainText(/median|Inga triageringar/);
  // Numbers in the Swedish format: a decimal comma, never a decimal point.
  expect(await page.getByTestId("flow").textContent()).not.toMatch(/\d\.\d/);
  // Every row says what to check, or that there is nothing.
  for (const cell of await page.locator("tbody tr td:last-child").all()) expect((await cell.textContent())?.trim()).toBeTruthy();
  await expect(page.locator("tbody tr", { hasText: `Bättre stöd till biståndshandläggare ${t}` })).toContainText("Saknas i beskrivningen: förväntade nyttor");
  await expectAccessible(page);

  // 1. Accept the suggestion as it stands.
  await openFromQueue(page, infra.number);
  await expect(page.getByTestId("suggestion")).toContainText("Infrastruktur");
  await expectAccessible(page);
  await page.getByTestId("decide-form").getByRole("button", { name: "Bekräfta triagering" }).click();
  await expect(page.getByRole("status").filter({ hasText: `#${infra.number} är triagerat.` })).toBeVisible();

  // 2. Override: without a reason it is refused, with one it is accepted.
  await openFromQueue(page, service.number);
  await page.getByTestId("decide-form").getByLabel("Spår").selectOption("TECHNICAL");
  await expect(page.getByText("Du avviker från förslaget: ange varför.")).toBeVisible();
  await page.getByLabel("Motivering om du avviker från förslaget").fill("Bygger på den nya integrationsplattformen; tas i tekniska spåret.");
  await page.getByTestId("decide-form").getByRole("button", { name: "Bekräfta triagering" }).click();
  await expect(page.getByRole("status").filter({ hasText: `#${service.number} är triagerat.` })).toBeVisible();

  // 3. Request more information.
  await openFromQueue(page, unclear.number);
  await page.getByLabel("Vad behöver förvaltningen komplettera?").fill("Vilket stöd behövs, och hur många handläggare berörs?");
  await page.getByRole("button", { name: "Skicka begäran" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Komplettering begärd för #${unclear.number}.` })).toBeVisible();

  // 4. Fast lane under delegation.
  await openFromQueue(page, small.number);
  await page.getByLabel("Motivering för beslutet").fill("Liten e-tjänst med tydlig nytta för invånarna.");
  await page.getByRole("button", { name: "Godkänn under delegation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `#${small.number} är godkänt i snabbspåret.` })).toBeVisible();
  await page.goto(`/initiatives/${small.id}`);
  await expect(page.getByTestId("timeline")).toContainText("Beslutad, ej påbörjad");

  // The department sees the request, completes and resubmits.
  const dept = await browser.newContext({ baseURL });
  const deptPage = await dept.newPage();
  await signIn(deptPage, "chef@demo.kommun.se");
  await expect(deptPage.getByTestId("notifications")).toContainText(`Digitaliseringsenheten begär komplettering av #${unclear.number}`);
  await deptPage.getByTestId("notifications").getByRole("link", { name: new RegExp(`#${unclear.number}`) }).click();
  await expect(deptPage.getByTestId("comments")).toContainText("Vilket stöd behövs");
  await deptPage.getByRole("link", { name: "Redigera" }).click();
  await deptPage.getByLabel("Behov *").fill("Handläggarna behöver stöd för att planera och följa upp beslut. 45 handläggare berörs.");
  await deptPage.getByRole("button", { name: "Skicka in" }).click();
  await expect(deptPage.getByText("Initiativet är inskickat till digitaliseringsenheten.")).toBeVisible();
  await dept.close();

  await page.goto("/triage");
  await expect(page.getByRole("link", { name: new RegExp(`^Triagera #${unclear.number}:`) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^Triagera #${small.number}:`) })).toHaveCount(0);
});

test("a department manager cannot open triage", async ({ page }) => {
  await signIn(page, "chef@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  await expect(page.getByRole("link", { name: "Triagering" })).toHaveCount(0);
  await page.goto("/triage");
  // Sent home with the reason, not silently.
  await expect(page).toHaveURL(/\/\?denied=triage$/);
  await expect(page.getByTestId("denied")).toHaveText("Du har inte behörighet till sidan Triagering. Be en administratör om du behöver den.");
  // What the role can do leads there.
  await page.getByRole("link", { name: /^Registrera nya initiativ/ }).click();
  await expect(page).toHaveURL(/\/initiatives\/new$/);
  const api = await page.request.get("/api/v1/triage/queue");
  expect(api.status()).toBe(403);
});

for (const lang of LANGS) {
  test(`triage pages pass axe (${lang})`, async ({ page, context, baseURL }) => {
    await useLanguage(context, baseURL!, lang);
    await signIn(page, "dig@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    await page.goto("/triage");
    await expectAccessible(page);
    await page.locator("tbody tr a").first().click();
    await expect(page.getByTestId("suggestion")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/settings/triage");
    await expectAccessible(page);
    // A bad threshold is refused with a message next to the field.
    const before = await page.locator("#smallMaxCostSek").inputValue();
    await page.locator("#smallMaxCostSek").fill("-5");
    await page.getByRole("button", { name: lang === "sv" ? "Spara inställningar" : "Save settings" }).click();
    await expect(page.locator("#size\\.smallMaxCostSek-error")).toBeVisible();
    // The field rendered on the server is marked invalid and described by its message; the others are not.
    await expect(page.locator("#smallMaxCostSek")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#smallMaxCostSek")).toHaveAccessibleDescription(await page.locator("#size\\.smallMaxCostSek-error").innerText());
    await expect(page.locator("#mediumMaxCostSek")).not.toHaveAttribute("aria-invalid");
    await expectAccessible(page);
    // Saved as it was: the mark goes with the message.
    await page.locator("#smallMaxCostSek").fill(before);
    await page.getByRole("button", { name: lang === "sv" ? "Spara inställningar" : "Save settings" }).click();
    await expect(page.locator("#size\\.smallMaxCostSek-error")).toHaveCount(0);
    await expect(page.locator("#smallMaxCostSek")).not.toHaveAttribute("aria-invalid");
    await expect(page.locator("#smallMaxCostSek")).not.toHaveAttribute("aria-describedby");
  });
}

for (const lang of LANGS) {
  test(`the suggestion's reasons and the closed fast lane read as whole sentences (${lang})`, async ({ page, context, baseURL, browser }) => {
    // Small business development, but above the delegation limit (100 000 kr): the fast lane says exactly why it is closed.
    const title = `E-tjänst för parkeringstillstånd ${tag()}`;
    const mine = await submitAsDepartment(browser, baseURL!, { title, need: "Invånare ska kunna ansöka om parkeringstillstånd via en e-tjänst i stället för en blankett.", estimatedCostSek: 150_000, estimatedEffortHours: 120 });
    await useLanguage(context, baseURL!, lang);
    await signIn(page, "dig@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    await page.goto("/triage");
    await page.getByRole("link", { name: new RegExp(`^${lang === "sv" ? "Triagera" : "Triage"} #${mine.number}:`) }).click();
    // The panel is titled with the initiative, so two triage tabs can be told apart.
    await expect(page).toHaveTitle(`${lang === "sv" ? "Triagering" : "Triage"}: ${title} · Portföljen`);
    const w = lang === "sv"
      ? { cost: "Den uppskattade kostnaden, 150 000 kr, motsvarar ett litet initiativ", track: "Liten verksamhetsutveckling går i snabbspåret", closed: "Kostnaden, 150 000 kr, är över delegationsgränsen på 100 000 kr. Triagera initiativet i stället." }
      : { cost: "The estimated cost, SEK 150,000, makes it a small initiative", track: "Small business development goes in the fast lane", closed: "The cost, SEK 150,000, is above the delegation limit of SEK 100,000. Triage the initiative instead." };
    const reasons = page.getByTestId("suggestion").getByRole("listitem");
    await expect(reasons.filter({ hasText: w.cost })).toHaveCount(1);
    await expect(reasons.filter({ hasText: w.track })).toHaveCount(1);
    await expect(page.getByTestId("fast-lane-closed")).toHaveText(w.closed);
    // No sentence glued together from a size word and a kind ("inte litet verksamhetsutveckling").
    await expect(page.locator("main")).not.toContainText(/litet verksamhetsutveckling|small business development, or/);
    await expectAccessible(page);
  });
}

test("each queued request lists what to check, or says there is nothing", async ({ page }) => {
  await signIn(page, "dig@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  await page.goto("/triage");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => { const cell = tr.lastElementChild!; return { items: cell.querySelectorAll("li").length, text: cell.textContent!.trim() }; }));
  // Rows without checks say so in words; rows with checks list them, and the demo has both.
  for (const cell of cells) if (cell.items === 0) expect(cell.text).toBe("Inget att anmärka.");
  expect(cells.some((c) => c.items === 0)).toBe(true);
  expect(cells.some((c) => c.items > 0)).toBe(true);
});
