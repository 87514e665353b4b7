import { expect, test } from "@playwright/test";
import { expectAccessible, LANGS, signIn, useLanguage } from "./support";

test("leadership sees the portfolio ranked by score with its breakdown, the PIOS balance against the target, and the backlog", async ({ page }) => {
  await signIn(page, "ledning@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Portfölj" }).click();
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
