import { expect, test, type Page } from "@playwright/test";
import { addQuarters, quarterOfDate } from "../../lib/domain/quarters";
import { expectAccessible, LANGS, signIn, useLanguage } from "./support";

// Quarters far enough ahead that the demo data and other specs leave them alone.
const NOW = quarterOfDate(new Date());
const Q_DIG = addQuarters(NOW, 9);
const Q_MANAGER = addQuarters(NOW, 10);
const INITIATIVE = "Automatiserad handläggning av försörjningsstöd"; // approved, Socialförvaltningen
const SOC_POOL = "Socialförvaltningens utvecklingsteam";
// A server action re-renders the page it came from; on a busy two-core machine that can take a while.
const AFTER_SAVE = { timeout: 20_000 };

async function initiativeId(page: Page): Promise<string> {
  const res = await page.request.get(`/api/v1/initiatives?q=${encodeURIComponent(INITIATIVE)}`);
  expect(res.status()).toBe(200);
  const { data } = (await res.json()) as { data: { id: string; title: string }[] };
  return data.find((i) => i.title === INITIATIVE)!.id;
}

async function poolIds(page: Page): Promise<Record<string, string>> {
  const res = await page.request.get("/api/v1/pools");
  const { data } = (await res.json()) as { data: { id: string; name: string }[] };
  return Object.fromEntries(data.map((p) => [p.name, p.id]));
}

async function signedIn(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId("role-line")).toBeVisible();
}

test("DIG allocates DIG and local hours, pushes a DIG quarter over capacity, sees the warning on the demand view, and it clears when reduced", async ({ page }) => {
  test.setTimeout(180_000);
  await signedIn(page, "dig@demo.kommun.se");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Resurser" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Resurser");
  await page.getByTestId("pools").getByRole("link", { name: "DIG", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("DIG");

  // A known capacity for the quarter: 500 hours for the pool as a whole.
  const capacity = page.getByTestId("capacity-form");
  await capacity.getByLabel("Kvartal", { exact: true }).selectOption(Q_DIG);
  await capacity.getByLabel("Timmar i kvartalet").fill("500");
  await capacity.getByRole("button", { name: "Spara kapacitet" }).click();
  await expect(capacity.getByText("Kapaciteten är sparad.")).toBeVisible(AFTER_SAVE);

  const id = await initiativeId(page);
  await page.goto(`/initiatives/${id}`);
  const section = page.getByTestId("initiative-resources");
  const form = section.getByTestId("new-allocation-form");
  await form.getByLabel("Pool", { exact: true }).selectOption({ label: "DIG" });
  await form.getByLabel("Kvartal", { exact: true }).selectOption(Q_DIG);
  await form.getByLabel("Timmar", { exact: true }).fill("600");
  await form.getByRole("button", { name: "Fördela" }).click();
  await expect(form.getByText("Timmarna är fördelade.")).toBeVisible(AFTER_SAVE);
  await form.getByLabel("Pool", { exact: true }).selectOption({ label: `${SOC_POOL} (Socialförvaltningen)` });
  await form.getByLabel("Kvartal", { exact: true }).selectOption(Q_DIG);
  await form.getByLabel("Timmar", { exact: true }).fill("40");
  await form.getByRole("button", { name: "Fördela" }).click();
  await expect(form.getByText("Timmarna är fördelade.")).toBeVisible(AFTER_SAVE);
  const rows = section.getByTestId("allocations").locator("tbody tr").filter({ hasText: Q_DIG });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "DIG" })).toContainText("600 tim");
  // The department's own pool is not borrowed.
  await expect(rows.filter({ hasText: SOC_POOL })).not.toContainText("Lånad");

  // Bad input is refused with a clear message and nothing changes.
  await form.getByLabel("Pool", { exact: true }).selectOption({ label: "DIG" });
  await form.getByLabel("Timmar", { exact: true }).fill("2,5");
  await form.getByRole("button", { name: "Fördela" }).click();
  await expect(form.getByText("Ange ett heltal.")).toBeVisible(AFTER_SAVE);
  // The field itself says so to a screen reader: invalid, and described by the message.
  await expect(form.getByLabel("Timmar", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Timmar", { exact: true })).toHaveAccessibleDescription(/Ange ett heltal\.$/);

  await page.goto(`/resources/demand?from=${Q_DIG}&quarters=1`);
  const cell = page.getByTestId(`cell-DIG-${Q_DIG}`);
  await expect(cell).toHaveAttribute("data-over", "true");
  await expect(cell).toContainText("Över kapacitet");
  await expect(cell).toContainText("600 tim av 500 tim");
  await expect(cell).toContainText("120 %");

  // Reduce DIG's hours on the initiative page: the warning disappears.
  await page.goto(`/initiatives/${id}`);
  const edit = page.getByTestId("initiative-resources");
  await edit.getByLabel(`Timmar för DIG, ${Q_DIG}`).fill("400");
  await edit.getByRole("button", { name: `Spara: DIG, ${Q_DIG}` }).click();
  await expect(edit.getByText("Sparat.").first()).toBeVisible(AFTER_SAVE);
  await expect(edit.getByTestId("allocations").locator("tbody tr").filter({ hasText: Q_DIG }).filter({ hasText: "DIG" })).toContainText("400 tim");

  await page.goto(`/resources/demand?from=${Q_DIG}&quarters=1`);
  await expect(cell).toHaveAttribute("data-over", "false");
  await expect(cell).not.toContainText("Över kapacitet");
  await expect(cell).toContainText("400 tim av 500 tim");
  await expect(cell).toContainText("80 %");
  await expect(page.getByTestId("reinforcement-answer")).toBeVisible();
});

