import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, LANGS, signIn, submitThroughApi, useLanguage, type Lang } from "./support";

// Every test makes its own meeting (and, where it decides, its own initiatives), so the
// tests do not depend on each other's side effects or on which demo initiatives are left.
const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function signedIn(browser: Browser, baseURL: string, email: string, lang: Lang = "sv") {
  const context = await browser.newContext({ baseURL });
  await useLanguage(context, baseURL, lang);
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByTestId("role-line")).toBeVisible();
  return { page, close: () => context.close() };
}

/** Three initiatives submitted by the department and triaged by DIG to the portfolio track, through the API. */
async function awaitingDecision(browser: Browser, baseURL: string, t: string) {
  const chef = await signedIn(browser, baseURL, "chef@demo.kommun.se");
  const titles = [`Digital ansökan om färdtjänst ${t}`, `Gemensam plattform för e-arkiv ${t}`, `Sensorer för fallolyckor i hemtjänsten ${t}`];
  const created: { id: string; number: number; title: string }[] = [];
  for (const [n, title] of titles.entries()) {
    const data = await submitThroughApi(chef.page, {
      title, need: "Invånare och medarbetare behöver ett bättre digitalt stöd i det här arbetet.",
      benefitRecipient: n === 1 ? "INTERNAL" : "EXTERNAL", nature: n === 2 ? "INNOVATION" : "EFFICIENCY", estimatedCostSek: 900_000 + n * 100_000, estimatedEffortHours: 900 + n * 100,
    });
    created.push({ id: data.id, number: data.number, title });
  }
  await chef.close();
  const dig = await signedIn(browser, baseURL, "dig@demo.kommun.se");
  for (const [n, i] of created.entries()) {
    const response = await dig.page.request.post(`/api/v1/triage/${i.id}/decision`, {
      data: { version: 2, kind: "BUSINESS_DEVELOPMENT", size: "LARGE", track: "PORTFOLIO", quadrant: n === 1 ? "INTERNAL_EFFICIENCY" : n === 2 ? "EXTERNAL_INNOVATION" : "EXTERNAL_EFFICIENCY", overrideReason: "Stort initiativ som ska prövas i portföljmötet." },
    });
    expect(response.status()).toBe(200);
  }
  await dig.close();
  return created;
}

/** A planned meeting made by leadership through the API, with a running initiative added (so an item can always be previewed). */
async function plannedMeeting(page: Page, title: string) {
  const created = await page.request.post("/api/v1/meetings", { data: { title, date: dayFromNow(14), registryNumber: "KS 2026/0999", participants: "Per Håkansson (ordförande)\nSara Nyström (sekreterare)" } });
  expect(created.status()).toBe(201);
  const { data } = await created.json();
  const ranking = (await (await page.request.get("/api/v1/portfolio/ranking")).json()).data as { id: string; number: number; status: string }[];
  const running = ranking.find((r) => r.status === "IN_PROGRESS")!;
  const added = await page.request.post(`/api/v1/meetings/${data.id}/agenda`, { data: { initiativeId: running.id } });
  expect([201, 409]).toContain(added.status());
  return { id: data.id as string, running };
}

