// Fills the database with N realistic, generated initiatives on top of the demo
// municipality, for benchmarks and load tests.
//
//   npx tsx bench/generate.ts [--count 2000] [--departments 40] [--years 10] [--audit-events 1000000] [--measurements N]
//
// Uses the configured database (embedded PGlite at data/pglite, or DATABASE_URL).
// Deterministic: a seeded PRNG picks titles, statuses, dates and numbers, so the same
// database state and count give the same data (apart from generated ids).
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import type {
  BenefitCategory,
  BenefitCertainty,
  InitiativeKind,
  InitiativeSize,
  InitiativeStatus,
  PiosQuadrant,
  Prisma,
  PrismaClient,
} from "../lib/generated/prisma/client";
import { database, type Database } from "../lib/db";
import { Dice } from "../prisma/seed/random";
import {
  AUDIT_ACTION,
  addDays,
  defaultPath,
  quadrantOf,
  quarterOf,
  quarterRange,
  seedDemo,
  toDate,
  trackFor,
} from "../prisma/seed/demo";
import { DEMO_TODAY } from "../prisma/seed/demo-data";
import { arg } from "./args";

const BATCH = 500;

// ---------------------------------------------------------------------------
// Vocabulary

/** What gets digitalised, per department (by name); GENERAL for any other department. */
const SUBJECTS: Record<string, string[]> = {
  Kommunledningskontoret: [
    "diarieföring",
    "delegationsbeslut",
    "remisshantering",
    "synpunkter och klagomål",
    "budgetuppföljning",
    "nämndadministration",
    "utlämnande av allmänna handlingar",
    "krisledning och larm",
  ],
  Socialförvaltningen: [
    "ansökan om försörjningsstöd",
    "orosanmälningar",
    "familjehemsutredningar",
    "uppföljning av placeringar",
    "ekonomiskt bistånd",
    "kontakten med klienter",
    "boendestöd",
    "budget- och skuldrådgivning",
  ],
  "Vård- och omsorgsförvaltningen": [
    "hemtjänstinsatser",
    "läkemedelshantering",
    "nattillsyn",
    "avvikelsehantering",
    "bemanning med vikarier",
    "dokumentation i hemtjänsten",
    "trygghetslarm",
    "matdistribution till äldre",
    "rehabilitering i hemmet",
  ],
  "Förskola & Grundskola": [
    "frånvaroanmälan",
    "skolval",
    "förskoleplacering",
    "elevhälsans journalföring",
    "utvecklingssamtal",
    "specialkost i skolmåltiderna",
    "kommunikation med vårdnadshavare",
    "modersmålsundervisning",
  ],
  "Gymnasie- och vuxenutbildning": [
    "antagning till vuxenutbildningen",
    "SFI-undervisning",
    "betygsadministration",
    "studie- och yrkesvägledning",
    "praktikplatser",
    "validering av yrkeskunskaper",
  ],
  Samhällsbyggnadsförvaltningen: [
    "bygglovsansökningar",
    "nybyggnadskartor",
    "detaljplaner",
    "strandskyddsdispenser",
    "adressättning",
    "bostadsanpassningsbidrag",
    "geodata",
  ],
  "Tekniska förvaltningen": [
    "felanmälan för gata och park",
    "vattenförbrukning",
    "avfallshämtning",
    "snöröjning",
    "energiuppföljning i fastigheter",
    "fordonsbokning",
    "parkeringstillstånd",
  ],
  "Kultur- och fritidsförvaltningen": [
    "föreningsbidrag",
    "bokning av idrottshallar",
    "bibliotekslån",
    "kulturskolans kö",
    "evenemangskalendern",
    "fritidsgårdarnas aktiviteter",
  ],
  "Miljö- och hälsoskyddsförvaltningen": [
    "livsmedelskontroller",
    "tillsyn av enskilda avlopp",
    "anmälan om värmepump",
    "serveringstillstånd",
    "klagomål på buller",
    "miljörapporter",
  ],
  Serviceförvaltningen: [
    "leverantörsfakturor",
    "lönehantering",
    "rekrytering",
    "inköp och beställningar",
    "IT-support",
    "introduktion av nyanställda",
    "avtalsuppföljning",
  ],
  "Demo Bostäder AB": [
    "felanmälan från hyresgäster",
    "tvättstugebokning",
    "uthyrning av lägenheter",
    "energistyrning",
    "nyckelhantering",
    "besiktningar",
  ],
  GENERAL: ["ärendehantering", "schemaläggning", "uppföljning av insatser", "bokning av möten", "kommunikation med invånare"],
};

const EFFICIENCY_TITLES = [
  "E-tjänst för {s}",
  "Automatisering av {s}",
  "Digital hantering av {s}",
  "Självservice för {s}",
  "RPA för {s}",
  "Mobilt stöd för {s}",
  "Digital uppföljning av {s}",
  "Systemintegration för {s}",
];
const INNOVATION_TITLES = [
  "AI-stöd för {s}",
  "Pilot med ny teknik för {s}",
  "Ny digital tjänst för {s}",
  "Prediktiv planering av {s}",
  "Chattbot för {s}",
  "Digitala arbetssätt för {s}",
  "Videobaserat stöd för {s}",
  "Datadriven utveckling av {s}",
];
const INFRA_TITLES = [
  "Wifi i {place}",
  "Nätverksuppgradering i {place}",
  "Nya klienter för {group}",
  "Serverkapacitet för {system}",
  "Samordnade licenser för {system}",
  "Säker inloggning för {group}",
  "Backup och återläsning för {system}",
  "Mobiltelefoni för {group}",
];
const PLACES = ["skolorna i norra kommundelen", "äldreboendena", "förskolorna", "kommunhuset", "biblioteken", "fritidsgårdarna", "reningsverket", "idrottshallarna"];
const GROUPS = ["hemtjänsten", "elever i årskurs 7–9", "gymnasieelever", "chefer", "medarbetare i fält", "lärare", "förtroendevalda"];
const SYSTEMS = ["ekonomisystemet", "ärendehanteringssystemet", "lönesystemet", "GIS-plattformen", "e-tjänsteplattformen", "journalsystemet", "dokumenthanteringen"];
const SUFFIXES = ["", "", "", "", " (etapp 2)", " i centrum", " på landsbygden", " – pilot", " för fler verksamheter"];

