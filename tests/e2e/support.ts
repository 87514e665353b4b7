import AxeBuilder from "@axe-core/playwright";
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_ACCOUNTS = [
  { email: "chef@demo.kommun.se", role: { sv: "Verksamhetsföreträdare", en: "Department manager" }, department: "Socialförvaltningen" },
  { email: "chef.skola@demo.kommun.se", role: { sv: "Verksamhetsföreträdare", en: "Department manager" }, department: "Förskola & Grundskola" },
  { email: "dig@demo.kommun.se", role: { sv: "Digitaliseringsenheten (DIG)", en: "Digitalisation unit (DIG)" }, department: "Kommunledningskontoret" },
  { email: "ledning@demo.kommun.se", role: { sv: "Kommunledning", en: "Leadership" }, department: "Kommunledningskontoret" },
  { email: "insyn@demo.kommun.se", role: { sv: "Insyn (endast läsning)", en: "Viewer (read only)" }, department: null },
  { email: "admin@demo.kommun.se", role: { sv: "Administratör", en: "Administrator" }, department: null },
] as const;

export type Lang = "sv" | "en";
export const LANGS: Lang[] = ["sv", "en"];

export async function useLanguage(context: BrowserContext, baseURL: string, lang: Lang) {
  await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL }]);
}

export async function signIn(page: Page, email: string, password = "demo") {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: /^(Logga in|Sign in)$/ }).click();
}

/** Zero WCAG 2.1 A/AA violations on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}
