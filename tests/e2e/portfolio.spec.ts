import { expect, test } from "@playwright/test";
import { expectAccessible, LANGS, signIn, useLanguage } from "./support";

test("leadership sees the portfolio ranked by score with its breakdown, the PIOS balance against the target, and the backlog", async ({ page }) => {
  await signIn(page, "ledning@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Portfölj", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portföljen");

  // Four quadrants; shares add up to 100 and the demo's target balance is shown.
  const rows = page.getByTestId("balance").locator("tbody tr");
  await expect(rows).toHaveCount(4);
  const shares = (await page.getByTestId("balance").locator("tbody tr td:nth-child(2)").allInnerTexts()).map((s) => Number(s.replace(/[^\d,]/g, "").replace(",", ".")));
  expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  await expect(page.getByTestId("balance")).not.toContainText("Ingen målbalans satt");
  await page.getByRole("link", { name: "antal" }).click();
  await expect(page.getByRole("link", { name: "antal" })).toHaveAttribute("aria-current", "true");

  await expect(page.getByTestId("backlog")).toContainText("har inte påbörjats");

  // Unplaced initiatives follow the score, highest first.
  const ranking = page.getByTestId("ranking").locator("tbody tr");
  expect(await ranking.count()).toBeGreaterThan(10);
  const manual = await ranking.evaluateAll((trs) => trs.map((tr) => tr.textContent?.includes("Manuellt placerad") ?? false));
  const scores = (await page.getByTestId("ranking").locator("tbody tr td:nth-child(5)").allInnerTexts()).map((s) => Number(s.replace(/\s/g, "").replace(",", ".")));
  const unplaced = scores.filter((_, i) => !manual[i]);
  expect(unplaced).toEqual([...unplaced].sort((a, b) => b - a));
  await expect(page.getByTestId("sensitivity")).toContainText(/Topp 10 är robust|Ordningen i topp 10 beror på vikterna/);
  await ranking.first().getByText("Så räknas poängen").click();
  await expect(ranking.first()).toContainText("Strategisk koppling");
});

for (const lang of LANGS) {
  test(`portfolio page passes axe (${lang}) and is readable by a viewer`, async ({ page, context, baseURL }) => {
    await useLanguage(context, baseURL!, lang);
    await signIn(page, "insyn@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    await page.goto("/portfolio");
    await expect(page.getByTestId("ranking")).toBeVisible();
    await page.getByTestId("ranking").locator("details").first().locator("summary").click();
    await expectAccessible(page);
  });
}

test("leadership sets the target balance; a sum other than 100 is refused; a viewer has no control", async ({ page, browser, baseURL }) => {
  await signIn(page, "ledning@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  await page.goto("/portfolio");
  await page.getByText(/Sätt målbalans för \d{4}/).click();
  const form = page.getByTestId("target-form");
  await form.getByLabel("Intern effektivitet").fill("50");
  await form.getByLabel("Intern innovation").fill("20");
  await form.getByLabel("Extern effektivitet").fill("20");
  await form.getByLabel("Extern innovation").fill("20");
  await form.getByRole("button", { name: "Spara målbalans" }).click();
  await expect(form.getByText("Andelarna ska tillsammans bli exakt 100 %.")).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel("Extern innovation").fill("10");
  await form.getByRole("button", { name: "Spara målbalans" }).click();
  await expect(form.getByText("Målbalansen är sparad.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("balance").locator("tbody tr").first()).toContainText("50 %");

  // Score weights: out of range is refused next to the field; a valid set is saved.
  await page.getByText("Vikter för nyttopoängen").click();
  const weights = page.getByTestId("weights-form");
  await weights.getByLabel("Räckvidd").fill("12");
  await weights.getByRole("button", { name: "Spara vikter" }).click();
  await expect(weights.getByText("Talet är orimligt stort.")).toBeVisible();
  await weights.getByLabel("Räckvidd").fill("2");
  await weights.getByRole("button", { name: "Spara vikter" }).click();
  await expect(weights.getByText("Vikterna är sparade.")).toBeVisible();
  await expectAccessible(page);

  const viewer = await browser.newContext({ baseURL });
  const viewerPage = await viewer.newPage();
  await signIn(viewerPage, "insyn@demo.kommun.se");
  await expect(viewerPage.getByTestId("role-line")).toBeVisible();
  await viewerPage.goto("/portfolio");
  await expect(viewerPage.getByText(/Sätt målbalans/)).toHaveCount(0);
  await expect(viewerPage.getByText("Vikter för nyttopoängen")).toHaveCount(0);
  const api = await viewerPage.request.put("/api/v1/portfolio/balance-target", { data: { year: 2026, shares: { INTERNAL_EFFICIENCY: 25, INTERNAL_INNOVATION: 25, EXTERNAL_EFFICIENCY: 25, EXTERNAL_INNOVATION: 25 } } });
  expect(api.status()).toBe(403);
  await viewer.close();
});