const MANUAL = ["med pappersblanketter", "via e-post och telefon", "i kalkylark", "i flera system som inte hänger ihop", "för hand av handläggare"];
const PROBLEMS = [
  "Det tar lång tid och det blir fel.",
  "Handläggningstiderna har ökat det senaste året.",
  "Medarbetarna lägger mycket tid på dubbelregistrering.",
  "Den som berörs saknar överblick över sitt ärende.",
  "Verksamheten växer men resurserna gör det inte.",
  "Uppgifterna finns men används inte för att planera.",
];
const EFFICIENCY_AIMS = ["digitalisera och automatisera flödet", "införa självservice", "koppla ihop systemen och ta bort dubbelarbete"];
const INNOVATION_AIMS = [
  "pröva ett nytt arbetssätt med stöd av ny teknik",
  "testa en lösning i liten skala och skala upp om den fungerar",
  "använda data för att förutse behov",
];
const INFRA_NEEDS = [
  "Nuvarande utrustning är gammal och saknar support från leverantören.",
  "Kapaciteten räcker inte när fler arbetar digitalt.",
  "Säkerhetskraven har skärpts och nuvarande lösning uppfyller dem inte.",
];
/** Who benefits outside the organisation, per department (by name). */
const EXTERNAL_GROUPS: Record<string, string[]> = {
  Kommunledningskontoret: ["invånarna", "företagen"],
  Socialförvaltningen: ["de sökande", "klienterna", "familjerna"],
  "Vård- och omsorgsförvaltningen": ["brukarna", "de anhöriga"],
  "Förskola & Grundskola": ["vårdnadshavarna", "eleverna"],
  "Gymnasie- och vuxenutbildning": ["de studerande", "eleverna"],
  Samhällsbyggnadsförvaltningen: ["de sökande", "byggherrarna", "invånarna"],
  "Tekniska förvaltningen": ["invånarna", "abonnenterna"],
  "Kultur- och fritidsförvaltningen": ["föreningarna", "låntagarna", "invånarna"],
  "Miljö- och hälsoskyddsförvaltningen": ["företagen", "fastighetsägarna"],
  Serviceförvaltningen: ["leverantörerna", "invånarna"],
  "Demo Bostäder AB": ["hyresgästerna"],
  GENERAL: ["invånarna"],
};
const INTERNAL_GROUPS = ["medarbetarna", "handläggarna", "cheferna"];
const FIRST_NAMES = ["Anna", "Erik", "Karin", "Lars", "Eva", "Mikael", "Sofia", "Johan", "Lena", "Anders", "Maria", "Peter", "Emma", "Fredrik", "Sara", "Nils"];
const LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Lindberg", "Holm"];
const ROLES = ["enhetschef", "verksamhetschef", "verksamhetsutvecklare", "avdelningschef", "processledare"];

const BENEFIT_TEXT: Record<BenefitCategory, string[]> = {
  FINANCIAL: ["Lägre licens- och driftkostnader", "Minskade kostnader för porto och tryck", "Färre inhyrda konsulter", "Lägre kostnader för övertid och vikarier"],
  REALLOCATION: ["Frigjord handläggartid", "Mindre tid för manuell registrering", "Färre samtal och e-postärenden", "Mindre restid för medarbetare"],
  QUALITY: ["Kortare handläggningstid", "Högre nöjdhet hos dem som berörs", "Färre fel och rättelser", "Mer likvärdig service i hela kommunen"],
  ENVIRONMENT: ["Minskad energianvändning", "Färre resor i tjänsten", "Mindre pappersanvändning", "Lägre utsläpp från transporter"],
};

// Status shares: many decided-but-not-started, as in the research.
const STATUS_WEIGHTS: Array<[InitiativeStatus, number]> = [
  ["DRAFT", 8],
  ["SUBMITTED", 10],
  ["NEEDS_INFO", 5],
  ["TRIAGED", 10],
  ["APPROVED", 22],
  ["IN_PROGRESS", 14],
  ["PAUSED", 4],
  ["DONE", 14],
  ["REJECTED", 5],
  ["DEFERRED", 5],
  ["CANCELLED", 3],
];
const QUADRANT_WEIGHTS: Array<[PiosQuadrant, number]> = [
  ["INTERNAL_EFFICIENCY", 45],
  ["INTERNAL_INNOVATION", 15],
  ["EXTERNAL_EFFICIENCY", 25],
  ["EXTERNAL_INNOVATION", 15],
];
const SIZE_WEIGHTS: Array<[InitiativeSize, number]> = [
  ["SMALL", 45],
  ["MEDIUM", 38],
  ["LARGE", 17],
];
const COST_RANGE: Record<InitiativeSize, [number, number]> = { SMALL: [30_000, 250_000], MEDIUM: [250_000, 1_500_000], LARGE: [1_500_000, 8_000_000] };
const EFFORT_RANGE: Record<InitiativeSize, [number, number]> = { SMALL: [40, 300], MEDIUM: [300, 1500], LARGE: [1500, 5000] };
const DIG_COMMENTS = [
  "Finns det en uppskattning av hur många ärenden om {s} som berörs per år?",
  "Vi har sett liknande behov hos {group}; kan vi samordna med dem?",
  "Kontrollera om {system} redan har stöd för detta innan vi går vidare.",
  "Behöver en kompletterande beskrivning av nyttan innan prioriteringen.",
  "Lagt in i planeringen för nästa kvartal.",
];
const OWNER_COMMENTS = [
  "Verksamheten har tagit fram ett underlag om {s}, bifogas till nästa möte.",
  "Kontaktpersonen är ny från och med i höst.",
  "Vi har pratat med {group} och de ser stora vinster.",
  "Tidplanen hänger ihop med upphandlingen av {system}.",
  "Första leveransen är i drift och tas emot väl.",
];

