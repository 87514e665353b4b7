// What-if scenarios end to end, in Swedish and English: leadership creates a scenario with two
// more developers, runs the optimiser, compares the plan with the live portfolio, reads why an
// initiative is out, puts the scenario on a portfolio meeting's agenda and adopts it there.
// Adoption turns a whole plan into decisions, so each language gets a server and demo database
// of its own: the shared demo server's portfolio stays as the other tests expect it.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ownPort, startOwnServer } from "./own-server";
import { expectAccessible, expectNumbersWrittenOneWay, LANGS, session, submitThroughApi, type Lang } from "./support";

const W = {
  sv: {
    create: "Skapa scenariot", created: "Scenariot är skapat", save: "Spara scenariot", saved: "Scenariot är sparat", optimise: "Kör optimeringen",
    result: /Bästa möjliga plan hittad|Tiden tog slut efter/, live: "Verklig portfölj", optimised: "Optimerad plan", greedy: "I rangordning", why: "Varför är de inte med?", keptOut: /kapaciteten i DIG/,
    compare: "Jämför valda scenarier", compareTitle: "Jämför scenarier", toAgenda: "Sätt på dagordningen", onAgenda: "Scenariot står på mötets dagordning",
    adoptFor: "Anta scenariot", confirm: "Ja, anta scenariot", adopted: /Scenariot är antaget/, adoptedNote: "Mötet har antagit scenariot",
  },
  en: {
    create: "Create the scenario", created: "The scenario is created", save: "Save the scenario", saved: "The scenario is saved", optimise: "Run the optimiser",
    result: /The best possible plan was found|The time ran out after/, live: "Live portfolio", optimised: "Optimised plan", greedy: "In ranking order", why: "Why are they out?", keptOut: /the capacity of DIG/,
    compare: "Compare the chosen scenarios", compareTitle: "Compare scenarios", toAgenda: "Put on the agenda", onAgenda: "The scenario is on the meeting's agenda",
    adoptFor: "Adopt the scenario", confirm: "Yes, adopt the scenario", adopted: /The scenario is adopted/, adoptedNote: "The meeting has adopted the scenario",
  },
} as const;

/**
 * A large initiative the department submits and DIG triages to the portfolio track: more hours a
 * quarter than DIG has even with two more developers, so the optimiser must leave it out.
 */
async function tooLargeForDig(browser: Browser, baseURL: string, lang: Lang): Promise<{ id: string; number: number }> {
  const chef = await session(browser, baseURL, lang, "chef@demo.kommun.se");
  const data = await submitThroughApi(chef, {
    title: "Ny verksamhetsplattform för hela socialtjänsten", need: "Dagens verksamhetssystem är föråldrat och behöver ersättas för hela socialtjänsten.",
    benefitRecipient: "INTERNAL", nature: "EFFICIENCY", estimatedCostSek: 12_000_000, estimatedEffortHours: 40_000,
  });
  await chef.context().close();
  const dig = await session(browser, baseURL, lang, "dig@demo.kommun.se");
  const triaged = await dig.request.post(`/api/v1/triage/${data.id}/decision`, {
    data: { version: 2, kind: "BUSINESS_DEVELOPMENT", size: "LARGE", track: "PORTFOLIO", quadrant: "INTERNAL_EFFICIENCY", overrideReason: "Stort systembyte som ska prövas i portföljmötet." },
  });
  expect(triaged.status()).toBe(200);
  await dig.context().close();
  return { id: data.id, number: data.number };
}