/** A calendar day `days` from today, "YYYY-MM-DD" (a meeting after today is closed only with a reason). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const item = (page: Page, i: { number: number; title: string }) => page.getByTestId("agenda-item").filter({ has: page.getByRole("heading", { name: `#${i.number} ${i.title}` }) });

test.describe("portfolio meeting end to end", () => {
  test.describe.configure({ mode: "serial" });

  test("leadership creates a meeting, previews, approves, defers, requests information, closes and prints the minutes", async ({ page, browser, baseURL }) => {
    test.setTimeout(240_000);
    const t = tag();
    const [approve, defer, info] = await awaitingDecision(browser, baseURL!, t);

    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await signIn(page, "ledning@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Portföljmöten" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portföljmöten");
    await expect(page.getByTestId("past-meetings")).toContainText("Portföljmöte hösten 2026");
    await expectAccessible(page);

    const form = page.getByTestId("new-meeting-form");
    await form.getByLabel("Rubrik").fill(`Portföljmöte december ${t}`);
    await form.getByLabel("Datum").fill(dayFromNow(7));
    await form.getByLabel("Diarienummer (frivilligt)").fill(`KS 2026/${t}`);
    await form.getByLabel("Deltagare").fill("Per Håkansson (kommundirektör, ordförande)\nSara Nyström (sekreterare)\nJonas Wallin (ekonomichef)");
    await form.getByRole("button", { name: "Skapa möte" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Portföljmöte december ${t}`);
    await expect(page.getByRole("status").filter({ hasText: /Mötet är skapat med \d+ ärenden på dagordningen/ })).toBeVisible();
    // The agenda holds every initiative awaiting decision on the portfolio track, ours among them.
    for (const i of [approve, defer, info]) await expect(item(page, i!)).toBeVisible();
    // Each item says where it stands in the ranking, by benefit and strategic direction.
    await expect(item(page, approve!).getByTestId("item-rank")).toHaveText(/^Plats \d+ av \d+, [\d,]+ poäng$/);
    await expectAccessible(page);

    // Preview approving one: server-rendered tables, reachable by link (works without JavaScript).
    await item(page, approve!).getByRole("link", { name: `Förhandsgranska godkännande av #${approve!.number}` }).click();
    await expect(page).toHaveURL(new RegExp(`preview=${approve!.id}`));
    const preview = page.getByTestId("preview");
    await expect(preview.getByRole("heading", { name: `Om #${approve!.number} godkänns` })).toBeVisible();
    await expect(preview.getByTestId("preview-balance")).toContainText("Extern effektivitet");
    await expect(preview.getByTestId("preview-load")).toContainText("Beläggning");
    await expect(preview).toContainText("uppskattade arbetsinsats, 900 tim,");
    await preview.getByRole("link", { name: "arbetsinsats" }).click();
    await expect(page.getByTestId("preview").getByRole("link", { name: "arbetsinsats" })).toHaveAttribute("aria-current", "true");
    await expectAccessible(page);

    // One decision form at a time: folded until opened; a decision is confirmed in a dialog.
    await expect(page.getByTestId("decision-form").first()).toBeHidden();
    const decideOn = async (i: { number: number; title: string }, type: string, rationale: string) => {
      const card = item(page, i);
      await card.getByText(`Fatta beslut om #${i.number}`).click();
      await card.getByLabel("Beslut", { exact: true }).selectOption(type);
      await card.getByLabel("Motivering").fill(rationale);
      await card.getByRole("button", { name: `Registrera beslut om #${i.number}` }).click();
      await page.getByRole("dialog", { name: `Registrera beslutet om #${i.number}?` }).getByRole("button", { name: "Ja, registrera beslutet" }).click();
      await expect(page.getByRole("status").filter({ hasText: `Beslutet om #${i.number} är registrerat.` })).toBeVisible();
    };
    // Cancelling the dialog records nothing; an incomplete form is not confirmed but told what is missing.
    const first = item(page, approve!);
    await first.getByText(`Fatta beslut om #${approve!.number}`).click();
    await first.getByRole("button", { name: `Registrera beslut om #${approve!.number}` }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(first.getByText("Välj ett av alternativen.")).toBeVisible();
    await first.getByLabel("Beslut", { exact: true }).selectOption("APPROVE");
    await first.getByLabel("Motivering").fill("Hög nytta.");
    await first.getByRole("button", { name: `Registrera beslut om #${approve!.number}` }).click();
    const dialog = page.getByRole("dialog", { name: `Registrera beslutet om #${approve!.number}?` });
    await expect(dialog).toContainText("kan inte ändras");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await expect(dialog).toBeHidden();
    await expect(first.getByTestId("decision")).toHaveCount(0);
    await page.reload();
    await expect(item(page, approve!).getByTestId("decision")).toHaveCount(0);
    await decideOn(approve!, "APPROVE", "Hög nytta för invånarna och ryms i DIG:s kapacitet under 2027.");
    await expect(item(page, approve!).getByTestId("decision")).toContainText("Beslut: Godkänt");
    await decideOn(defer!, "DEFER", "Avvaktar upphandlingen av e-arkivet; tas upp igen hösten 2027.");
    await expect(item(page, defer!).getByTestId("decision")).toContainText("Beslut: Vilande");
    await decideOn(info!, "REQUEST_INFO", "Beskriv hur sensorerna påverkar personalens arbete och vad det kostar att förvalta.");
    await expect(item(page, info!).getByTestId("decision")).toContainText("Komplettering begärd");
    await expect(item(page, info!).getByTestId("decision")).toContainText("Triagerad → Komplettering begärd");

    // The department is told which decision was taken on which initiative, in its own language.
    const meetingTitle = `Portföljmöte december ${t}`;
    for (const [lang, said] of [
      ["sv", [`Kommunledningen har godkänt #${approve!.number} ${approve!.title} (${meetingTitle}).`, `Kommunledningen har skjutit upp #${defer!.number} ${defer!.title} (${meetingTitle}).`, `Kommunledningen begär komplettering av #${info!.number} ${info!.title} (${meetingTitle}).`]],
      ["en", [`Leadership approved #${approve!.number} ${approve!.title} (${meetingTitle}).`, `Leadership deferred #${defer!.number} ${defer!.title} (${meetingTitle}).`, `Leadership asks for more information on #${info!.number} ${info!.title} (${meetingTitle}).`]],
    ] as const) {
      const chef = await signedIn(browser, baseURL!, "chef@demo.kommun.se", lang);
      for (const line of said) await expect(chef.page.getByTestId("notifications").getByRole("link", { name: line, exact: true })).toBeVisible();
      await chef.close();
    }

    // In the same meeting, leadership moves the approved initiative to the top of the ranking, with a rationale.
    const meetingUrl = page.url();
    await page.goto(`/portfolio?reorder=1&q=${encodeURIComponent(`#${approve!.number}`)}`);
    await page.getByRole("button", { name: new RegExp(`^Flytta #${approve!.number} `) }).click();
    await page.getByRole("dialog").getByLabel(/Ny plats/).fill("1");
    await page.getByRole("dialog").getByLabel("Motivering").fill("Mötet prioriterar invånarnyttan först.");
    await page.getByRole("dialog").getByRole("button", { name: "Spara flytten" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(page.getByTestId("ranking").getByTestId("position").first()).toHaveText("1");
    await page.goto(meetingUrl);

    // Adding an item: found by a word of its title, not by knowing its number.
    const ranking = (await (await page.request.get("/api/v1/portfolio/ranking")).json()).data as { id: string; number: number; title: string; status: string }[];
    const agendaNumbers = new Set((((await (await page.request.get(`/api/v1/meetings/${meetingUrl.split("/").pop()}`)).json()).data.agenda) as { initiative: { number: number } }[]).map((a) => a.initiative.number));
    const extra = ranking.find((r) => ["IN_PROGRESS", "APPROVED"].includes(r.status) && !agendaNumbers.has(r.number))!;
    const word = extra.title.split(" ").find((w) => w.length > 6) ?? extra.title;
    await page.getByTestId("find-form").getByLabel("Initiativnummer eller ord i titeln").fill(word);
    await page.getByTestId("find-form").getByRole("button", { name: "Sök" }).click();
    await page.getByTestId("candidates").getByRole("button", { name: `Lägg till #${extra.number} på dagordningen` }).click();
    await expect(page.getByRole("status").filter({ hasText: `#${extra.number}` })).toBeVisible();
    await expect(item(page, extra)).toBeVisible();
    await page.getByTestId("find-form").getByLabel("Initiativnummer eller ord i titeln").fill(String(approve!.number));
    await page.getByTestId("find-form").getByRole("button", { name: "Sök" }).click();
    await expect(page.getByTestId("no-candidates")).toBeVisible();

    // The meeting is dated next week: closing it now needs the reason, which the minutes keep.
    const close = page.getByTestId("close-form");
    await close.getByRole("button", { name: "Stäng mötet och fastställ protokollet" }).click();
    await expect(close.getByText("Skriv varför det stängs redan nu.")).toBeVisible();
    await close.getByLabel(/Varför stängs det före mötesdagen/).fill("Mötet hölls en vecka tidigare på grund av budgetberedningen.");
    await close.getByRole("button", { name: "Stäng mötet och fastställ protokollet" }).click();
    const closeDialog = page.getByRole("dialog", { name: "Stänga mötet och fastställa protokollet?" });
    await expect(closeDialog).toContainText(/\d+ ärenden? utan beslut förs in som inte behandlade?\./);
    await expectAccessible(page);
    await closeDialog.getByRole("button", { name: "Ja, stäng mötet" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Mötet är stängt och protokollet fastställt." })).toBeVisible();
    await expect(page.getByTestId("decision-form")).toHaveCount(0);
    await expect(page.getByTestId("close-form")).toHaveCount(0);
    await expect(page.getByTestId("find-form")).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Beslutsprotokoll", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beslutsprotokoll");
    const minutes = page.getByTestId("minutes");
    await expect(minutes).toContainText("Demo kommun");
    await expect(minutes).toContainText(`Portföljmöte december ${t}`);
    await expect(minutes).toContainText(`KS 2026/${t}`);
    await expect(minutes.getByRole("listitem").filter({ hasText: "Jonas Wallin (ekonomichef)" })).toBeVisible();
    const decisions = page.getByTestId("minutes-decisions").getByRole("listitem");
    await expect(decisions).toHaveCount(3);
    await expect(decisions.filter({ hasText: `#${approve!.number} ${approve!.title}` })).toHaveCount(1);
    await expect(decisions.filter({ hasText: approve!.title })).toContainText("Godkänt");
    await expect(decisions.filter({ hasText: approve!.title })).toContainText("Hög nytta för invånarna");
    await expect(decisions.filter({ hasText: approve!.title })).toContainText("Socialförvaltningen");
    await expect(decisions.filter({ hasText: approve!.title })).toContainText("Triagerad → Beslutad, ej påbörjad");
    await expect(decisions.filter({ hasText: defer!.title })).toContainText("Vilande");
    await expect(decisions.filter({ hasText: info!.title })).toContainText("Per Håkansson");
    await expect(minutes.getByRole("heading", { name: "Ärenden som inte behandlades" })).toBeVisible();
    await expect(minutes.getByTestId("closed-early")).toHaveText("Mötet hölls en vecka tidigare på grund av budgetberedningen.");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Skriv ut" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Skriv ut" })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(decisions).toHaveCount(3);
  });
});

test("a viewer reads meetings and minutes but gets no controls, and the API refuses them", async ({ page, browser, baseURL }) => {
  const leader = await signedIn(browser, baseURL!, "ledning@demo.kommun.se");
  const { id, running } = await plannedMeeting(leader.page, `Insynsprov ${tag()}`);
  await leader.close();

  await signIn(page, "insyn@demo.kommun.se");
  await expect(page.getByTestId("role-line")).toBeVisible();
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Portföljmöten" }).click();
  await expect(page.getByTestId("past-meetings")).toContainText("Portföljmöte hösten 2026");
  await expect(page.getByTestId("new-meeting-form")).toHaveCount(0);

  await page.goto(`/meetings/${id}?preview=${running.id}`);
  await expect(page.getByTestId("agenda-item").first()).toBeVisible();
  for (const control of ["decision-form", "preview-link", "preview", "refresh-form", "find-form", "close-form"]) await expect(page.getByTestId(control)).toHaveCount(0);

  await page.getByRole("link", { name: "Alla portföljmöten" }).click();
  await page.getByTestId("past-meetings").getByRole("link", { name: "Beslutsprotokoll: Portföljmöte hösten 2026" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beslutsprotokoll");
  await expect(page.getByTestId("minutes-decisions").getByRole("listitem")).toHaveCount(10);
  await expect(page.getByTestId("minutes")).toContainText("KS 2026/0412");
  await expect(page.getByRole("button", { name: "Skriv ut" })).toBeVisible();

  expect((await page.request.get(`/api/v1/meetings/${id}`)).status()).toBe(200);
  const refused = await page.request.post(`/api/v1/meetings/${id}/decisions`, { data: { initiativeId: running.id, type: "REPRIORITISE", rationale: "Försök", version: 1 } });
  expect(refused.status()).toBe(403);
  expect((await page.request.post(`/api/v1/meetings/${id}/close`)).status()).toBe(403);
  expect((await page.request.post("/api/v1/meetings", { data: { title: "Nej", date: "2026-12-01", participants: "Eva" } })).status()).toBe(403);
});

for (const lang of LANGS) {
  test(`meetings, agenda with the preview open, and minutes pass axe (${lang})`, async ({ page, context, baseURL, browser }) => {
    const leader = await signedIn(browser, baseURL!, "ledning@demo.kommun.se", lang);
    const title = `Tillgänglighetsprov ${lang} ${tag()}`;
    const { id, running } = await plannedMeeting(leader.page, title);
    await leader.close();

    await useLanguage(context, baseURL!, lang);
    await signIn(page, "ledning@demo.kommun.se");
    await expect(page.getByTestId("role-line")).toBeVisible();
    await page.goto("/meetings");
    await expect(page.getByTestId("new-meeting-form")).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/meetings/${id}`);
    await expect(page.getByTestId("preview-link").first()).toBeVisible();
    // Each meeting's page and minutes carry its own title, so tabs can be told apart.
    await expect(page).toHaveTitle(`${title} – ${lang === "sv" ? "portföljmöte" : "portfolio meeting"} · Portföljen`);
    await expectAccessible(page);
    // The decision form unfolded and its confirm dialog open; the close dialog with its reason.
    const w = lang === "sv"
      ? { decideFor: `Fatta beslut om #${running.number}`, decide: `Registrera beslut om #${running.number}`, cancel: "Avbryt", close: "Stäng mötet och fastställ protokollet", reason: /Varför stängs det före mötesdagen/, find: "Sök", findField: "Initiativnummer eller ord i titeln" }
      : { decideFor: `Decide on #${running.number}`, decide: `Record the decision on #${running.number}`, cancel: "Cancel", close: "Close the meeting and finalise the minutes", reason: /Why is it closed before that date/, find: "Search", findField: "Initiative number or a word of the title" };
    const runningItem = page.getByTestId("agenda-item").filter({ has: page.getByRole("heading", { name: new RegExp(`#${running.number} `) }) });
    await runningItem.getByText(w.decideFor).click();
    await runningItem.locator("select[name=type]").selectOption({ index: 1 });
    await runningItem.locator("textarea[name=rationale]").fill("Prov av tillgängligheten.");
    await runningItem.getByRole("button", { name: w.decide }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("dialog").getByRole("button", { name: w.cancel }).click();
    await page.getByTestId("close-form").getByLabel(w.reason).fill("Prov av tillgängligheten.");
    await page.getByTestId("close-form").getByRole("button", { name: w.close }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.getByTestId("find-form").getByLabel(w.findField).fill("zzzz-finns-inte");
    await page.getByTestId("find-form").getByRole("button", { name: w.find }).click();
    await expect(page.getByTestId("no-candidates")).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/meetings/${id}?preview=${running.id}#preview`);
    await expect(page.getByTestId("preview")).toBeVisible();
    // Already running: approving would change nothing, and the preview says so.
    await expect(page.getByTestId("preview")).toContainText(lang === "sv" ? "ingår redan i den aktiva portföljen" : "already in the active portfolio");
    await expectAccessible(page);

    await page.goto(`/meetings/${id}/minutes`);
    await expect(page.getByTestId("minutes")).toContainText(lang === "sv" ? "Utkast" : "Draft");
    await expect(page).toHaveTitle(`${lang === "sv" ? "Beslutsprotokoll" : "Minutes of decisions"}: ${title} · Portföljen`);
    await expectAccessible(page);
    await page.goto("/meetings");
    await page.getByTestId("past-meetings").getByRole("link", { name: "Portföljmöte hösten 2026" }).first().click();
    await expect(page.getByTestId("decision").first()).toBeVisible();
    await expectAccessible(page);
  });
}
