import { expect, test } from "@playwright/test";
import { expectAccessible, LANGS, signIn, useLanguage } from "./support";

// Pages whose words need explaining link them to the glossary; every link lands on an entry.
const PAGES = ["/portfolio", "/portfolio/balance", "/resources", "/resources/demand", "/triage", "/benefits", "/programs", "/roadmap", "/initiatives/new"];

for (const lang of LANGS) {
  test(`the glossary explains the jargon the pages link to, and the jargon has plain labels (${lang})`, async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await useLanguage(context, baseURL!, lang);
    await signIn(page, "admin@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    const w = lang === "sv"
      ? { glossary: "Ordlista", wip: "Gräns för pågående initiativ (WIP)", pios: "Kategori (PIOS-modellen)", n: "Tid att genomföra de beslutade initiativen (kvartal)", balance: "Balans mellan de fyra kategorierna", wipColumn: "Pågående initiativ" }
      : { glossary: "Glossary", wip: "Limit on initiatives in progress (WIP)", pios: "Category (the PIOS model)", n: "Time to carry out the approved initiatives (quarters)", balance: "Balance between the four categories", wipColumn: "Initiatives in progress" };

    // Every link from a page to the glossary, with the words it shows.
    const links = new Map<string, string>();
    for (const path of PAGES) {
      await page.goto(path);
      const terms = page.getByTestId("glossary-terms").getByRole("link");
      expect(await terms.count(), path).toBeGreaterThan(0);
      for (const link of await terms.all()) links.set((await link.getAttribute("href"))!, (await link.textContent())!);
    }
    expect([...links.keys()]).toEqual(expect.arrayContaining(["/glossary#pios", "/glossary#wip", "/glossary#reinforcement", "/glossary#load", "/glossary#tracks"]));

    // The footer leads to the glossary from any page; each linked entry is there, under the same words.
    await page.getByRole("contentinfo").getByRole("link", { name: w.glossary }).click();
    await expect(page).toHaveURL(/\/glossary$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.glossary);
    for (const [href, term] of links) {
      const entry = page.locator(`[id="${href.split("#")[1]}"]`);
      await expect(entry.locator("dt"), href).toHaveText(term);
      expect((await entry.locator("dd").textContent())!.length, href).toBeGreaterThan(40);
    }
    await expect(page.locator("#wip dt")).toHaveText(w.wip);
    await expect(page.locator("#pios dt")).toHaveText(w.pios);
    await expectAccessible(page);
    // Following a page's link lands on (and marks) its entry.
    await page.goto("/resources");
    await page.getByTestId("glossary-terms").getByRole("link", { name: w.wip }).click();
    await expect(page).toHaveURL(/\/glossary#wip$/);
    await expect(page.locator("#wip")).toBeInViewport();

    // The jargon itself is gone from the labels: plain words, the term kept in the glossary.
    await page.goto("/resources/demand");
    await expect(page.getByLabel(w.n)).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/Beta av|Clear approved/);
    await page.goto("/resources");
    await expect(page.getByTestId("pools").locator("thead")).toContainText(w.wipColumn);
    await expect(page.getByTestId("pools").locator("thead")).not.toContainText("WIP");
    await page.goto("/portfolio/balance");
    await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(w.balance);
    expect((await page.locator("main h2, main th").allTextContents()).filter((text) => text.includes("PIOS"))).toEqual([]);
  });
}

for (const lang of LANGS) {
  test(`hours, kronor and percentages are written one way on every page (${lang})`, async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await useLanguage(context, baseURL!, lang);
    await signIn(page, "ledning@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    const ranking = (await (await page.request.get("/api/v1/portfolio/ranking")).json()).data as { id: string }[];
    const meetings = (await (await page.request.get("/api/v1/meetings")).json()).data as { past: { id: string }[] };
    const pages = ["/", "/portfolio", "/portfolio/balance", "/resources", "/resources/demand", "/programs", "/benefits", `/initiatives/${ranking[0]!.id}`, `/meetings/${meetings.past[0]!.id}`, `/meetings/${meetings.past[0]!.id}/minutes`];
    // Swedish: "1 630 tim", "47,1 %", "250 000 kr" – never "h", "timmar" after a figure, or a decimal point.
    // English: "1,630 h", "47.1%", "SEK 250,000" – never a space before % or "tim".
    // (A unit is a whole word: "0 h" counts, "0" above "hälsoskydds…" in a chart does not.)
    const wrong = lang === "sv" ? [/\d ?h(?![\p{L}\p{N}])/u, /\d ?timmar(?!\p{L})/u, /\d\.\d+ ?%/u, /(?<!\p{L})SEK(?!\p{L})/u] : [/\d %/u, /\d ?tim(?!\p{L})/u, /\d ?kr(?!\p{L})/u];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const text = (await page.locator("main").innerText()).replace(/\u00a0/g, " ");
      for (const pattern of wrong) expect(text.match(pattern)?.[0] ?? null, `${path}: ${pattern}`).toBeNull();
    }
  });
}
