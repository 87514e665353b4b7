// Benefit realisation end to end, in Swedish and English: an initiative goes from intake to
// delivered with a benefit plan, the clock moves six months (a setting of the test server, not
// a sleep), the owner is told, answers the follow-up with a measurement, and the benefit view's
// realised against planned moves. With axe on every new page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ownPort, startOwnServer } from "./own-server";
import { expectAccessible, LANGS, session, type Lang } from "./support";

const W = {
  sv: {
    submit: "Skicka in", submitted: "Initiativet är inskickat", approve: "Godkänn under delegation", start: "Starta arbetet", finish: "Avsluta som genomfört",
    addBenefit: "Lägg till en nytta", addBenefitButton: "Lägg till nyttan", answerTitle: "Svara på uppföljningen", answer: "Spara svaret", due: "Dags nu", answered: "Besvarad", upcoming: "Kommande",
    followUpNotice: "Dags att följa upp nyttan", showTable: "Visa som tabell", show: "Visa", planNeeded: "Innan initiativet kan avslutas",
  },
  en: {
    submit: "Submit", submitted: "The initiative has been submitted", approve: "Approve under delegation", start: "Start work", finish: "Finish as delivered",
    addBenefit: "Add a benefit", addBenefitButton: "Add the benefit", answerTitle: "Answer the follow-up", answer: "Save the answer", due: "Due now", answered: "Answered", upcoming: "Upcoming",
    followUpNotice: "Time to follow up the benefit", showTable: "Show as a table", show: "Show", planNeeded: "Before the initiative can be finished",
  },
} as const;

/** Reads a figure as the page formats it ("1 234,5" in Swedish, "1,234.5" in English). */
function figure(text: string, lang: Lang): number {
  const plain = text.replace(/[\s\u00a0\u202f]/g, "");
  return Number(lang === "sv" ? plain.replace(",", ".") : plain.replace(/,/g, ""));
}

/**
 * The realised hours a year of a department in the benefit view's table (every department has
 * a row; the initiative table shows only the 20 largest planned benefits), and of the
 * initiative itself through the open API.
 */
async function realisedHours(page: Page, lang: Lang, department: string, number: number): Promise<{ department: number; initiative: number }> {
  await page.goto("/benefits?groupBy=department");
  await page.getByTestId("chart-realisation").getByText(W[lang].showTable).click();
  const row = page.getByTestId("chart-realisation").getByRole("row").filter({ has: page.getByRole("rowheader", { name: department, exact: true }) });
  await expect(row).toHaveCount(1);
  const shown = figure((await row.getByRole("cell").nth(4).textContent())!, lang);
  const api = await page.request.get("/api/v1/benefit-realisation?groupBy=initiative");
  expect(api.status()).toBe(200);
  const rows = (await api.json()).data.rows as { label: string; realisedHours: number }[];
  const own = rows.filter((r) => r.label.startsWith(`#${number} `));
  expect(own).toHaveLength(1);
  return { department: shown, initiative: own[0]!.realisedHours };
}

/** The manager's department, which owns the initiative. */
const DEPARTMENT = "Socialförvaltningen";