test("a department manager allocates only the own local pool: other pools are neither offered nor accepted", async ({ page }) => {
  test.setTimeout(120_000);
  await signedIn(page, "chef@demo.kommun.se");
  const id = await initiativeId(page);
  await page.goto(`/initiatives/${id}`);
  const form = page.getByTestId("new-allocation-form");
  await expect(form.getByLabel("Pool", { exact: true }).locator("option")).toHaveText([`${SOC_POOL} (Socialförvaltningen)`]);
  await form.getByLabel("Kvartal", { exact: true }).selectOption(Q_MANAGER);
  await form.getByLabel("Timmar", { exact: true }).fill("20");
  await form.getByRole("button", { name: "Fördela" }).click();
  await expect(form.getByText("Timmarna är fördelade.")).toBeVisible(AFTER_SAVE);
  const row = page.getByTestId("allocations").locator("tbody tr").filter({ hasText: Q_MANAGER });
  await expect(row).toContainText(SOC_POOL);
  await expect(row).toContainText("20 tim");

  const pools = await poolIds(page);
  for (const name of ["DIG", "Digitalt center", "IT-pedagoger, Förskola & Grundskola"]) {
    const res = await page.request.post("/api/v1/allocations", { data: { initiativeId: id, poolId: pools[name], quarter: Q_MANAGER, hours: 5 } });
    expect(res.status(), name).toBe(403);
  }
  const list = await page.request.get(`/api/v1/allocations?initiativeId=${id}&quarter=${Q_MANAGER}`);
  expect(((await list.json()) as { data: { pool: { name: string } }[] }).data.map((a) => a.pool.name)).toEqual([SOC_POOL]);

  // The DIG pool page is readable, without forms.
  await page.goto(`/resources/${pools.DIG}`);
  await expect(page.getByTestId("pool-load")).toBeVisible();
  await expect(page.getByTestId("capacity-form")).toHaveCount(0);
  await expect(page.getByTestId("pool-allocation-form")).toHaveCount(0);
});

for (const lang of LANGS) {
  test(`resource pages and the initiative's resources pass axe (${lang})`, async ({ page, context, baseURL }) => {
    // Seven full-page axe runs on a shared two-core machine.
    test.setTimeout(240_000);
    await useLanguage(context, baseURL!, lang);
    await signedIn(page, "dig@demo.kommun.se");
    const pools = await poolIds(page);
    for (const path of ["/resources", "/resources/manage", `/resources/${pools.DIG}`, `/resources/${pools[SOC_POOL]}`, "/resources/demand", "/resources/demand?quarters=12&n=6"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    await page.goto(`/initiatives/${await initiativeId(page)}`);
    await expect(page.getByTestId("initiative-resources")).toBeVisible();
    // A refused submission shows its messages; the page must stay accessible with them.
    await page.getByTestId("new-allocation-form").getByRole("button").click();
    await expect(page.getByTestId("new-allocation-form").getByRole("status")).not.toBeEmpty(AFTER_SAVE);
    await expectAccessible(page);
  });
}

for (const lang of LANGS) {
  test(`the demand view fits a 1366 px screen and says once per pool which quarters have no capacity (${lang})`, async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 900 });
    await useLanguage(context, baseURL!, lang);
    await signedIn(page, "ledning@demo.kommun.se");
    const scroll = (selector: string) => page.locator(selector).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    // Eight quarters (the default): neither the page nor the table scrolls sideways; every quarter is in view.
    await page.goto("/resources/demand");
    const grid = page.getByTestId("demand-grid");
    await expect(grid.locator("thead th")).toHaveCount(9);
    const pageWidth = await scroll("html");
    expect(pageWidth.scroll).toBeLessThanOrEqual(pageWidth.client);
    const region = await scroll("[data-testid=demand-grid-region]");
    expect(region.scroll).toBeLessThanOrEqual(region.client);
    await expect(grid.locator("thead th").last()).toBeInViewport();
    // Twelve quarters may scroll inside the table's own region, never the page.
    await page.goto("/resources/demand?quarters=12");
    const wide = await scroll("html");
    expect(wide.scroll).toBeLessThanOrEqual(wide.client);
    // A quarter without capacity is not spelled out cell by cell: one note per pool names them.
    const noCapacity = lang === "sv" ? "Ingen kapacitet angiven" : "No capacity set";
    const rows = grid.locator("tbody tr");
    const notes = await rows.evaluateAll((trs, words) => trs.map((tr) => (tr.textContent ?? "").split(words).length - 1), noCapacity);
    expect(Math.max(...notes)).toBe(1);
    await expect(grid.getByTestId("no-capacity-note").first()).toHaveText(lang === "sv" ? /^Ingen kapacitet angiven för \d{4}-Q\d/ : /^No capacity set for \d{4}-Q\d/);
    const cells = (await grid.locator("td").allInnerTexts()).map((text) => text.replace(/\s+/g, " "));
    expect(cells.filter((text) => /(^|\D)0 (tim|h) (av|of) 0 (tim|h)/.test(text) || text.includes(noCapacity))).toEqual([]);
    await expectAccessible(page);
  });
}

