// People on the demo municipality: a deactivation or a new role ends the person's open session
// at their next request; leadership reads the audit log; a role without access is told why.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, LANGS, signIn, useLanguage } from "./support";

async function addPerson(page: Page, name: string, email: string, role: string) {
  await page.goto("/settings/users");
  await page.locator("#new-user-name").fill(name);
  await page.locator("#new-user-email").fill(email);
  await page.locator("#new-user-role").selectOption(role);
  await page.getByTestId("create-user-form").getByRole("button", { name: "Lägg till och skapa inbjudan" }).click();
  await expect(page.getByTestId("password-link")).toContainText(name);
  return page.locator("#password-link-url").inputValue();
}

test("deactivating a person, or giving them a new role, ends their open session at the next request", async ({ page, browser, baseURL }) => {
  const tag = Date.now().toString(36);
  const email = `e2e.${tag}@demo.kommun.se`;
  await signIn(page, "admin@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  const link = await addPerson(page, "E2E Insynsperson", email, "VIEWER");

  const other = await browser.newContext({ baseURL });
  const them = await other.newPage();
  await them.goto(link);
  await them.locator("#password").fill("en fras för testet");
  await them.locator("#confirm").fill("en fras för testet");
  await them.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(them.getByTestId("signin-done")).toBeVisible();
  await signIn(them, email, "en fras för testet");
  await expect(them.getByTestId("role-line")).toContainText("Insyn");
  expect((await them.request.get("/api/v1/initiatives?pageSize=1")).status()).toBe(200);

  // The admin deactivates them: their next page is the sign-in, the API says 401, sign-in fails.
  await page.goto("/settings/users");
  // This person's row, by the unique address: the name may be there from an earlier run.
  await page.getByTestId(`person-row-${email}`).getByRole("link", { name: "E2E Insynsperson" }).click();
  await page.getByTestId("person-active").getByRole("button", { name: "Inaktivera personen" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ja, inaktivera" }).click();
  await expect(page.getByText("Inaktiverad").first()).toBeVisible();
  await them.goto("/initiatives");
  await expect(them).toHaveURL(/\/signin/);
  expect((await them.request.get("/api/v1/initiatives?pageSize=1")).status()).toBe(401);
  await signIn(them, email, "en fras för testet");
  await expect(them.getByTestId("signin-error")).not.toBeEmpty();

  // Reactivated, they sign in; a new role ends that session too, and the next sign-in has the new role.
  await page.reload();
  await page.getByTestId("person-active").getByRole("button", { name: "Aktivera personen igen" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ja, aktivera" }).click();
  await expect(page.getByTestId("person-active").getByRole("button", { name: "Inaktivera personen" })).toBeVisible();
  await signIn(them, email, "en fras för testet");
  await expect(them.getByTestId("role-line")).toContainText("Insyn");
  await page.reload();
  await page.locator("#user-role").selectOption("LEADERSHIP");
  await page.getByTestId("edit-user-form").getByRole("button", { name: "Spara" }).click();
  await expect(page.getByTestId("edit-user-form").getByRole("status")).toHaveText("Ändringen är sparad.");
  await them.goto("/");
  await expect(them).toHaveURL(/\/signin/);
  await signIn(them, email, "en fras för testet");
  await expect(them.getByTestId("role-line")).toContainText("Kommunledning");
  await other.close();
});

test("leadership reads and exports the audit log and keeps the goals; a viewer is told why settings are closed", async ({ page, browser, baseURL }) => {
  await signIn(page, "ledning@demo.kommun.se");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inställningar" }).click();
  const sections = page.getByTestId("settings-sections");
  await expect(sections.getByRole("link")).toHaveText(["Strategiska mål", "Resurspooler", "Vikter och målbalans", "Händelselogg"]);
  await sections.getByRole("link", { name: "Händelselogg" }).click();
  await page.locator("#audit-action").selectOption("initiative.create");
  await page.getByTestId("audit-filter").getByRole("button", { name: "Visa" }).click();
  await expect(page.getByTestId("audit-event").first()).toContainText("initiative.create");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export").click()]);
  const csv = fs.readFileSync((await file.path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n");
  expect(csv[0]).toBe("at;actor;actorId;action;entityType;entityId;before;after");
  expect(csv.slice(1).filter(Boolean).every((line) => line.includes(";initiative.create;"))).toBe(true);
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/settings\?denied=users$/);
  await expect(page.getByTestId("settings-denied")).toContainText("Personer");

  const viewer = await browser.newContext({ baseURL });
  const v = await viewer.newPage();
  await signIn(v, "insyn@demo.kommun.se");
  await expect(v.getByTestId("role-line")).toBeVisible();
  await expect(v.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inställningar" })).toHaveCount(0);
  await v.goto("/settings/audit");
  await expect(v).toHaveURL(/denied=audit/);
  await expect(v.getByTestId("settings-denied")).toContainText("Händelselogg");
  await viewer.close();
});

for (const lang of LANGS) {
  test(`the administration pages pass axe on the demo municipality (${lang})`, async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await useLanguage(context, baseURL!, lang);
    await signIn(page, "admin@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    for (const path of ["/settings", "/settings/organisation", "/settings/users", "/settings/goals", "/settings/sso", "/settings/audit", "/resources"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectAccessible(page);
    }
    await page.goto("/settings/users?role=DEPARTMENT_MANAGER");
    await page.getByTestId("people-table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/settings\/users\/[^/?]+$/);
    // Each language is named in its own language, and marked so a screen reader says it so.
    await expect(page.locator("#user-locale option[value=en]")).toHaveAttribute("lang", "en");
    await expect(page.locator("#user-locale option[value=sv]")).toHaveAttribute("lang", "sv");
    await expectAccessible(page);
    await page.goto("/settings/audit");
    await page.getByTestId("audit-event").first().locator("summary").click();
    await expectAccessible(page);
    // A half-typed date is refused by the page itself, in its language, on the field (no browser bubble, nothing sent).
    await page.locator("#audit-from").focus();
    // One digit: whatever order the browser shows the date's parts in, the date is then incomplete.
    await page.keyboard.type("2");
    await page.getByTestId("audit-filter").getByRole("button", { name: lang === "sv" ? "Visa" : "Show" }).click();
    await expect(page.locator("#audit-from")).toBeFocused();
    await expect(page.locator("#audit-from")).toHaveAccessibleDescription(lang === "sv" ? "Datumet är inte fullständigt. Skriv hela datumet (ÅÅÅÅ-MM-DD) eller töm fältet." : "The date is not complete. Enter the whole date (YYYY-MM-DD) or empty the field.");
    await expect(page).toHaveURL(/\/settings\/audit$/);
    await expectAccessible(page);
  });
}