LANGS.forEach((lang, index) => {
  test(`leadership adds capacity in a scenario, optimises, compares, reads why, and a meeting adopts it (${lang})`, async ({ browser }) => {
    test.setTimeout(300_000);
    const server = await startOwnServer(ownPort(3130 + index), {}, { database: "embedded" });
    const w = W[lang];
    try {
      const large = await tooLargeForDig(browser, server.baseURL, lang);
      const page = await session(browser, server.baseURL, lang, "ledning@demo.kommun.se");
      // A new scenario: the live portfolio of the next twelve quarters.
      await page.goto("/portfolio/scenarios");
      await expectAccessible(page);
      const name = lang === "sv" ? "Två utvecklare till från tredje kvartalet" : "Two more developers from the third quarter";
      await page.locator("#scenario-name").fill(name);
      await page.getByRole("button", { name: w.create }).click();
      await expect(page.getByText(w.created)).toBeVisible();
      await expect(page.getByTestId("scenario-name")).toHaveText(name);
      const scenarioUrl = new URL(page.url()).pathname;

      // Two more developers (800 h a quarter) in the DIG pool from the third quarter on.
      const pools = (await (await page.request.get("/api/v1/pools")).json()).data as { id: string; name: string; kind: string }[];
      const dig = pools.find((p) => p.kind === "DIG")!;
      await page.locator("#capacity-0-pool").selectOption(dig.id);
      const third = (await page.locator("#capacity-0-from option").nth(2).getAttribute("value"))!;
      await page.locator("#capacity-0-from").selectOption(third);
      await page.locator("#capacity-0-hours").fill("800");
      await page.getByRole("button", { name: w.save }).click();
      await expect(page.getByText(w.saved)).toBeVisible();
      const saved = (await (await page.request.get(`/api/v1${scenarioUrl.replace("/portfolio", "")}`)).json()).data;
      expect(saved.changes.capacity).toEqual([{ poolId: dig.id, from: third, to: null, hoursPerQuarter: 800 }]);

      // The optimiser runs on the server; the page follows its progress and shows the result.
      await page.locator("#time-limit").fill("5");
      await page.getByRole("button", { name: w.optimise }).click();
      await expect(page.getByTestId("run-status")).toHaveText(w.result, { timeout: 90_000 });
      const measures = page.getByTestId("measures");
      await expect(measures.getByRole("columnheader", { name: w.live })).toBeVisible();
      await expect(measures.getByRole("columnheader", { name: w.optimised })).toBeVisible();
      await expect(measures.getByRole("columnheader", { name: w.greedy })).toBeVisible();
      await expect(page.getByTestId("versus-greedy")).toBeVisible();
      // The run through the API says the same: a plan at least as good as the greedy baseline.
      const detail = (await (await page.request.get(`/api/v1${scenarioUrl.replace("/portfolio", "")}`)).json()).data;
      const run = detail.latestRun;
      expect(run.status).toBe("DONE");
      expect(run.result.objective).toBeGreaterThanOrEqual(run.result.greedy.objective - 1e-6);
      expect(run.result.plan.length).toBeGreaterThan(0);

      // Why an initiative is out: each one left out names what kept it out.
      await expect(page.getByRole("heading", { name: w.why })).toBeVisible();
      const explained = page.getByTestId("explanation").filter({ hasText: `#${large.number} ` });
      await expect(explained).toHaveCount(1);
      await expect(explained).toContainText(w.keptOut);
      expect(run.result.explanations.find((e: { id: string }) => e.id === large.id).blockedBy.map((b: { kind: string }) => b.kind)).toContain("capacity");
      await expect(page.getByTestId("explanations")).not.toContainText("{");
      // Figures in the reader's format: the load table, the measures, the result and the form's help.
      await expectNumbersWrittenOneWay(page, lang, scenarioUrl);
      await expectAccessible(page);

      // Compared with the live portfolio.
      await page.goto("/portfolio/scenarios");
      await page.getByRole("checkbox", { name: new RegExp(name) }).check();
      await page.getByRole("button", { name: w.compare }).click();
      await expect(page.getByRole("heading", { name: w.compareTitle, exact: true })).toBeVisible();
      await expect(page.getByRole("columnheader", { name: w.live }).first()).toBeVisible();
      await expect(page.getByRole("columnheader", { name }).first()).toBeVisible();
      await expectNumbersWrittenOneWay(page, lang, "/portfolio/scenarios/compare");
      await expectAccessible(page);

      // On a portfolio meeting's agenda, where the meeting adopts it.
      const title = lang === "sv" ? "Portföljmöte om kapaciteten" : "Portfolio meeting on capacity";
      const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      const created = await page.request.post("/api/v1/meetings", { data: { title, date, registryNumber: "KS 2026/0777", participants: "Per Håkansson (ordförande)" } });
      expect(created.status()).toBe(201);
      const meetingId = (await created.json()).data.id as string;
      await page.goto(scenarioUrl);
      await page.locator("#meeting").selectOption(meetingId);
      await page.getByRole("button", { name: w.toAgenda }).click();
      await expect(page.getByText(w.onAgenda)).toBeVisible();

      await page.goto(`/meetings/${meetingId}`);
      const item = page.getByTestId("meeting-scenario");
      await expect(item).toContainText(name);
      await expectAccessible(page);
      await item.getByText(w.adoptFor).first().click();
      await item.locator("textarea[name=rationale]").fill(lang === "sv" ? "Mest nytta inom kapaciteten med två utvecklare till." : "The most benefit within capacity with two more developers.");
      await item.getByTestId("adopt-form").getByRole("button").last().click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toBeVisible();
      await dialog.getByRole("button", { name: w.confirm }).click();
      // Adoption re-plans the scenario against the live portfolio and writes every decision: give it time on a busy machine.
      await expect(page.getByText(w.adopted)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("scenario-adopted")).toContainText(w.adoptedNote);
      await expectAccessible(page);

      // The decisions are recorded like any other, each naming the scenario.
      const meeting = (await (await page.request.get(`/api/v1/meetings/${meetingId}`)).json()).data;
      const decisions = (meeting.agenda as { initiative: { id: string }; decision: { type: string; scenario: string | null } | null }[]).filter((a) => a.decision);
      expect(decisions.length).toBeGreaterThan(0);
      expect(decisions.every((a) => a.decision!.scenario === name)).toBe(true);
      // What the optimiser left out is not approved.
      expect(decisions.find((a) => a.initiative.id === large.id)).toBeUndefined();
      expect(meeting.scenarios).toEqual([expect.objectContaining({ name, adoptedHere: true })]);
      const after = (await (await page.request.get(`/api/v1${scenarioUrl.replace("/portfolio", "")}`)).json()).data;
      expect(after.adoptedInMeeting.id).toBe(meetingId);
    } finally {
      await server.stop();
    }
  });
});