LANGS.forEach((lang, index) => {
  test(`intake to delivered, the 6-month follow-up answered, realised against planned moves (${lang})`, async ({ browser }) => {
    test.setTimeout(300_000);
    const server = await startOwnServer(ownPort(3120 + index), { PORTFOLJEN_TEST_CLOCK: "1", PORTFOLJEN_REMINDERS: "0" }, { database: "embedded" });
    const w = W[lang];
    try {
      const base = server.baseURL;
      // Intake: the department registers and submits a small e-service.
      const chef = await session(browser, base, lang, "chef@demo.kommun.se");
      await chef.goto("/initiatives/new");
      await chef.locator("#title").fill(`Digital bokning av tid för budget- och skuldrådgivning ${lang}`);
      await chef.locator("#need").fill("Invånare ska kunna boka tid för budget- och skuldrådgivning via en e-tjänst i stället för att ringa.");
      await chef.locator('input[name="benefitRecipient"][value="EXTERNAL"]').check();
      await chef.locator('input[name="nature"][value="EFFICIENCY"]').check();
      await chef.locator("#estimatedCostSek").fill("40000");
      await chef.locator("#estimatedEffortHours").fill("80");
      await chef.getByRole("button", { name: w.submit, exact: true }).click();
      await expect(chef.getByText(w.submitted)).toBeVisible();
      const id = new URL(chef.url()).pathname.split("/").pop()!;
      const number = Number((await chef.locator("header p").first().textContent())!.match(/#(\d+)/)![1]);

      // DIG approves it in the fast lane and starts the work.
      const dig = await session(browser, base, lang, "dig@demo.kommun.se");
      await dig.goto(`/triage/${id}`);
      await dig.getByTestId("fast-form").locator("textarea, input[type=text]").first().fill("Liten e-tjänst med tydlig nytta för invånarna.");
      await dig.getByRole("button", { name: w.approve }).click();
      await expect(dig.getByRole("status").filter({ hasText: `#${number}` })).toBeVisible();
      await dig.goto(`/initiatives/${id}`);
      await dig.getByTestId("delivery-steps").getByRole("button", { name: w.start }).click();
      await expect(dig.getByTestId("delivery-steps").getByRole("button", { name: w.finish })).toBeVisible();

      // The department plans the benefit: owner, indicator, baseline and target.
      await chef.goto(`/initiatives/${id}`);
      await expect(chef.getByTestId("plan-needed")).toContainText(w.planNeeded);
      await chef.getByTestId("benefit-plan").getByText(w.addBenefit).click();
      await chef.locator("#new-benefit-description").fill("Kortare väntetid till rådgivning");
      await chef.locator("#new-benefit-ownerId").selectOption({ label: "Maria Lindqvist (SOC)" });
      await chef.locator("#new-benefit-indicator").fill("Väntetid från bokning till samtal");
      await chef.locator("#new-benefit-unit").fill("dagar");
      await chef.locator("#new-benefit-baseline").fill("14");
      await chef.locator("#new-benefit-baselineDate").fill(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
      await chef.locator("#new-benefit-target").fill("2");
      await chef.locator("#new-benefit-annualHours").fill("300");
      await expectAccessible(chef);
      await chef.getByTestId("new-benefit-form").getByRole("button", { name: w.addBenefitButton }).click();
      await expect(chef.getByTestId("benefit")).toHaveCount(1);
      await expect(chef.getByTestId("plan-needed")).toHaveCount(0);

      // Delivered: the follow-ups are planned at 6, 12 and 24 months.
      await chef.getByTestId("delivery-steps").getByRole("button", { name: w.finish }).click();
      await expect(chef.getByTestId("follow-up-6")).toContainText(w.upcoming);
      await expect(chef.getByTestId("follow-up-24")).toBeVisible();
      await expectAccessible(chef);
      const before = await realisedHours(chef, lang, DEPARTMENT, number);
      expect(before.initiative).toBe(0);
      await expectAccessible(chef);

      // Six months and more pass: the clock of this test server moves, the reminders run.
      const admin = await session(browser, base, lang, "admin@demo.kommun.se");
      const moved = await admin.request.post("/api/test/clock", { data: { days: 190 } });
      expect(moved.status()).toBe(200);
      expect((await moved.json()).data.due).toBeGreaterThanOrEqual(1);

      // The owner is told, answers with a measurement (8 days: half way from 14 to 2).
      await chef.goto("/");
      const notice = chef.getByTestId("notifications").getByRole("link", { name: new RegExp(`${w.followUpNotice}.*#${number}`) });
      await expect(notice).toBeVisible();
      await notice.click();
      await expect(chef.getByTestId("follow-up-6")).toContainText(w.due);
      await chef.getByTestId("follow-up-6").getByText(w.answerTitle).click();
      await chef.getByTestId("follow-up-6").locator('input[name="measurement.value"]').fill("8");
      await chef.getByTestId("follow-up-6").locator('input[name="measurement.source"]').fill("Bokningssystemet");
      await expectAccessible(chef);
      await chef.getByTestId("follow-up-6").getByRole("button", { name: new RegExp(`^${w.answer}`) }).click();
      await expect(chef.getByTestId("follow-up-6")).toContainText(w.answered);
      await expect(chef.getByTestId("measurements")).toContainText("8");
      await expect(chef.getByTestId("realisation")).toContainText("50");

      // Realised against planned has moved: half of the planned 300 hours a year.
      const after = await realisedHours(chef, lang, DEPARTMENT, number);
      expect(after.initiative).toBe(150);
      expect(after.department - before.department).toBeCloseTo(150, 1);
      await expectAccessible(chef);
      await dig.goto("/benefits");
      await expect(dig.getByTestId("overdue")).toBeVisible();
      await expectAccessible(dig);
      // The whole list of follow-ups, filtered: everyone's answered ones hold this one.
      await dig.goto("/benefits/follow-ups");
      await dig.locator("#follow-ups-scope").selectOption("all");
      await dig.locator("#follow-ups-state").selectOption("done");
      await dig.getByRole("button", { name: w.show, exact: true }).click();
      await expect(dig).toHaveURL(/scope=all&state=done/);
      await expect(dig.getByTestId("follow-up-list").getByRole("rowheader", { name: new RegExp(`^#${number} `) })).toHaveCount(1);
      await expectAccessible(dig);
    } finally {
      await server.stop();
    }
  });
});

const S = {
  sv: { section: "Nyttouppföljning", save: "Spara inställningarna", saved: "Inställningarna är sparade.", denied: "Nyttouppföljning", notANumber: "Ange ett tal." },
  en: { section: "Benefit follow-up", save: "Save the settings", saved: "The settings are saved.", denied: "Benefit follow-up", notANumber: "Enter a number." },
} as const;

LANGS.forEach((lang) => {
  test(`DIG keeps the follow-up settings on their own settings page; leadership is told it is not theirs (${lang})`, async ({ browser, baseURL }) => {
    const dig = await session(browser, baseURL!, lang, "dig@demo.kommun.se");
    await dig.goto("/settings");
    await dig.getByTestId("settings-sections").getByRole("link", { name: S[lang].section }).click();
    await expect(dig).toHaveURL(/\/settings\/benefits$/);
    const months = dig.locator("#followUpMonths");
    await expect(months).toHaveValue("6, 12, 24");
    await expectAccessible(dig);
    // Unreadable months are refused with the field named, and nothing changes.
    await months.fill("6, tolv");
    await dig.getByRole("button", { name: S[lang].save }).click();
    await expect(months).toHaveAttribute("aria-invalid", "true");
    await expect(dig.locator("#followUpMonths-error")).toHaveText(S[lang].notANumber);
    await expectAccessible(dig);
    await dig.reload();
    await expect(months).toHaveValue("6, 12, 24");
    // A change is kept, then put back (other tests expect 6, 12, 24).
    for (const value of ["6, 12, 36", "6, 12, 24"]) {
      await months.fill(value);
      await dig.getByRole("button", { name: S[lang].save }).click();
      await expect(dig.getByTestId("benefit-settings-form").getByRole("status")).toHaveText(S[lang].saved);
      await dig.reload();
      await expect(months).toHaveValue(value);
    }
    const leader = await session(browser, baseURL!, lang, "ledning@demo.kommun.se");
    await leader.goto("/settings/benefits");
    await expect(leader).toHaveURL(/\/settings\?denied=benefits$/);
    await expect(leader.getByTestId("settings-denied")).toContainText(S[lang].denied);
    await dig.context().close();
    await leader.context().close();
  });
});
