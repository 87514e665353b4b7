import { expect, test } from "@playwright/test";
import { expectAccessible, expectNumbersWrittenOneWay, LANGS, signIn, useLanguage } from "./support";

// Pages whose words need explaining link them to the glossary; every link lands on an entry.
const PAGES = ["/portfolio", "/portfolio/balance", "/portfolio/scenarios", "/resources", "/resources/demand", "/triage", "/benefits", "/programs", "/roadmap", "/initiatives/new"];

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
    expect([...links.keys()]).toEqual(expect.arrayContaining(["/glossary#pios", "/glossary#scenario", "/glossary#optimiser", "/glossary#wip", "/glossary#reinforcement", "/glossary#load", "/glossary#tracks"]));

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
  test(`hours, kronor, percentages and decimals are written one way on every page (${lang})`, async ({ page, context, baseURL }) => {
    test.setTimeout(300_000);
    await useLanguage(context, baseURL!, lang);
    const visit = async (paths: string[]) => {
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
        await expectNumbersWrittenOneWay(page, lang, path);
      }
    };
    // Leadership sees the most pages with figures.
    await signIn(page, "ledning@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    const get = async <T,>(path: string) => ((await (await page.request.get(path)).json()) as { data: T }).data;
    const ranking = await get<{ id: string }[]>("/api/v1/portfolio/ranking");
    const meetings = await get<{ past: { id: string }[] }>("/api/v1/meetings");
    const programs = await get<{ id: string }[]>("/api/v1/programs");
    const pools = await get<{ id: string }[]>("/api/v1/pools");
    await visit([
      "/", "/portfolio", "/portfolio/balance", "/portfolio/settings", "/portfolio/scenarios", "/resources", "/resources/demand", `/resources/${pools[0]!.id}`,
      "/programs", `/programs/${programs[0]!.id}`, "/roadmap", "/benefits", "/benefits/follow-ups", "/initiatives", `/initiatives/${ranking[0]!.id}`, `/initiatives/${ranking.at(-1)!.id}`,
      "/meetings", `/meetings/${meetings.past[0]!.id}`, `/meetings/${meetings.past[0]!.id}/minutes`, "/glossary",
    ]);
    // DIG: the triage queue ("30,1 dagar", not "30.1 dagar") and an initiative in it.
    await page.context().clearCookies();
    await useLanguage(context, baseURL!, lang);
    await signIn(page, "dig@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    await visit(["/triage"]);
    const first = await page.locator("tbody tr a").first().getAttribute("href");
    await visit([first!, "/settings/triage"]);
    // The administrator's settings with figures.
    await page.context().clearCookies();
    await useLanguage(context, baseURL!, lang);
    await signIn(page, "admin@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    await visit(["/settings", "/settings/benefits", "/settings/audit", "/settings/data"]);
  });
}