const DURATION_QUARTERS: Record<InitiativeSize, [number, number]> = { SMALL: [1, 2], MEDIUM: [2, 4], LARGE: [3, 7] };

// ---------------------------------------------------------------------------
// Generation

export type GenerateStats = { initiatives: number; rows: number; byTable: Record<string, number>; ms: number };

type Context = {
  /** `base`: the department's kind without the municipality ("Socialförvaltningen, Norrby kommun" → "Socialförvaltningen"). */
  departments: Array<{ id: string; name: string; base: string; weight: number }>;
  goals: Array<{ id: string; code: string }>;
  users: { dig: string; ledning: string; managerOf: Map<string, string>; names: Map<string, string> };
  pools: { dig: string; dc: string; localOf: Map<string, string>; locals: string[] };
  programOf: Map<string, string>;
};

async function loadContext(prisma: PrismaClient): Promise<Context> {
  const [departments, goals, users, pools, programs] = await Promise.all([
    prisma.department.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.strategicGoal.findMany({ where: { active: true }, select: { id: true, code: true }, orderBy: { code: "asc" } }),
    prisma.user.findMany({ select: { id: true, name: true, role: true, departmentId: true }, orderBy: { email: "asc" } }),
    prisma.resourcePool.findMany({ select: { id: true, kind: true, departmentId: true }, orderBy: { name: "asc" } }),
    prisma.program.findMany({ select: { id: true, name: true } }),
  ]);
  if (departments.length === 0 || goals.length === 0 || users.length === 0) {
    throw new Error("generateInitiatives: the database has no departments, goals or users; run seedDemo first.");
  }
  const byRole = (role: string) => users.find((u) => u.role === role)?.id;
  const fallbackUser = users[0]!.id;
  const managerOf = new Map<string, string>();
  for (const u of users) if (u.role === "DEPARTMENT_MANAGER" && u.departmentId && !managerOf.has(u.departmentId)) managerOf.set(u.departmentId, u.id);
  const localOf = new Map<string, string>();
  for (const p of pools) if (p.kind === "LOCAL" && p.departmentId && !localOf.has(p.departmentId)) localOf.set(p.departmentId, p.id);
  const central = (kind: string) => pools.find((p) => p.kind === kind)?.id ?? pools[0]?.id ?? "";
  // Welfare departments carry more initiatives than small ones, as in a real municipality.
  const big = ["Socialförvaltningen", "Vård- och omsorgsförvaltningen", "Förskola & Grundskola", "Serviceförvaltningen", "Kommunledningskontoret"];
  const programOf = new Map<string, string>();
  const welfare = programs.find((p) => p.name === "Digital välfärd")?.id;
  const community = programs.find((p) => p.name === "Smart samhällsbyggnad")?.id;
  for (const d of departments) {
    if (welfare && (d.name === "Socialförvaltningen" || d.name === "Vård- och omsorgsförvaltningen")) programOf.set(d.id, welfare);
    if (community && (d.name === "Samhällsbyggnadsförvaltningen" || d.name === "Tekniska förvaltningen")) programOf.set(d.id, community);
  }
  return {
    departments: departments.map((d) => {
      const base = d.name.split(",")[0]!;
      return { ...d, base, weight: big.includes(base) ? 3 : 1 };
    }),
    goals,
    users: {
      dig: byRole("DIG") ?? fallbackUser,
      ledning: byRole("LEADERSHIP") ?? byRole("DIG") ?? fallbackUser,
      managerOf,
      names: new Map(users.map((u) => [u.id, u.name])),
    },
    // Any local pool may lend hours, also a department's second team.
    pools: { dig: central("DIG"), dc: central("DIGITAL_CENTER"), localOf, locals: pools.filter((p) => p.kind === "LOCAL").map((p) => p.id) },
    programOf,
  };
}

type Rows = {
  initiatives: Prisma.InitiativeCreateManyInput[];
  goals: Prisma.InitiativeGoalCreateManyInput[];
  benefits: Prisma.BenefitIndicatorCreateManyInput[];
  statusChanges: Prisma.StatusChangeCreateManyInput[];
  triage: Prisma.TriageAssessmentCreateManyInput[];
  allocations: Prisma.ResourceAllocationCreateManyInput[];
  comments: Prisma.CommentCreateManyInput[];
  audit: Prisma.AuditEventCreateManyInput[];
};

const TODAY = toDate(DEMO_TODAY, 12);
const EARLIEST = toDate("2025-01-02", 8);
const DAY = 86_400_000;

/**
 * How the generated portfolio spreads: `years` of history. The last two years carry the live mix
 * of statuses (STATUS_WEIGHTS); older initiatives have been closed (delivered, cancelled, rejected),
 * as in a municipality that has kept its portfolio for a decade.
 */
export type GenerateOptions = { years?: number };

type Window = { from: Date; to: Date };
const RECENT: Window = { from: EARLIEST, to: TODAY };
const CLOSED_WEIGHTS: Array<[InitiativeStatus, number]> = [
  ["DONE", 55],
  ["REJECTED", 20],
  ["CANCELLED", 15],
  ["DEFERRED", 10],
];

/** Days between events, by the status reached. */
const GAP_DAYS: Partial<Record<InitiativeStatus, [number, number]>> = {
  SUBMITTED: [0, 14],
  NEEDS_INFO: [3, 14],
  TRIAGED: [3, 30],
  APPROVED: [10, 150],
  REJECTED: [10, 90],
  DEFERRED: [10, 120],
  IN_PROGRESS: [14, 180],
  PAUSED: [30, 200],
  DONE: [60, 400],
  CANCELLED: [20, 200],
};

