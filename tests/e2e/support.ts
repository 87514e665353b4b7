import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

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

/**
 * The signed-in department manager registers an initiative of their own department and submits
 * it, through the API, as the department's own tools might.
 */
export async function submitThroughApi(page: Page, fields: Record<string, unknown>): Promise<{ id: string; number: number }> {
  const me = await (await page.request.get("/api/auth/session")).json();
  const created = await page.request.post("/api/v1/initiatives", { data: { ownerDepartmentId: me.user.departmentId, ...fields } });
  expect(created.status()).toBe(201);
  const { data } = (await created.json()) as { data: { id: string; number: number } };
  expect((await page.request.post(`/api/v1/initiatives/${data.id}/submit`, { data: { version: 1 } })).status()).toBe(200);
  return { id: data.id, number: data.number };
}

export async function signIn(page: Page, email: string, password = "demo") {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: /^(Logga in|Sign in)$/ }).click();
}

/** A page in a context of its own, signed in, in a language (locale and cookie), against the shared server or a test's own. */
export async function session(browser: Browser, baseURL: string, lang: Lang, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: lang === "sv" ? "sv-SE" : "en-GB" });
  await useLanguage(context, baseURL, lang);
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByTestId("role-line")).toBeVisible();
  return page;
}

/** What the browser blocked under the Content-Security-Policy on this page, from now on (its console errors). */
export function cspViolations(page: Page): string[] {
  const blocked: string[] = [];
  page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && blocked.push(m.text()));
  return blocked;
}

/**
 * Zero WCAG 2.1 A/AA violations on the page as it settles. After a client-side navigation Next
 * renders the new page's <title> in a Suspense boundary of its own: the old title goes when the
 * new page commits, the new one comes a moment later. A title check can pass on the old title
 * and axe then land in the gap (seen once: "document-title" right after following a link), so
 * axe is asked again, for up to 5 s, while it finds violations; a violation that stays fails with
 * axe's report. Each run of axe finishes whatever it takes (on a big page, seconds on a busy
 * machine): a deadline around the run itself failed pages that had no violation at all.
 */
export async function expectAccessible(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const settleBy = Date.now() + 5_000;
  for (;;) {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    if (!summary.length || Date.now() > settleBy) {
      expect(summary).toEqual([]);
      return;
    }
    await page.waitForTimeout(250);
  }
}

/**
 * Numbers with units written one way, the locale's way, in the page's main content.
 * Swedish: "1 630 tim", "47,1 %", "250 000 kr", "30,1 dagar" – never "h" or "timmar" after a
 * figure, a decimal point, a comma between thousands or "SEK". English: "1,630 h", "47.1%",
 * "SEK 250,000" – never a space before %, "tim", "kr" or a decimal comma.
 * (A unit is a whole word: "0 h" counts, "0" above "hälsoskydds…" in a chart does not; and a
 * figure is a whole number: the "2h" ending a random id in the audit log is none.)
 */
export async function expectNumbersWrittenOneWay(page: Page, lang: Lang, where: string) {
  // A figure starts after something that is not a letter or digit: an id such as "…qw2h" is no figure.
  const figure = "(?<![\\p{L}\\p{N}])\\d+";
  const wrong = lang === "sv"
    ? [new RegExp(`${figure} ?h(?![\\p{L}\\p{N}])`, "u"), new RegExp(`${figure} ?timmar(?!\\p{L})`, "u"), /\d\.\d/u, /\d,\d{3}(?!\d)/u, /(?<!\p{L})SEK(?!\p{L})/u]
    : [/\d %/u, new RegExp(`${figure} ?tim(?!\\p{L})`, "u"), new RegExp(`${figure} ?kr(?!\\p{L})`, "u"), /\d,\d{1,2}(?!\d)/u];
  const text = (await page.locator("main").innerText()).replace(/[\u00a0\u202f]/g, " ");
  for (const pattern of wrong) {
    const hit = pattern.exec(text);
    expect(hit ? text.slice(Math.max(0, hit.index - 40), hit.index + 40) : null, `${where}: ${pattern}`).toBeNull();
  }
}
