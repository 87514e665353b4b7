import { expect, test } from "@playwright/test";
import { expectAccessible, LANGS, signIn, useLanguage } from "./support";

for (const lang of LANGS) {
  test.describe(`accessibility (${lang})`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await useLanguage(context, baseURL!, lang);
    });

    test("sign-in page, also with an error shown", async ({ page }) => {
      await page.goto("/signin");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectAccessible(page);
      await signIn(page, "chef@demo.kommun.se", "wrong");
      await expect(page.getByTestId("signin-error")).not.toBeEmpty();
      await expectAccessible(page);
    });

    test("home page", async ({ page }) => {
      await signIn(page, "chef@demo.kommun.se");
      await expect(page.getByTestId("role-line")).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectAccessible(page);
    });

    test("not-found page", async ({ page }) => {
      await signIn(page, "insyn@demo.kommun.se");
      await expect(page.getByTestId("role-line")).toBeVisible();
      const response = await page.goto("/finns-inte");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "sv" ? "Sidan finns inte" : "Page not found");
      await expectAccessible(page);
      // A record that does not exist is the same 404 page (lib/server/or-not-found.ts), not an error.
      const missing = "00000000-0000-4000-8000-000000000000";
      for (const path of [`/initiatives/${missing}`, `/initiatives/${missing}/edit`, `/programs/${missing}`, `/programs/${missing}/edit`, `/resources/${missing}`]) {
        expect((await page.goto(path))?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "sv" ? "Sidan finns inte" : "Page not found");
      }
    });

    test("skip link moves focus to the main content", async ({ page }) => {
      await signIn(page, "dig@demo.kommun.se");
      await expect(page.getByTestId("role-line")).toBeVisible();
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: lang === "sv" ? "Hoppa till huvudinnehållet" : "Skip to main content" });
      await expect(skip).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.locator("#main")).toBeFocused();
    });
  });
}