test("a viewer reads pools and demand but gets no forms and 403 from the API", async ({ page }) => {
  await signedIn(page, "insyn@demo.kommun.se");
  await page.goto("/resources");
  await expect(page.getByTestId("pools")).toBeVisible();
  await expect(page.getByTestId("resource-settings")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Hantera pooler och inställningar" })).toHaveCount(0);
  await page.goto("/resources/manage");
  await expect(page).toHaveURL(/\/settings\?denied=pools$/);
  await expect(page.getByTestId("settings-denied")).toContainText("Resurspooler");
  const pools = await poolIds(page);
  const id = await initiativeId(page);
  await page.goto(`/initiatives/${id}`);
  await expect(page.getByTestId("initiative-resources")).toBeVisible();
  await expect(page.getByTestId("new-allocation-form")).toHaveCount(0);
  expect((await page.request.post("/api/v1/allocations", { data: { initiativeId: id, poolId: pools.DIG, quarter: Q_MANAGER, hours: 5 } })).status()).toBe(403);
  expect((await page.request.put(`/api/v1/pools/${pools.DIG}/capacity`, { data: { quarter: Q_MANAGER, hours: 5 } })).status()).toBe(403);
  const demand = await page.request.get("/api/v1/resources/demand?quarters=2&n=3");
  expect(demand.status()).toBe(200);
  const body = (await demand.json()) as { data: { quarters: string[]; reinforcement: { n: number } } };
  expect(body.data.quarters).toEqual([NOW, addQuarters(NOW, 1)]);
  expect(body.data.reinforcement.n).toBe(3);
  expect((await page.request.get("/api/v1/resources/demand?n=13")).status()).toBe(400);
});

test("pools are created and the resource settings kept on a page of their own, reached from the overview", async ({ page }) => {
  await signedIn(page, "dig@demo.kommun.se");
  await page.goto("/resources");
  // The overview carries neither form: everyone reads it, few change it.
  await expect(page.getByTestId("pools")).toBeVisible();
  await expect(page.getByTestId("create-pool-form")).toHaveCount(0);
  await expect(page.getByTestId("resource-settings")).toHaveCount(0);
  await page.getByRole("link", { name: "Hantera pooler och inställningar" }).click();
  await expect(page).toHaveURL(/\/resources\/manage$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hantera pooler" })).toBeVisible();
  await expect(page.getByTestId("pool-list").getByRole("link", { name: SOC_POOL })).toBeVisible();

  // A refused value keeps the saved one; the saved value comes back after a reload.
  const settings = page.getByTestId("resource-settings");
  const limit = page.locator("#defaultWipLimit");
  const saved = await limit.inputValue();
  await limit.fill("många");
  await settings.getByRole("button", { name: "Spara inställningar" }).click();
  await expect(settings.getByRole("status")).toContainText("Rätta det som är markerat", AFTER_SAVE);
  await page.reload();
  await expect(limit).toHaveValue(saved);
  await limit.fill(saved);
  await settings.getByRole("button", { name: "Spara inställningar" }).click();
  await expect(settings.getByRole("status")).toHaveText("Inställningarna är sparade.", AFTER_SAVE);
});

test("the manage page shows each role what it may change", async ({ page }) => {
  // A department manager: a local pool of the own department, no settings.
  await signedIn(page, "chef@demo.kommun.se");
  await page.goto("/resources/manage");
  await expect(page.getByTestId("create-pool-form")).toBeVisible();
  await expect(page.locator("#pool-kind option")).toHaveText(["Lokal: en förvaltnings egen pool"]);
  await expect(page.locator("#pool-department option")).toHaveText(["Ingen (central pool)", "Socialförvaltningen"]);
  await expect(page.getByTestId("resource-settings")).toHaveCount(0);
  // Leadership: the settings, no pools to create.
  await page.context().clearCookies();
  await signedIn(page, "ledning@demo.kommun.se");
  await page.goto("/resources/manage");
  await expect(page.getByTestId("resource-settings")).toBeVisible();
  await expect(page.getByTestId("create-pool-form")).toHaveCount(0);
});
