// Long lists come in pages: the triage queue (50 a page) and the initiative list (25 a page).
// The shared demo server's queue is shorter than a page, and filling it would move other tests'
// initiatives off the first page, so this runs on a server of its own with the demo municipality.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, LANGS, session, submitThroughApi } from "./support";
import { ownPort, startOwnServer, type OwnServer } from "./own-server";

/** More submitted initiatives than the queue shows on a page. */
const SUBMITTED = 55;

const W = {
  sv: { next: "Nästa sida", previous: "Föregående sida", pages: "Sidor", queue: /^Visar 51–(\d+) av (\d+) inskickade/, first: /^Visar 1–50 av (\d+) inskickade/, list: /^Sida 2 av (\d+)$/ },
  en: { next: "Next page", previous: "Previous page", pages: "Pages", queue: /^Showing 51–(\d+) of (\d+) submitted/, first: /^Showing 1–50 of (\d+) submitted/, list: /^Page 2 of (\d+)$/ },
};

test.describe.configure({ mode: "serial" });

let server: OwnServer;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  server = await startOwnServer(ownPort(3160), { PORTFOLJEN_REMINDERS: "0" }, { database: "embedded" });
  const chef = await session(browser, server.baseURL, "sv", "chef@demo.kommun.se");
  for (let k = 1; k <= SUBMITTED; k++) {
    await submitThroughApi(chef, {
      title: `Digital ansökan om tjänst nummer ${k}`, need: `Invånare ska kunna ansöka digitalt om tjänst ${k} i stället för på papper.`, benefitRecipient: "EXTERNAL", nature: "EFFICIENCY",
    });
  }
  await chef.context().close();
});

test.afterAll(async () => {
  await server?.stop();
});

/** The page's pagination: its links and its "page N of M". */
const pagination = (page: Page, lang: "sv" | "en") => page.getByRole("navigation", { name: W[lang].pages });

for (const lang of LANGS) {
  test(`the triage queue and the initiative list go page by page, and pass axe on the second page (${lang})`, async ({ browser }) => {
    const w = W[lang];
    const dig = await session(browser, server.baseURL, lang, "dig@demo.kommun.se");

    await dig.goto("/triage");
    const total = Number((await dig.getByText(w.first).textContent())!.match(w.first)![1]);
    expect(total).toBeGreaterThanOrEqual(SUBMITTED);
    await expect(dig.locator("tbody tr")).toHaveCount(50);
    await expect(pagination(dig, lang).getByRole("link", { name: w.previous })).toHaveCount(0);
    await pagination(dig, lang).getByRole("link", { name: w.next }).click();
    await expect(dig).toHaveURL(/\/triage\?page=2$/);
    const [, to, all] = (await dig.getByText(w.queue).textContent())!.match(w.queue)!;
    expect(Number(all)).toBe(total);
    expect(Number(to)).toBe(Math.min(total, 100));
    await expect(dig.locator("tbody tr")).toHaveCount(Number(to) - 50);
    // The oldest first: the second page ends with the last ones submitted.
    await expect(dig.locator("tbody tr").last()).toContainText(`Digital ansökan om tjänst nummer ${SUBMITTED}`);
    await expectAccessible(dig);
    await pagination(dig, lang).getByRole("link", { name: w.previous }).click();
    await expect(dig.getByText(w.first)).toBeVisible();

    await dig.goto("/initiatives");
    await expect(dig.locator("tbody tr")).toHaveCount(25);
    await pagination(dig, lang).getByRole("link", { name: w.next }).click();
    await expect(dig).toHaveURL(/[?&]page=2(&|$)/);
    await expect(pagination(dig, lang).getByText(w.list)).toBeVisible();
    await expect(dig.locator("tbody tr")).toHaveCount(25);
    await expectAccessible(dig);
    await dig.context().close();
  });
}
