import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, LANGS, signIn, useLanguage } from "./support";

const tag = () => Date.now().toString(36);

async function signedIn(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId("role-line")).toBeVisible();
}

/** Picks an option by part of its text (the initiative's number is not known beforehand). */
async function chooseOption(page: Page, selectId: string, text: string) {
  const select = page.locator(`#${selectId}`);
  const value = await select.locator("option", { hasText: text }).getAttribute("value");
  await select.selectOption(value!);
}

const LOKALBOKNING = "E-tjänst för bokning av lokaler och idrottshallar"; // approved, Kultur- och fritidsförvaltningen, no program
const IT_SUPPORT = "Självbetjäningsportal för IT-support"; // running, Serviceförvaltningen, no program

test("DIG creates a program with leader, council and goal, adds two initiatives, plans and starts one; the roadmap shows its bar", async ({ page }) => {
  await signedIn(page, "dig@demo.kommun.se");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Program", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Program");
  await expect(page.getByTestId("programs")).toContainText("Digital välfärd");
  await page.getByRole("link", { name: "Nytt program" }).click();

  // An empty form is refused next to the fields.
  await page.getByRole("button", { name: "Skapa programmet" }).click();
  const form = page.getByTestId("program-form");
  await expect(form.getByText("Formuläret innehåller 2 fel.")).toBeVisible();
  await expect(form.getByText("Fyll i det här fältet.").first()).toBeVisible();

  const name = `Fritid och service ${tag()}`;
  await page.getByLabel("Namn").fill(name);
  await page.getByLabel("Målbild").fill("År 2028 bokar invånare lokaler och får IT-stöd digitalt, dygnet runt.");
  await page.getByLabel("Programledare").selectOption({ label: "Per Håkansson (Kommunledning, KLK)" });
  await page.getByRole("group", { name: "Programråd" }).getByLabel("Sara Nyström (Digitaliseringsenheten (DIG), KLK)").check();
  await page.getByRole("group", { name: "Programråd" }).getByLabel("Per Håkansson (Kommunledning, KLK)").check();
  await page.getByRole("group", { name: "Politiska mål" }).getByLabel(/^M1 /).check();
  await page.getByRole("button", { name: "Skapa programmet" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("Programmet är sparat.")).toBeVisible();
  await expect(page.getByTestId("leader")).toHaveText("Per Håkansson");
  await expect(page.getByTestId("council")).toHaveText("Per Håkansson, Sara Nyström");
  await expect(page.getByTestId("goals")).toContainText("M1 Enkel och tillgänglig service");
  const programUrl = page.url();

  // Two initiatives join the program.
  for (const title of [LOKALBOKNING, IT_SUPPORT]) {
    await chooseOption(page, "add-initiative", title);
    await page.getByRole("button", { name: "Lägg till i programmet" }).click();
    await expect(page.getByTestId("program-initiatives")).toContainText(title);
  }
  await expect(page.getByTestId("progress")).toContainText("Beslutad, ej påbörjad");
  // Cost 420 000 + 140 000 kr; freed time 900 + 1 100 hours a year.
  await expect(page.getByTestId("totals")).toContainText(/560\s000\skr/);
  await expect(page.getByTestId("totals")).toContainText(/2\s000\stim/);
  await expectAccessible(page);

  // Taking one out again: a button per row, confirmed in a dialog.
  await page.getByRole("button", { name: new RegExp(`^Ta bort #\\d+ ${IT_SUPPORT}$`) }).click();
  const confirm = page.getByRole("dialog", { name: /^Ta bort #\d+ från programmet\?$/ });
  await expect(confirm).toContainText("Initiativet finns kvar i portföljen");
  await expectAccessible(page);
  await confirm.getByRole("button", { name: "Ja, ta bort från programmet" }).click();
  await expect(page.getByText("Initiativet är borttaget från programmet.")).toBeVisible();
  await expect(page.getByTestId("program-initiatives")).not.toContainText(IT_SUPPORT);
  await expect(page.getByTestId("program-initiatives")).toContainText(LOKALBOKNING);

  // Plan and start the approved one from its page.
  await page.getByTestId("program-initiatives").getByRole("link", { name: new RegExp(LOKALBOKNING) }).click();
  const delivery = page.getByTestId("delivery");
  await expect(delivery.getByRole("link", { name })).toBeVisible();
  // The program is named once on the page, where it can also be changed.
  await expect(page.locator("dt").filter({ hasText: /^Program$/ })).toHaveCount(1);
  const plan = page.getByTestId("plan-form");
  await plan.getByLabel("Planerad start (kvartal)").fill("2027-Q3");
  await plan.getByLabel("Planerat slut (kvartal)").fill("2027-Q2");
  await plan.getByRole("button", { name: "Spara plan" }).click();
  await expect(plan.getByText("Slutkvartalet kan inte ligga före startkvartalet.")).toBeVisible();
  await expectAccessible(page);
  await plan.getByLabel("Planerat slut (kvartal)").fill("2028-Q1");
  await plan.getByRole("button", { name: "Spara plan" }).click();
  await expect(plan.getByText("Planen är sparad.")).toBeVisible();
  await expect(page.getByTestId("planned-quarters")).toHaveText("2027-Q3 till 2028-Q1");

  const steps = page.getByTestId("delivery-steps");
  await expect(steps.getByRole("button")).toHaveText(["Starta arbetet", "Avbryt initiativet"]);
  await steps.getByRole("button", { name: "Avbryt initiativet" }).click();
  await expect(steps.getByText("Fyll i det här fältet.")).toBeVisible(); // cancelling needs a reason
  await steps.getByRole("button", { name: "Starta arbetet" }).click();
  await expect(steps.getByText("Statusen är ändrad och syns i tidslinjen.")).toBeVisible();
  await expect(page.locator("header").getByText("Pågående")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Pågående");
  await expect(steps.getByRole("button")).toHaveText(["Pausa", "Avsluta som genomfört", "Avbryt initiativet"]);
  // The start date is written as a Swedish date, not as ISO.
  await expect(delivery.locator("dd").filter({ has: page.locator("time") }).first()).toHaveText(/^\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}$/);

  // The roadmap, filtered to the program, shows the new bar with its plan.
  await page.goto(programUrl);
  await page.getByRole("link", { name: "Öppna i färdplanen" }).click();
  const bar = page.getByRole("link", { name: new RegExp(`${LOKALBOKNING}, Pågående, start 2027-Q3, slut 2028-Q1`) });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveText(/Pågående/);
  await page.getByRole("link", { name: "Tabell" }).click();
  const row = page.getByTestId("roadmap-table").getByRole("row", { name: new RegExp(LOKALBOKNING) });
  await expect(row).toContainText("2027-Q3");
  await expect(row).toContainText("2028-Q1");
  await expect(row).toContainText("Planerad");
});

test("keyboard: tab to a roadmap bar and press Enter to open the initiative", async ({ page }) => {
  await signedIn(page, "insyn@demo.kommun.se");
  await page.goto("/roadmap");
  await page.getByRole("link", { name: "Tidslinje" }).focus();
  let name = "";
  for (let i = 0; i < 10 && !name; i++) {
    await page.keyboard.press("Tab");
    name = await page.evaluate(() => (document.activeElement?.getAttribute("data-testid") === "roadmap-bar" ? (document.activeElement.getAttribute("aria-label") ?? "") : ""));
  }
  expect(name).toMatch(/^#\d+ .+, .+, (start \d{4}-Q[1-4], slut \d{4}-Q[1-4]|önskad start \d{4}-Q[1-4], ingen plan ännu)$/);
  const title = name.replace(/^#\d+ /, "").split(",")[0]!;
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/initiatives\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("a viewer reads programs and the roadmap without edit controls; the API refuses their writes", async ({ page }) => {
  await signedIn(page, "insyn@demo.kommun.se");
  await page.goto("/programs");
  await expect(page.getByRole("link", { name: "Nytt program" })).toHaveCount(0);
  await page.getByRole("link", { name: "Digital välfärd" }).click();
  await expect(page.getByTestId("target-state")).toContainText("År 2028");
  await expect(page.getByTestId("program-initiatives")).toContainText("Digital hemtjänstplanering");
  await expect(page.getByRole("link", { name: "Ändra programmet" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Ta bort/ })).toHaveCount(0);
  await expect(page.getByTestId("add-initiative")).toHaveCount(0);
  await expect(page.getByTestId("roadmap-timeline")).toBeVisible();
  await page.getByTestId("program-initiatives").getByRole("link", { name: /Digital hemtjänstplanering/ }).click();
  await expect(page.getByTestId("delivery")).toBeVisible();
  await expect(page.getByTestId("delivery-steps")).toHaveCount(0);
  await expect(page.getByTestId("plan-form")).toHaveCount(0);
  await page.goto("/roadmap");
  await expect(page.getByTestId("roadmap-bar").first()).toBeVisible();
  await page.goto("/programs/new");
  await expect(page.getByTestId("program-form")).toHaveCount(0);

  const created = await page.request.post("/api/v1/programs", { data: { name: "Insyn", targetState: "Får inte skapas.", leaderId: null, councilIds: [], goalIds: [] } });
  expect(created.status()).toBe(403);
  const list = await (await page.request.get("/api/v1/programs")).json();
  expect(list.data.map((p: { name: string }) => p.name)).toContain("Digital välfärd");
  const map = await (await page.request.get("/api/v1/roadmap?groupBy=department&status=IN_PROGRESS")).json();
  expect(map.data.quarters).toHaveLength(8);
  for (const g of map.data.groups) for (const r of g.rows) expect(r.status).toBe("IN_PROGRESS");
});

test("a department manager may pause or finish the own department's running work, not start or plan it", async ({ page }) => {
  await signedIn(page, "chef@demo.kommun.se");
  const list = await (await page.request.get("/api/v1/initiatives?q=ans%C3%B6kan%20om%20f%C3%B6rs%C3%B6rjningsst%C3%B6d&status=IN_PROGRESS")).json();
  const etjanst = list.data.find((i: { title: string }) => i.title === "E-tjänst för ansökan om försörjningsstöd");
  await page.goto(`/initiatives/${etjanst.id}`);
  await expect(page.getByTestId("delivery-steps").getByRole("button")).toHaveText(["Pausa", "Avsluta som genomfört"]);
  await expect(page.getByTestId("plan-form")).toHaveCount(0);
  const detail = await (await page.request.get(`/api/v1/initiatives/${etjanst.id}`)).json();
  const stale = await page.request.post(`/api/v1/initiatives/${etjanst.id}/transition`, { data: { to: "PAUSED", reason: "Test", version: detail.data.version + 1 } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.code).toBe("VERSION_CONFLICT");
  const cancel = await page.request.post(`/api/v1/initiatives/${etjanst.id}/transition`, { data: { to: "CANCELLED", reason: "Test", version: detail.data.version } });
  expect(cancel.status()).toBe(403);
});

for (const lang of LANGS) {
  test(`program pages pass axe (${lang})`, async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await useLanguage(context, baseURL!, lang);
    await signedIn(page, "ledning@demo.kommun.se");
    await page.goto("/programs");
    await expect(page.getByTestId("programs")).toBeVisible();
    await expectAccessible(page);
    // The columns of counts are all counts: "Done" beside "Initiatives" and "In progress" is a
    // number of initiatives, not a share, and agrees with the API.
    const headers = await page.getByTestId("programs").locator("thead th").allInnerTexts();
    const column = (name: string) => headers.indexOf(name);
    const [initiativesCol, runningCol, doneCol] = lang === "sv" ? [column("Initiativ"), column("Pågående"), column("Avslutade")] : [column("Initiatives"), column("In progress"), column("Done")];
    expect([initiativesCol, runningCol, doneCol].every((c) => c > 0)).toBe(true);
    const api = (await (await page.request.get("/api/v1/programs")).json()).data as { name: string; totals: { count: number; byStatus: Record<string, number> } }[];
    for (const program of api) {
      const cells = await page.getByTestId("programs").locator("tbody tr").filter({ has: page.getByRole("link", { name: program.name, exact: true }) }).locator("th, td").allInnerTexts();
      expect([cells[initiativesCol], cells[runningCol], cells[doneCol]], program.name).toEqual([String(program.totals.count), String(program.totals.byStatus.IN_PROGRESS ?? 0), String(program.totals.byStatus.DONE ?? 0)]);
    }

    await page.goto("/programs/new");
    await page.getByTestId("program-form").getByRole("button").click();
    await expect(page.getByTestId("program-form").getByRole("status")).not.toBeEmpty();
    await expectAccessible(page);

    await page.goto("/programs");
    await page.getByTestId("programs").getByRole("link", { name: "Digital välfärd" }).click();
    await expect(page.getByTestId("roadmap-timeline")).toBeVisible();
    await expectAccessible(page);
    // Removing asks first, in the page's language; Escape leaves everything as it was.
    await page.getByTestId("remove-from-program").first().getByRole("button").click();
    await expect(page.getByRole("dialog")).toContainText(lang === "sv" ? "finns kvar i portföljen" : "stays in the portfolio");
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.getByTestId("program-initiatives").getByRole("link").first().click();
    await expect(page.getByTestId("delivery")).toBeVisible();
    await expect(page.locator("dt").filter({ hasText: /^Program$/ })).toHaveCount(1);
    await expectAccessible(page);
  });

  test(`the roadmap passes axe in both groupings and as a table (${lang})`, async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await useLanguage(context, baseURL!, lang);
    await signedIn(page, "insyn@demo.kommun.se");
    for (const query of ["", "?groupBy=department", "?view=table", "?groupBy=department&view=table"]) {
      await page.goto(`/roadmap${query}`);
      await expect(page.getByTestId(query.includes("table") ? "roadmap-table" : "roadmap-timeline")).toBeVisible();
      await expectAccessible(page);
    }
  });

  test(`the roadmap shows whole titles and a line for today, said in words (${lang})`, async ({ page, context, baseURL }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await useLanguage(context, baseURL!, lang);
    await signedIn(page, "insyn@demo.kommun.se");
    await page.goto("/roadmap");
    const timeline = page.getByTestId("roadmap-timeline");
    await expect(timeline).toBeVisible();
    // Every row's label is the whole "#number title", none cut off with an ellipsis.
    const labels = await timeline.getByTestId("roadmap-label").evaluateAll((spans) =>
      spans.map((s) => ({ text: s.textContent ?? "", cut: s.scrollWidth > s.clientWidth || getComputedStyle(s).textOverflow === "ellipsis" })),
    );
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.filter((l) => l.cut)).toEqual([]);
    const names = await timeline.getByTestId("roadmap-bar").evaluateAll((bars) => bars.map((b) => b.getAttribute("aria-label") ?? ""));
    labels.forEach((l, i) => expect(names[i]!.startsWith(`${l.text},`)).toBe(true));
    // Today: a line in every group, explained in text with the date (the window starts this quarter).
    const date = new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeZone: "Europe/Stockholm" }).format(new Date());
    await expect(page.getByTestId("roadmap-today")).toHaveText(lang === "sv" ? `Den röda lodräta linjen markerar i dag, ${date}.` : `The red vertical line marks today, ${date}.`);
    await expect(timeline.getByTestId("roadmap-today-line")).toHaveCount(await timeline.locator("section").count());
    await expect(timeline.getByTestId("roadmap-today-line").first()).toBeVisible();
    // A window in the past has no line and says nothing about today.
    await page.goto("/roadmap?from=2020-Q1&to=2020-Q4");
    await expect(page.getByTestId("roadmap-today")).toHaveCount(0);
  });
}