function timeline(dice: Dice, status: InitiativeStatus, window: Window): Array<{ status: InitiativeStatus; at: Date }> {
  let path = defaultPath(status);
  // Some went back for more information before triage.
  if (path.includes("TRIAGED") && dice.chance(0.12)) path = ["DRAFT", "SUBMITTED", "NEEDS_INFO", "SUBMITTED", ...path.slice(2)];
  let gaps = path.map((s, i) => (i === 0 ? 0 : dice.int(...(GAP_DAYS[s] ?? [1, 10]))));
  // Place the story so it ends a few days before today; open items are recent, finished ones older.
  const available = Math.floor((window.to.getTime() - window.from.getTime()) / DAY) - 3;
  let span = gaps.reduce((a, b) => a + b, 0);
  if (span > available) {
    gaps = gaps.map((g) => Math.floor((g * available) / span));
    span = gaps.reduce((a, b) => a + b, 0);
  }
  const latestStart = available - span;
  const recent = window === RECENT && (status === "DRAFT" || status === "SUBMITTED" || status === "NEEDS_INFO" || status === "TRIAGED");
  const startOffset = Math.max(0, recent ? latestStart - dice.int(0, 120) : dice.int(0, Math.max(0, latestStart)));
  let t = addDays(window.from, startOffset);
  t = new Date(t.getTime() + dice.int(0, 9 * 60) * 60_000);
  return path.map((s, i) => {
    if (i > 0) t = new Date(addDays(t, gaps[i]!).getTime() + dice.int(10, 300) * 60_000);
    return { status: s, at: t };
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fill(template: string, dice: Dice, subject: string): string {
  return template
    .replace("{s}", subject)
    .replace("{place}", dice.pick(PLACES))
    .replace("{group}", dice.pick(GROUPS))
    .replace("{system}", dice.pick(SYSTEMS));
}

function buildInitiative(ctx: Context, dice: Dice, rows: Rows, years: number): void {
  const id = randomUUID();
  const department = dice.weighted(ctx.departments.map((d) => [d, d.weight] as const));
  // Beyond the last two years, an initiative belongs to the closed history.
  const historic = years > 2 && dice.chance((years - 2) / years);
  const window: Window = historic ? { from: new Date(TODAY.getTime() - years * 365 * DAY), to: new Date(EARLIEST.getTime() + 60 * DAY) } : RECENT;
  const quadrant = dice.weighted(QUADRANT_WEIGHTS);
  const recipient = quadrant.startsWith("INTERNAL") ? "INTERNAL" : "EXTERNAL";
  const nature = quadrant.endsWith("EFFICIENCY") ? "EFFICIENCY" : "INNOVATION";
  const kind: InitiativeKind = dice.chance(0.18) ? "INFRASTRUCTURE" : "BUSINESS_DEVELOPMENT";
  const size = dice.weighted(SIZE_WEIGHTS);
  const status = dice.weighted(historic ? CLOSED_WEIGHTS : STATUS_WEIGHTS);
  const subject = dice.pick(SUBJECTS[department.base] ?? SUBJECTS.GENERAL!);
  const template = kind === "INFRASTRUCTURE" ? dice.pick(INFRA_TITLES) : dice.pick(nature === "EFFICIENCY" ? EFFICIENCY_TITLES : INNOVATION_TITLES);
  const title = fill(template, dice, subject) + dice.pick(SUFFIXES);
  const group = dice.pick(recipient === "EXTERNAL" ? (EXTERNAL_GROUPS[department.base] ?? EXTERNAL_GROUPS.GENERAL!) : INTERNAL_GROUPS);
  const need =
    kind === "INFRASTRUCTURE"
      ? `${dice.pick(INFRA_NEEDS)} Det påverkar arbetet med ${subject}. Vi behöver en stabil och säker grund så att verksamheten kan arbeta digitalt utan avbrott och ${group} ${recipient === "EXTERNAL" ? "får en tillförlitlig service" : "slipper störningar"}.`
      : `I dag hanteras ${subject} ${dice.pick(MANUAL)}. ${dice.pick(PROBLEMS)} Vi vill ${dice.pick(
          nature === "EFFICIENCY" ? EFFICIENCY_AIMS : INNOVATION_AIMS,
        )} så att ${group} ${recipient === "EXTERNAL" ? "får snabbare och enklare service" : "kan lägga mer tid på kärnuppdraget"}.`;

  const events = timeline(dice, status, window);
  const first = (s: InitiativeStatus) => events.find((e) => e.status === s)?.at ?? null;
  const decided = events.find((e) => e.status === "APPROVED" || e.status === "REJECTED" || e.status === "DEFERRED")?.at ?? null;
  const started = first("IN_PROGRESS");
  const track = trackFor(kind, size);
  const creator = ctx.users.managerOf.get(department.id) ?? ctx.users.dig;
  const costSek = dice.chance(0.12) ? null : dice.between(...COST_RANGE[size], 10_000);
  const effortHours = dice.chance(0.1) ? null : dice.between(...EFFORT_RANGE[size], 10);

  let planned: [string, string] | null = null;
  if (decided && (status === "APPROVED" || status === "IN_PROGRESS" || status === "PAUSED" || status === "DONE" || status === "CANCELLED")) {
    // Approved work waiting to start has been re-planned to start now or later.
    const planFrom =
      status === "APPROVED"
        ? new Date(Math.max(addDays(decided, dice.int(30, 240)).getTime(), addDays(TODAY, dice.int(0, 300)).getTime()))
        : (started ?? addDays(decided, dice.int(30, 240)));
    const start = quarterOf(planFrom);
    const quarters = quarterRange(start, "2031-Q4");
    let end = quarters[dice.int(...DURATION_QUARTERS[size]) - 1]!;
    // Running work is planned to at least the current quarter.
    if (status === "IN_PROGRESS" && end < quarterOf(TODAY)) end = quarterOf(addDays(TODAY, dice.int(0, 200)));
    planned = [start, end];
  }
  const procurement = dice.chance(0.3);
  const hygiene = () => (dice.chance(0.15) ? null : dice.chance(0.75));
  const isReplacement = kind === "BUSINESS_DEVELOPMENT" && dice.chance(0.12);

  rows.initiatives.push({
    id,
    title,
    need,
    benefitRecipient: recipient,
    nature,
    reachDescription: recipient === "EXTERNAL" ? capitalise(`${group} som berörs`) : `Berörda ${group} i ${department.name}`,
    reachCount: dice.chance(0.15) ? null : recipient === "EXTERNAL" ? dice.between(50, 40_000, 10) : dice.between(5, 2_000, 5),
    isReplacement,
    replacesSystem: isReplacement ? `Nuvarande system för ${subject}` : null,
    enablesDevelopment: isReplacement && dice.chance(0.7) ? `Självservice och automatiserade flöden för ${subject}` : null,
    involvesProcurement: procurement,
    hygieneOwnsData: procurement ? hygiene() : null,
    hygieneOpenStandards: procurement ? hygiene() : null,
    hygieneOpenApis: procurement ? hygiene() : null,
    hygieneExitPlan: procurement ? hygiene() : null,
    estimatedCostSek: costSek,
    estimatedEffortHours: effortHours,
    desiredStartQuarter: quarterOf(addDays(events[0]!.at, dice.int(30, 270))),
    plannedStartQuarter: planned?.[0] ?? null,
    plannedEndQuarter: planned?.[1] ?? null,
    contactPerson: `${dice.pick(FIRST_NAMES)} ${dice.pick(LAST_NAMES)}, ${dice.pick(ROLES)}`,
    benefitJudgement: dice.int(1, 5),
    urgency: dice.weighted([[0, 4], [1, 4], [2, 2], [3, 1]] as const),
    legalRequirement: dice.chance(0.08),
    riskReduction: dice.weighted([[0, 5], [1, 3], [2, 2], [3, 1]] as const),
    status,
    ownerDepartmentId: department.id,
    createdById: creator,
    programId: ctx.programOf.has(department.id) && dice.chance(0.3) ? ctx.programOf.get(department.id)! : null,
    version: events.length,
    submittedAt: first("SUBMITTED"),
    decidedAt: decided,
    startedAt: started,
    completedAt: first("DONE"),
    createdAt: events[0]!.at,
    updatedAt: events[events.length - 1]!.at,
  });

  // 1–3 goals; internal efficiency leans to the efficiency goal, external to service.
  const goalCount = dice.int(1, Math.min(3, ctx.goals.length));
  const chosen = new Set<string>();
  const preferred = ctx.goals[recipient === "INTERNAL" ? 1 : 0] ?? ctx.goals[0]!;
  if (dice.chance(0.7)) chosen.add(preferred.id);
  while (chosen.size < goalCount) chosen.add(dice.pick(ctx.goals).id);
  for (const goalId of chosen) rows.goals.push({ initiativeId: id, goalId, alignment: dice.int(1, 3) });

  // 1–3 benefits, their category and certainty following the quadrant.
  const categories: BenefitCategory[] =
    quadrant === "INTERNAL_EFFICIENCY"
      ? ["REALLOCATION", "FINANCIAL", "QUALITY"]
      : quadrant === "EXTERNAL_EFFICIENCY"
        ? ["QUALITY", "REALLOCATION", "FINANCIAL"]
        : ["QUALITY", "ENVIRONMENT", "REALLOCATION"];
  const benefitCount = dice.int(1, 3);
  for (let b = 0; b < benefitCount; b++) {
    const category = categories[b]!;
    const certainty: BenefitCertainty =
      category === "FINANCIAL" ? "GREEN" : category === "REALLOCATION" ? "YELLOW" : category === "ENVIRONMENT" && dice.chance(0.4) ? "GREEN" : "RED";
    const withIndicator = dice.chance(0.5);
    const baseline = dice.between(10, 500, 5);
    rows.benefits.push({
      initiativeId: id,
      category,
      description: dice.pick(BENEFIT_TEXT[category]),
      annualValueSek: certainty === "GREEN" ? dice.between(20_000, 2_000_000, 10_000) : null,
      annualHours: certainty === "YELLOW" ? dice.between(50, 6_000, 50) : null,
      certainty,
      owner: capitalise(`${dice.pick(ROLES)}, ${department.name}`),
      indicator: withIndicator ? `Nyckeltal för ${subject}` : null,
      unit: withIndicator ? dice.pick(["%", "dagar", "st", "timmar"]) : null,
      baseline: withIndicator ? baseline : null,
      target: withIndicator ? Math.round(baseline * (dice.chance(0.5) ? 0.5 : 1.5)) : null,
      createdAt: events[0]!.at,
    });
  }

  // Timeline with actors, and the audit trail that goes with it.
  events.forEach((event, k) => {
    const from = k === 0 ? null : events[k - 1]!.status;
    const to = event.status;
    const actor =
      to === "DRAFT" || to === "SUBMITTED" || to === "DONE"
        ? creator
        : (to === "APPROVED" || to === "REJECTED" || to === "DEFERRED" || to === "CANCELLED") && track === "PORTFOLIO"
          ? ctx.users.ledning
          : ctx.users.dig;
    rows.statusChanges.push({ initiativeId: id, fromStatus: from, toStatus: to, actorId: actor, reason: null, at: event.at });
    rows.audit.push({
      at: event.at,
      actorId: actor,
      actorLabel: ctx.users.names.get(actor) ?? "Okänd",
      action: from === "PAUSED" && to === "IN_PROGRESS" ? "initiative.resume" : AUDIT_ACTION[to],
      entityType: "Initiative",
      entityId: id,
      before: from ? { status: from } : undefined,
      after: { status: to },
    });
  });

  // A short conversation on most initiatives: questions at triage, news while the work runs.
  const commentCount = dice.weighted([[0, 3], [1, 3], [2, 2], [3, 1]] as const);
  for (let c = 0; c < commentCount; c++) {
    const event = dice.pick(events);
    const fromDig = dice.chance(0.5);
    const authorId = fromDig ? ctx.users.dig : creator;
    const commentId = randomUUID();
    rows.comments.push({
      id: commentId,
      initiativeId: id,
      authorId,
      body: fill(dice.pick(fromDig ? DIG_COMMENTS : OWNER_COMMENTS), dice, subject),
      createdAt: new Date(event.at.getTime() + dice.int(1, 72) * 3_600_000),
    });
    rows.audit.push({
      at: new Date(event.at.getTime() + dice.int(1, 72) * 3_600_000),
      actorId: authorId,
      actorLabel: ctx.users.names.get(authorId) ?? "Okänd",
      action: "initiative.comment",
      entityType: "Initiative",
      entityId: id,
      after: { commentId },
    });
  }

  const triagedAt = first("TRIAGED");
  if (triagedAt) {
    rows.triage.push({
      initiativeId: id,
      assessedById: ctx.users.dig,
      kind,
      size,
      track,
      quadrant: quadrantOf(recipient, nature),
      suggestedKind: kind,
      suggestedSize: size,
      suggestedTrack: track,
      completeness: dice.int(50, 100),
      createdAt: triagedAt,
    });
  }

  // Allocations for approved, running and delivered work: central pool, own local pool, sometimes a borrowed one.
  if (planned && (status === "APPROVED" || status === "IN_PROGRESS" || status === "PAUSED" || status === "DONE")) {
    const quarters = quarterRange(planned[0], planned[1]);
    const effort = effortHours ?? dice.between(...EFFORT_RANGE[size], 10);
    const perQuarter = effort / quarters.length;
    const shares = new Map<string, number>();
    const local = ctx.pools.localOf.get(department.id);
    if (local) shares.set(local, 0.35);
    if (ctx.pools.locals.length > 1 && dice.chance(0.1)) {
      const other = dice.pick(ctx.pools.locals.filter((p) => p !== local));
      shares.set(other, (shares.get(other) ?? 0) + 0.2);
    }
    const used = [...shares.values()].reduce((a, b) => a + b, 0);
    const central = kind === "INFRASTRUCTURE" ? ctx.pools.dc : ctx.pools.dig;
    if (central) shares.set(central, (shares.get(central) ?? 0) + (1 - used));
    for (const quarter of quarters) {
      for (const [poolId, share] of shares) {
        const hours = Math.round((perQuarter * share) / 10) * 10;
        if (hours > 0) rows.allocations.push({ initiativeId: id, poolId, quarter, hours, createdById: ctx.users.dig, createdAt: decided ?? events[0]!.at });
      }
    }
  }
}

async function insertAll<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
  return rows.length;
}

/** Generates and writes `count` initiatives with their related rows; returns statistics. */
/**
 * After a bulk load, before timing: a settled database, as in use. VACUUM ANALYZE, or the
 * server's autovacuum works through the load during the first minute of timings and the planner
 * has no statistics; CHECKPOINT, or its checkpointer writes the load out under the timings. The
 * trivial route, one round trip to the server, would show that most: its p95 was 5.6 ms without
 * the checkpoint and 4.0 ms with it (one run each, the route warmed), though bench:scale's first
 * step still had 5.3 ms with it, so this is not the whole of that route's tail.
 */
export async function settle(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");
  await prisma.$executeRawUnsafe("CHECKPOINT");
}

/** The database the page benches time: migrated, the demo municipality, `count` generated initiatives, settled, closed. Returns the generation's ms. */
export async function fillBenchDatabase(db: Database, count: number): Promise<number> {
  await db.migrate();
  await seedDemo(db.prisma);
  const started = Date.now();
  await generateInitiatives(db.prisma, count);
  const ms = Date.now() - started;
  await settle(db.prisma);
  await db.close();
  return ms;
}

export async function generate(prisma: PrismaClient, count: number, options: GenerateOptions = {}): Promise<GenerateStats> {
  const years = options.years ?? 2;
  const started = Date.now();
  const ctx = await loadContext(prisma);
  // Seeded from the count and what is already there: deterministic for a given database state.
  const existing = await prisma.initiative.count();
  const dice = new Dice(0x5eed ^ (existing * 7919) ^ count);
  const byTable: Record<string, number> = {};
  const add = (table: string, n: number) => (byTable[table] = (byTable[table] ?? 0) + n);

  for (let done = 0; done < count; done += BATCH) {
    const rows: Rows = { initiatives: [], goals: [], benefits: [], statusChanges: [], triage: [], allocations: [], comments: [], audit: [] };
    const n = Math.min(BATCH, count - done);
    for (let i = 0; i < n; i++) buildInitiative(ctx, dice, rows, years);
    // Numbers (#) follow creation order within the batch.
    rows.initiatives.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
    await prisma.$transaction(
      async (tx) => {
        add("Initiative", await insertAll(rows.initiatives, (data) => tx.initiative.createMany({ data })));
        add("InitiativeGoal", await insertAll(rows.goals, (data) => tx.initiativeGoal.createMany({ data })));
        add("BenefitIndicator", await insertAll(rows.benefits, (data) => tx.benefitIndicator.createMany({ data })));
        add("StatusChange", await insertAll(rows.statusChanges, (data) => tx.statusChange.createMany({ data })));
        add("TriageAssessment", await insertAll(rows.triage, (data) => tx.triageAssessment.createMany({ data })));
        add("ResourceAllocation", await insertAll(rows.allocations, (data) => tx.resourceAllocation.createMany({ data })));
        add("Comment", await insertAll(rows.comments, (data) => tx.comment.createMany({ data })));
        add("AuditEvent", await insertAll(rows.audit, (data) => tx.auditEvent.createMany({ data })));
      },
      { timeout: 300_000, maxWait: 20_000 },
    );
  }
  const rows = Object.values(byTable).reduce((a, b) => a + b, 0);
  return { initiatives: byTable.Initiative ?? 0, rows, byTable, ms: Date.now() - started };
}

/** The neighbours that share the digitalisation office when the bench grows to a region. */
const NEIGHBOURS = ["Norrby kommun", "Sjövik kommun", "Åsbacka kommun", "Lindå kommun"];

/**
 * Tops the organisation up to `total` departments, as when several municipalities share one
 * digitalisation office: the demo's kinds of department again for each neighbour
 * ("Socialförvaltningen, Norrby kommun"), each with a department manager (who signs in
 * through single sign-on, so without a password). Deterministic; run it before generate().
 */
export async function generateDepartments(prisma: PrismaClient, total: number): Promise<number> {
  const existing = await prisma.department.findMany({ select: { name: true, shortName: true, kind: true }, orderBy: { name: "asc" } });
  const names = new Set(existing.map((d) => d.name));
  const kinds = existing.filter((d) => d.kind === "DEPARTMENT" && !d.name.includes(","));
  const created: Array<{ department: Prisma.DepartmentCreateManyInput; manager: Prisma.UserCreateManyInput }> = [];
  for (const [m, municipality] of NEIGHBOURS.entries()) {
    for (const kind of kinds) {
      if (existing.length + created.length >= total) break;
      const name = `${kind.name}, ${municipality}`;
      if (names.has(name)) continue;
      const id = randomUUID();
      const short = `${kind.shortName}-${municipality.slice(0, 3).toUpperCase()}`;
      created.push({
        department: { id, name, shortName: short, kind: "DEPARTMENT" },
        manager: { id: randomUUID(), email: `chef.${short.toLowerCase()}.${m}@region.demo.kommun.se`, name: `Förvaltningschef ${short}`, role: "DEPARTMENT_MANAGER", departmentId: id, ssoManaged: true },
      });
    }
  }
  await prisma.$transaction([
    prisma.department.createMany({ data: created.map((c) => c.department) }),
    prisma.user.createMany({ data: created.map((c) => c.manager) }),
  ]);
  return existing.length + created.length;
}

/**
 * Tops the resource pools up to `total` (first a local pool for each department without one,
 * then second teams) and gives every pool a capacity in each of `quarters` where it has none,
 * as the demand benchmark needs (20 pools × 12 quarters). Deterministic; run it before
 * generate() so the new pools also receive allocations.
 */
export async function generatePools(prisma: PrismaClient, total: number, quarters: readonly string[]): Promise<{ pools: number; capacities: number }> {
  const dice = new Dice(0xb001 ^ total);
  const [departments, existing] = await Promise.all([
    prisma.department.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.resourcePool.findMany({ select: { id: true, kind: true, departmentId: true } }),
  ]);
  const served = new Set(existing.filter((p) => p.kind === "LOCAL").map((p) => p.departmentId));
  const created: Prisma.ResourcePoolCreateManyInput[] = [];
  const room = () => existing.length + created.length < total;
  for (const d of departments) {
    if (room() && !served.has(d.id)) created.push({ id: randomUUID(), name: `Utvecklingsteam, ${d.name}`, kind: "LOCAL", departmentId: d.id, wipLimit: dice.int(2, 5) });
  }
  for (let n = 2; room() && departments.length; n++) {
    const d = departments[n % departments.length]!;
    created.push({ id: randomUUID(), name: `Team ${n}, ${d.name}`, kind: "LOCAL", departmentId: d.id, wipLimit: dice.int(2, 5) });
  }
  await prisma.resourcePool.createMany({ data: created, skipDuplicates: true });
  const pools = await prisma.resourcePool.findMany({ select: { id: true, kind: true } });
  const have = new Set((await prisma.poolCapacity.findMany({ where: { quarter: { in: [...quarters] }, competence: "" }, select: { poolId: true, quarter: true } })).map((c) => `${c.poolId}|${c.quarter}`));
  const capacities: Prisma.PoolCapacityCreateManyInput[] = [];
  for (const p of pools) {
    const base = p.kind === "LOCAL" ? dice.between(150, 500, 10) : dice.between(1500, 2500, 100);
    for (const quarter of quarters) {
      if (have.has(`${p.id}|${quarter}`)) continue;
      // Summer (Q3) has fewer hours.
      capacities.push({ poolId: p.id, quarter, competence: "", hours: quarter.endsWith("Q3") ? Math.round((base * 0.7) / 10) * 10 : base });
    }
  }
  await insertAll(capacities, (data) => prisma.poolCapacity.createMany({ data }));
  return { pools: pools.length, capacities: capacities.length };
}

/**
 * Fills the audit log with `count` events spread evenly over the last ten years: the actions and
 * record kinds the use cases write, by the people and on the initiatives already there. Written
 * by PostgreSQL itself (generate_series), so a million events take seconds, not minutes.
 * `first` numbers the events, so that a second call adds to the first instead of colliding.
 */
export async function generateAuditEvents(prisma: PrismaClient, count: number, first = 1): Promise<number> {
  if (count <= 0) return 0;
  const actions = [
    ["initiative.update", "Initiative"], ["initiative.status.submitted", "Initiative"], ["initiative.status.triaged", "Initiative"], ["initiative.comment", "Initiative"],
    ["triage.decide", "Initiative"], ["decision.approve", "Initiative"], ["allocation.create", "ResourceAllocation"], ["allocation.update", "ResourceAllocation"],
    ["initiative.create", "Initiative"], ["initiative.status.in_progress", "Initiative"], ["ranking.move", "Initiative"], ["user.update", "User"],
  ];
  const list = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(",")}]`;
  const chunk = 200_000;
  const seconds = Math.floor((10 * 365 * 86_400) / count);
  for (let start = 0; start < count; start += chunk) {
    const end = Math.min(count, start + chunk);
    await prisma.$executeRawUnsafe(`
      WITH u AS (SELECT array_agg("id" ORDER BY "id") AS ids, array_agg("name" ORDER BY "id") AS names FROM "User"),
           i AS (SELECT array_agg("id" ORDER BY "number") AS ids FROM "Initiative"),
           a AS (SELECT ${list(actions.map((x) => x[0]!))} AS actions, ${list(actions.map((x) => x[1]!))} AS types)
      INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorLabel", "action", "entityType", "entityId", "before", "after")
      SELECT 'bench-audit-' || g,
             now() - make_interval(secs => ((g - ${first}) * ${seconds} + (g * 7919) % ${seconds})::double precision),
             u.ids[1 + ((g * 31) % cardinality(u.ids))::int], u.names[1 + ((g * 31) % cardinality(u.names))::int],
             a.actions[1 + ((g * 13) % cardinality(a.actions))::int], a.types[1 + ((g * 13) % cardinality(a.types))::int],
             i.ids[1 + ((g * 17) % cardinality(i.ids))::int],
             jsonb_build_object('status', 'SUBMITTED', 'estimatedCostSek', (g * 37) % 900000),
             jsonb_build_object('status', 'TRIAGED', 'estimatedCostSek', (g * 41) % 900000)
      FROM generate_series(${first + start}::bigint, ${first + end - 1}::bigint) AS g, u, i, a`);
  }
  return count;
}

/**
 * Gives the generated benefits a history: an owner (the department's manager, else DIG), the
 * follow-ups of delivered initiatives (two in three of the past ones answered), and `count`
 * measurements spread over the decided initiatives' benefits that have a target, moving from
 * the baseline towards the target over the last two years. Written by PostgreSQL itself.
 */
export async function generateBenefitHistory(prisma: PrismaClient, count: number): Promise<{ followUps: number; measurements: number }> {
  await prisma.$executeRawUnsafe(`
    UPDATE "BenefitIndicator" b SET "ownerId" = COALESCE(
      (SELECT u."id" FROM "User" u WHERE u."departmentId" = i."ownerDepartmentId" AND u."role" = 'DEPARTMENT_MANAGER' ORDER BY u."id" LIMIT 1),
      (SELECT u."id" FROM "User" u WHERE u."role" = 'DIG' ORDER BY u."id" LIMIT 1))
    FROM "Initiative" i WHERE i."id" = b."initiativeId" AND b."ownerId" IS NULL`);
  const followUps = await prisma.$executeRawUnsafe(`
    INSERT INTO "FollowUp" ("id", "indicatorId", "initiativeId", "offsetMonths", "dueAt", "completedAt", "assessment")
    SELECT 'bench-fu-' || b."id" || '-' || o.m, b."id", i."id", o.m, i."completedAt" + make_interval(months => o.m),
           CASE WHEN i."completedAt" + make_interval(months => o.m) < now() AND abs(hashtext(b."id" || o.m)) % 3 <> 0 THEN i."completedAt" + make_interval(months => o.m, days => 12) END,
           CASE WHEN i."completedAt" + make_interval(months => o.m) < now() AND abs(hashtext(b."id" || o.m)) % 3 <> 0 THEN 'PARTLY'::"FollowUpAssessment" END
    FROM "BenefitIndicator" b JOIN "Initiative" i ON i."id" = b."initiativeId" CROSS JOIN (VALUES (6), (12), (24)) AS o(m)
    WHERE i."status" = 'DONE' AND i."completedAt" IS NOT NULL AND b."ownerId" IS NOT NULL
    ON CONFLICT DO NOTHING`);
  if (count <= 0) return { followUps, measurements: 0 };
  const measurements = await prisma.$executeRawUnsafe(`
    WITH b AS MATERIALIZED (
      SELECT b."id", COALESCE(b."baseline", 0) AS baseline, b."target", row_number() OVER (ORDER BY b."id") - 1 AS n
      FROM "BenefitIndicator" b JOIN "Initiative" i ON i."id" = b."initiativeId"
      WHERE i."status" IN ('APPROVED', 'IN_PROGRESS', 'PAUSED', 'DONE') AND b."target" IS NOT NULL
    ), c AS (SELECT count(*) AS total FROM b)
    INSERT INTO "Measurement" ("id", "indicatorId", "measuredAt", "value", "source", "createdAt")
    SELECT 'bench-m-' || g, b."id", now() - make_interval(days => (730 - (g * 7) % 730)::int),
           b.baseline + (b."target" - b.baseline) * (((g * 7) % 730) / 730.0) * (0.6 + (g % 5) / 10.0), 'Benchmark', now()
    FROM generate_series(0, ${count - 1}) AS g, c, b
    WHERE c.total > 0 AND b.n = g % c.total`);
  return { followUps, measurements };
}

/** Generates `count` initiatives on top of the demo municipality; returns how many were written. */
export async function generateInitiatives(prisma: PrismaClient, count: number): Promise<number> {
  return (await generate(prisma, count)).initiatives;
}

// ---------------------------------------------------------------------------
// CLI

async function main(): Promise<void> {
  const count = Number(arg("count", "2000"));
  if (!Number.isInteger(count) || count < 0) throw new Error(`--count must be a whole number, got "${arg("count", "")}"`);
  const auditEvents = Number(arg("audit-events", "0"));
  if (!Number.isInteger(auditEvents) || auditEvents < 0) throw new Error(`--audit-events must be a whole number, got "${arg("audit-events", "")}"`);
  const departments = Number(arg("departments", "0"));
  const years = Number(arg("years", "2"));
  if (!Number.isInteger(departments) || departments < 0 || !(years > 0)) throw new Error("--departments must be a whole number and --years above 0");

  const db = database();
  try {
    await db.migrate();
    const seeded = await seedDemo(db.prisma);
    if (seeded.seeded) console.log(`Seeded the demo municipality (${seeded.initiatives} initiatives).`);
    if (departments) console.log(`Departments: ${await generateDepartments(db.prisma, departments)}.`);
    const stats = await generate(db.prisma, count, { years });
    const detail = Object.entries(stats.byTable)
      .map(([table, n]) => `${table} ${n}`)
      .join(", ");
    console.log(`Wrote ${stats.rows} rows (${detail}) in ${stats.ms} ms on the ${db.engine} database.`);
    const measurements = Number(arg("measurements", "0"));
    if (measurements) {
      const t = Date.now();
      const history = await generateBenefitHistory(db.prisma, measurements);
      console.log(`Wrote ${history.measurements} measurements and ${history.followUps} follow-ups in ${Date.now() - t} ms.`);
    }
    if (auditEvents) {
      const t = Date.now();
      await generateAuditEvents(db.prisma, auditEvents);
      console.log(`Wrote ${auditEvents} audit events in ${Date.now() - t} ms.`);
    }
  } finally {
    await db.close();
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
