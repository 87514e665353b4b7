// The documented operations' cases and the data they run on, shared by the contract test (every
// answer as documented), the authorization matrix and the fuzzer. Each operation's cases call its
// real route handler in-process, authenticated with API tokens.
//
// To cover a NEW operation: add an entry to `cases` below, keyed by its operationId, with at
// least one success (2xx) and one error (4xx) case. The contract test fails until you do.
import path from "node:path";
import { pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { createToken } from "@/lib/server/api-tokens";
import { exportAll } from "@/lib/server/full-export";
import { createInitiative } from "@/lib/server/initiatives";
import { addProgramInitiatives, createProgram } from "@/lib/server/programs";
import { createAllocation, currentQuarter } from "@/lib/server/resources";
import { closeMeeting, createMeeting, getMeeting } from "@/lib/server/meetings";
import { openApiDocument } from "@/lib/server/openapi";
import { resourceSettings, triageSettings } from "@/lib/server/settings";
import { triageQueue } from "@/lib/server/triage";
import { addQuarters } from "@/lib/domain/quarters";
import { seedDemo } from "@/prisma/seed/demo";
import type { InitiativeStatus, PrismaClient } from "@/lib/generated/prisma/client";
import { createScenario } from "@/lib/server/scenarios";

/** Tokens the cases call with: name → [role, scopes]. "none" sends no credential; "unknown" a well-formed secret that matches no token. */
export const TOKENS = {
  admin: ["ADMIN", ["READ", "WRITE"]],
  adminRead: ["ADMIN", ["READ"]],
  dig: ["DIG", ["READ", "WRITE"]],
  leadership: ["LEADERSHIP", ["READ", "WRITE"]],
  viewer: ["VIEWER", ["READ"]],
} as const;
export type TokenName = keyof typeof TOKENS | "none" | "unknown";

export type Case = {
  /** What the case shows, e.g. "stale version". */
  name: string;
  /** Default: admin. */
  as?: TokenName;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body (sent as application/json). */
  body?: unknown;
  /** Or a raw body with its own content type. */
  raw?: { body: string | Uint8Array<ArrayBuffer>; contentType: string };
  /** Or a multipart/form-data upload (fetch sets the content type with its boundary). */
  form?: FormData;
  status: number;
};

/** What the cases may use: the seeded database, the acting users, and ids prepared for them. */
export type Fixture = {
  prisma: PrismaClient;
  admin: Actor;
  ids: {
    department: string; submitted: string[]; fastLane: string; notFastLane: string; draft: string; draftToSubmit: string; token: string;
    /** Meetings: one planned, one closed before the cases run, one the cases close. */
    meeting: string; closedMeeting: string; meetingToClose: string;
    /** TRIAGED on the planned meeting's agenda: one to decide, one for a stale version. */
    toDecide: string; staleOnAgenda: string;
    /** IN_PROGRESS, not on any agenda: leadership may add it. */
    toAdd: string;
    /** IN_PROGRESS, in the ranking, on no agenda (a refresh adds only TRIAGED ones): the one the cases move. */
    toMove: string;
    /** Programs of this test: one the cases edit and fill, one that already holds `inOtherProgram`. */
    program: string; otherProgram: string; inOtherProgram: string;
    /** APPROVED, in no program: the one the cases add to the program and take out again. */
    joiner: string;
    /** APPROVED: one the cases plan, one the cases start and pause; DONE: neither planned nor allocated. */
    toPlan: string; toProgress: string; done: string;
    /** The central DIG pool; an APPROVED initiative to allocate to; an allocation of it the cases change and delete. */
    pool: string; toAllocate: string; allocation: string;
    /** Administration: a person, a unit and a goal the cases change; a unit and a goal nothing uses (deleted); mappings. */
    person: string; unit: string; unusedUnit: string; goal: string; unusedGoal: string; mapping: string; mappingToDelete: string;
    /** Benefits: a benefit the cases change and measure, one they delete; two open follow-ups of a delivered initiative. */
    benefit: string; benefitToDelete: string; followUp: string; followUpToPostpone: string;
    /** Scenarios: one the cases change and optimise, one they delete, one a meeting of its own adopts. */
    scenario: string; scenarioToDelete: string; scenarioToAdopt: string; scenarioMeeting: string;
  };
  version(id: string): Promise<number>;
  programUpdatedAt(id: string): Promise<string>;
  allocationVersion(id: string): Promise<number>;
};

export const MISSING = "does-not-exist";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const shares = { INTERNAL_EFFICIENCY: 40, INTERNAL_INNOVATION: 20, EXTERNAL_EFFICIENCY: 25, EXTERNAL_INNOVATION: 15 };
const weights = { alignment: 3, benefit: 3, reach: 2, urgency: 2, risk: 1 };
/** Quarters relative to the current one, so allocations and capacity stay inside the allowed window. */
const quarterAhead = (n: number) => addQuarters(currentQuarter(), n);
const programInput = (name: string) => ({ name, targetState: "En målbild som kontraktstestet beskriver." });
const meetingInput = (title: string) => ({ title, date: "2026-11-26", registryNumber: "KS 2026/0999", participants: "Per Håkansson (ordförande)\nSara Nyström (sekreterare)" });

/** A CSV upload with the template's Swedish headers: title and department suffice. */
const csvUpload = (fileName: string, ...rows: string[]) => {
  const form = new FormData();
  form.set("file", new File([`\uFEFFTitel;Förvaltning\r\n${rows.join("\r\n")}\r\n`], fileName, { type: "text/csv" }));
  return form;
};

/**
 * Operations whose success cannot be reached here: restore writes only into an EMPTY database,
 * and this one holds the seeded demo data the other cases need. Its success (201) is covered
 * by tests/integration/export-restore.test.ts; here it must still answer its errors as documented.
 */
export const NO_SUCCESS_IN_PROCESS = new Set(["restoreFull"]);

/**
 * Operations whose successes here change nothing, so leave no audit event: the import's cases are
 * dry runs (tests/integration/import.test.ts checks a real import's audit events).
 */
export const WRITES_NOTHING = new Set<string>(["importInitiatives"]);

/** One entry per documented operation. Cases run in order, so a success may change what a later case sees. */
export const cases: Record<string, (fx: Fixture) => Case[] | Promise<Case[]>> = {
  listInitiatives: () => [
    { name: "a page, filtered", as: "viewer", query: { pageSize: "5", status: "SUBMITTED,TRIAGED", sort: "title" }, status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  createInitiative: (fx) => [
    { name: "a draft", body: { title: "Kontrakt: nytt initiativ", ownerDepartmentId: fx.ids.department, estimatedCostSek: 50_000 }, status: 201 },
    { name: "invalid fields", body: { title: "ab", ownerDepartmentId: fx.ids.department, estimatedCostSek: -1 }, status: 400 },
    // More than the INTEGER column holds: refused as input, not failed by the database.
    { name: "a cost of 2^31 kronor", body: { title: "Kontrakt: för dyrt", ownerDepartmentId: fx.ids.department, estimatedCostSek: 2 ** 31 }, status: 400 },
    { name: "malformed JSON", raw: { body: "{ nope", contentType: "application/json" }, status: 400 },
    { name: "not JSON", raw: { body: "title=x", contentType: "text/plain" }, status: 415 },
    { name: "a role that may not register", as: "dig", body: { title: "Kontrakt: från DIG", ownerDepartmentId: fx.ids.department }, status: 403 },
    { name: "a READ token", as: "adminRead", body: { title: "Kontrakt: läsande", ownerDepartmentId: fx.ids.department }, status: 403 },
  ],
  getInitiative: (fx) => [
    { name: "one initiative", as: "viewer", params: { id: fx.ids.submitted[0]! }, status: 200 },
    { name: "unknown id", as: "viewer", params: { id: MISSING }, status: 404 },
  ],
  updateInitiative: async (fx) => {
    const version = await fx.version(fx.ids.draft);
    const body = { title: "Kontrakt: uppdaterat utkast", ownerDepartmentId: fx.ids.department, need: "Ett behov som beskrivs i kontraktstestet.", benefitRecipient: "INTERNAL", nature: "EFFICIENCY" };
    return [
      { name: "the current version", params: { id: fx.ids.draft }, body: { ...body, version }, status: 200 },
      { name: "a stale version", params: { id: fx.ids.draft }, body: { ...body, version }, status: 409 },
      { name: "unknown id", params: { id: MISSING }, body: { ...body, version: 1 }, status: 404 },
      { name: "a version of 2^31", params: { id: fx.ids.draft }, body: { ...body, version: 2 ** 31 }, status: 400 },
    ];
  },
  submitInitiative: async (fx) => {
    const version = await fx.version(fx.ids.draftToSubmit);
    return [
      { name: "a complete draft", params: { id: fx.ids.draftToSubmit }, body: { version }, status: 200 },
      { name: "already submitted", params: { id: fx.ids.draftToSubmit }, body: { version: version + 1 }, status: 409 },
      { name: "no version", params: { id: fx.ids.draftToSubmit }, body: {}, status: 400 },
    ];
  },
  classifyInitiative: async (fx) => {
    const id = fx.ids.submitted[3]!;
    const version = await fx.version(id);
    return [
      { name: "DIG corrects the nature", as: "dig", params: { id }, body: { version, nature: "INNOVATION" }, status: 200 },
      { name: "a viewer may not", as: "viewer", params: { id }, body: { version: version + 1, nature: "EFFICIENCY" }, status: 403 },
      { name: "stale version", as: "dig", params: { id }, body: { version, nature: "EFFICIENCY" }, status: 409 },
    ];
  },
  listComments: (fx) => [
    { name: "the thread", as: "viewer", params: { id: fx.ids.submitted[0]! }, status: 200 },
    { name: "unknown id", as: "viewer", params: { id: MISSING }, status: 404 },
  ],
  addComment: (fx) => [
    { name: "a comment", as: "dig", params: { id: fx.ids.submitted[0]! }, body: { body: "Kontraktstestets kommentar" }, status: 201 },
    { name: "empty", as: "dig", params: { id: fx.ids.submitted[0]! }, body: { body: "" }, status: 400 },
    { name: "unknown id", as: "dig", params: { id: MISSING }, body: { body: "Hej" }, status: 404 },
  ],
  exportInitiatives: (): Case[] => [
    { name: "CSV", as: "viewer", query: { format: "csv", status: "SUBMITTED" }, status: 200 },
    { name: "Excel", as: "viewer", query: { format: "xlsx", pageSize: "5" }, status: 200 },
    { name: "unknown format", as: "viewer", query: { format: "pdf" }, status: 400 },
  ],
  triageQueue: () => [
    { name: "DIG's queue", as: "dig", status: 200 },
    { name: "a viewer may not", as: "viewer", status: 403 },
  ],
  triageSuggestion: (fx) => [
    { name: "a suggestion", as: "dig", params: { id: fx.ids.submitted[1]! }, status: 200 },
    { name: "unknown id", as: "dig", params: { id: MISSING }, status: 404 },
  ],
  decideTriage: async (fx) => {
    const id = fx.ids.submitted[1]!;
    const version = await fx.version(id);
    const body = { kind: "BUSINESS_DEVELOPMENT", size: "MEDIUM", track: "PORTFOLIO", quadrant: "INTERNAL_EFFICIENCY", overrideReason: "Bedömt i kontraktstestet" };
    return [
      { name: "triaged", as: "dig", params: { id }, body: { ...body, version }, status: 200 },
      { name: "no longer SUBMITTED", as: "dig", params: { id }, body: { ...body, version: version + 1 }, status: 409 },
      { name: "unknown kind", as: "dig", params: { id }, body: { ...body, kind: "MAGIC", version }, status: 400 },
      { name: "leadership may not triage", as: "leadership", params: { id }, body: { ...body, version }, status: 403 },
    ];
  },
  requestInfo: async (fx) => {
    const id = fx.ids.submitted[2]!;
    const version = await fx.version(id);
    return [
      { name: "asked", as: "dig", params: { id }, body: { version, message: "Beskriv behovet närmare, tack." }, status: 200 },
      { name: "no longer SUBMITTED", as: "dig", params: { id }, body: { version: version + 1, message: "Igen, tack." }, status: 409 },
      { name: "unknown id", as: "dig", params: { id: MISSING }, body: { version: 1, message: "Beskriv mer." }, status: 404 },
    ];
  },
  approveInFastLane: async (fx) => {
    const [fast, large] = [fx.ids.fastLane, fx.ids.notFastLane];
    return [
      { name: "small business development", as: "dig", params: { id: fast }, body: { version: await fx.version(fast), quadrant: "INTERNAL_EFFICIENCY", rationale: "Litet och inom delegationen." }, status: 200 },
      { name: "not fast-lane material", as: "dig", params: { id: large }, body: { version: await fx.version(large), quadrant: "INTERNAL_EFFICIENCY", rationale: "Försök utanför snabbspåret." }, status: 400 },
    ];
  },
  getTriageSettings: () => [
    { name: "the settings", as: "dig", status: 200 },
    { name: "a viewer may not", as: "viewer", status: 403 },
  ],
  updateTriageSettings: async () => {
    const current = (await triageSettings()) as unknown as Record<string, unknown>;
    return [
      { name: "saved as they were", as: "dig", body: current, status: 200 },
      { name: "negative limit", as: "dig", body: { ...current, delegationLimitSek: -1 }, status: 400 },
      { name: "leadership may not", as: "leadership", body: current, status: 403 },
    ];
  },
  getScoreWeights: () => [
    { name: "the weights", as: "viewer", status: 200 },
    { name: "an unknown token", as: "unknown", status: 401 },
  ],
  updateScoreWeights: () => [
    { name: "leadership sets them", as: "leadership", body: weights, status: 200 },
    { name: "all zero", as: "leadership", body: { alignment: 0, benefit: 0, reach: 0, urgency: 0, risk: 0 }, status: 400 },
    { name: "DIG may not", as: "dig", body: weights, status: 403 },
  ],
  portfolioRanking: () => [
    { name: "the ranking", as: "viewer", status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  setBalanceTarget: () => [
    { name: "leadership sets it", as: "leadership", body: { year: 2031, shares }, status: 200 },
    { name: "does not sum to 100", as: "leadership", body: { year: 2031, shares: { ...shares, EXTERNAL_INNOVATION: 16 } }, status: 400 },
    { name: "a viewer may not", as: "viewer", body: { year: 2031, shares }, status: 403 },
  ],
  listApiTokens: () => [
    { name: "all tokens", as: "adminRead", status: 200 },
    { name: "DIG may not", as: "dig", status: 403 },
  ],
  createApiToken: () => [
    { name: "a token", body: { name: "Kontrakt: ny token", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(30) }, status: 201 },
    { name: "too far ahead", body: { name: "Kontrakt: för lång", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(800) }, status: 400 },
    { name: "a READ token", as: "adminRead", body: { name: "Kontrakt: läsande", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(30) }, status: 403 },
  ],
  revokeApiToken: (fx) => [
    { name: "revoked", params: { id: fx.ids.token }, status: 200 },
    { name: "unknown id", params: { id: MISSING }, status: 404 },
    { name: "a viewer token may not", as: "viewer", params: { id: fx.ids.token }, status: 403 },
  ],
  rankedInitiative: (fx) => [
    { name: "place and score", as: "viewer", params: { id: fx.ids.toMove }, status: 200 },
    { name: "a draft is not ranked", as: "viewer", params: { id: fx.ids.draft }, status: 404 },
    { name: "unknown id", as: "viewer", params: { id: MISSING }, status: 404 },
  ],
  moveInRanking: async (fx) => {
    const id = fx.ids.toMove;
    const version = await fx.version(id);
    const rationale = "Flyttad i kontraktstestet";
    return [
      { name: "pinned first", as: "leadership", params: { id }, body: { position: 1, rationale, version }, status: 200 },
      { name: "back to score order", as: "leadership", params: { id }, body: { position: null, rationale, version: version + 1 }, status: 200 },
      { name: "a stale version", as: "leadership", params: { id }, body: { position: 2, rationale, version }, status: 409 },
      { name: "a draft is not in the portfolio", as: "leadership", params: { id: fx.ids.draft }, body: { position: 1, rationale, version: 1 }, status: 409 },
      { name: "unknown id", as: "leadership", params: { id: MISSING }, body: { position: 1, rationale, version: 1 }, status: 404 },
      { name: "no rationale", as: "leadership", params: { id }, body: { position: 1, rationale: "", version: version + 2 }, status: 400 },
      { name: "DIG may not", as: "dig", params: { id }, body: { position: 1, rationale, version: version + 2 }, status: 403 },
    ];
  },
  portfolioMetrics: () => [
    { name: "by effort for a year", as: "viewer", query: { weightBy: "effort", year: "2026" }, status: 200 },
    { name: "the defaults", as: "viewer", status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  listMeetings: () => [
    { name: "upcoming and past", as: "viewer", status: 200 },
    { name: "a page past the last", as: "viewer", query: { page: "9" }, status: 200 },
    { name: "a page of 1e309", as: "viewer", query: { page: "1e309" }, status: 400 },
    { name: "a page of 1e20", as: "viewer", query: { page: "1e20" }, status: 400 },
    { name: "no credential", as: "none", status: 401 },
  ],
  createMeeting: () => [
    { name: "leadership creates one", as: "leadership", body: meetingInput("Kontrakt: nytt möte"), status: 201 },
    { name: "a date that does not exist", as: "leadership", body: { ...meetingInput("Kontrakt: fel datum"), date: "2026-02-30" }, status: 400 },
    { name: "an unknown field", as: "leadership", body: { ...meetingInput("Kontrakt: okänt fält"), agenda: [] }, status: 400 },
    { name: "DIG may not", as: "dig", body: meetingInput("Kontrakt: från DIG"), status: 403 },
  ],
  getMeeting: (fx) => [
    { name: "a planned meeting", as: "viewer", params: { id: fx.ids.meeting }, status: 200 },
    { name: "a closed meeting with its snapshot", as: "viewer", params: { id: fx.ids.closedMeeting }, status: 200 },
    { name: "unknown id", as: "viewer", params: { id: MISSING }, status: 404 },
  ],
  addAgendaItem: (fx) => [
    { name: "a running initiative", as: "leadership", params: { id: fx.ids.meeting }, body: { initiativeId: fx.ids.toAdd }, status: 201 },
    { name: "already on the agenda", as: "leadership", params: { id: fx.ids.meeting }, body: { initiativeId: fx.ids.toAdd }, status: 409 },
    { name: "a draft may not stand on it", as: "leadership", params: { id: fx.ids.meeting }, body: { initiativeId: fx.ids.draft }, status: 400 },
    { name: "no initiative", as: "leadership", params: { id: fx.ids.meeting }, body: {}, status: 400 },
    { name: "a closed meeting", as: "leadership", params: { id: fx.ids.closedMeeting }, body: { initiativeId: fx.ids.toAdd }, status: 409 },
    { name: "unknown meeting", as: "leadership", params: { id: MISSING }, body: { initiativeId: fx.ids.toAdd }, status: 404 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.meeting }, body: { initiativeId: fx.ids.toAdd }, status: 403 },
  ],
  refreshAgenda: (fx) => [
    { name: "newly triaged ones added", as: "leadership", params: { id: fx.ids.meeting }, status: 200 },
    { name: "with an empty body", as: "leadership", params: { id: fx.ids.meeting }, body: {}, status: 200 },
    { name: "a closed meeting", as: "leadership", params: { id: fx.ids.closedMeeting }, status: 409 },
    { name: "unknown meeting", as: "leadership", params: { id: MISSING }, status: 404 },
    { name: "DIG may not", as: "dig", params: { id: fx.ids.meeting }, status: 403 },
  ],
  previewDecision: (fx) => [
    { name: "before and after", as: "leadership", params: { id: fx.ids.meeting, initiativeId: fx.ids.toDecide }, status: 200 },
    { name: "not on the agenda", as: "leadership", params: { id: fx.ids.meeting, initiativeId: fx.ids.toMove }, status: 404 },
    { name: "unknown meeting", as: "leadership", params: { id: MISSING, initiativeId: fx.ids.toDecide }, status: 404 },
  ],
  decide: async (fx) => {
    const [id, closed] = [fx.ids.meeting, fx.ids.closedMeeting];
    const version = await fx.version(fx.ids.toDecide);
    const stale = await fx.version(fx.ids.staleOnAgenda);
    const approve = { initiativeId: fx.ids.toDecide, type: "APPROVE", rationale: "Godkänt i kontraktstestet" };
    return [
      { name: "approved", as: "leadership", params: { id }, body: { ...approve, version }, status: 201 },
      { name: "already decided", as: "leadership", params: { id }, body: { ...approve, version: version + 1 }, status: 409 },
      { name: "a stale version", as: "leadership", params: { id }, body: { ...approve, initiativeId: fx.ids.staleOnAgenda, version: stale + 1 }, status: 409 },
      { name: "not on the agenda", as: "leadership", params: { id }, body: { ...approve, initiativeId: fx.ids.toMove, version: 1 }, status: 400 },
      { name: "an unknown decision", as: "leadership", params: { id }, body: { ...approve, initiativeId: fx.ids.staleOnAgenda, type: "POSTPONE", version: stale }, status: 400 },
      { name: "a closed meeting", as: "leadership", params: { id: closed }, body: { ...approve, initiativeId: fx.ids.staleOnAgenda, version: stale }, status: 409 },
      { name: "unknown meeting", as: "leadership", params: { id: MISSING }, body: { ...approve, initiativeId: fx.ids.staleOnAgenda, version: stale }, status: 404 },
      { name: "DIG may not", as: "dig", params: { id }, body: { ...approve, initiativeId: fx.ids.staleOnAgenda, version: stale }, status: 403 },
    ];
  },
  closeMeeting: (fx) => [
    { name: "closed", as: "leadership", params: { id: fx.ids.meetingToClose }, status: 200 },
    { name: "already closed", as: "leadership", params: { id: fx.ids.meetingToClose }, body: {}, status: 409 },
    { name: "unknown meeting", as: "leadership", params: { id: MISSING }, status: 404 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.meeting }, status: 403 },
  ],

  listPrograms: () => [
    { name: "programs with totals", as: "viewer", status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  createProgram: (fx) => [
    { name: "DIG creates one", as: "dig", body: { ...programInput("Kontrakt: nytt program"), goalIds: [], councilIds: [], leaderId: null }, status: 201 },
    { name: "the name is taken, whatever the case", as: "dig", body: programInput("KONTRAKT: NYTT PROGRAM"), status: 409 },
    { name: "too short a name", as: "dig", body: programInput("ab"), status: 400 },
    { name: "an unknown leader", as: "dig", body: { ...programInput("Kontrakt: okänd ledare"), leaderId: MISSING }, status: 400 },
    { name: "a viewer may not", as: "viewer", body: programInput("Kontrakt: från läsare"), status: 403 },
    { name: "a READ token", as: "adminRead", body: programInput("Kontrakt: läsande"), status: 403 },
    { name: "unknown fields", as: "dig", body: { ...programInput("Kontrakt: okänt fält"), initiatives: [fx.ids.joiner] }, status: 400 },
  ],
  getProgram: (fx) => [
    { name: "one program with its initiatives", as: "viewer", params: { id: fx.ids.otherProgram }, status: 200 },
    { name: "unknown id", as: "viewer", params: { id: MISSING }, status: 404 },
  ],
  updateProgram: async (fx) => {
    const id = fx.ids.program;
    const updatedAt = await fx.programUpdatedAt(id);
    const body = { ...programInput("Kontrakt: omdöpt program"), leaderId: fx.admin.id, councilIds: [fx.admin.id] };
    return [
      { name: "the current version", as: "leadership", params: { id }, body: { ...body, updatedAt }, status: 200 },
      { name: "a stale version", as: "leadership", params: { id }, body: { ...body, updatedAt }, status: 409 },
      { name: "another program's name", as: "leadership", params: { id: fx.ids.otherProgram }, body: { ...body, updatedAt: await fx.programUpdatedAt(fx.ids.otherProgram) }, status: 409 },
      { name: "no version", as: "leadership", params: { id }, body, status: 400 },
      { name: "unknown id", as: "leadership", params: { id: MISSING }, body: { ...body, updatedAt }, status: 404 },
      { name: "a viewer may not", as: "viewer", params: { id }, body: { ...body, updatedAt }, status: 403 },
    ];
  },
  addProgramInitiatives: (fx) => [
    { name: "added", params: { id: fx.ids.program }, body: { initiativeIds: [fx.ids.joiner] }, status: 200 },
    { name: "already a member: nothing new", params: { id: fx.ids.program }, body: { initiativeIds: [fx.ids.joiner] }, status: 200 },
    { name: "in another program", params: { id: fx.ids.program }, body: { initiativeIds: [fx.ids.inOtherProgram] }, status: 409 },
    { name: "an unknown initiative", params: { id: fx.ids.program }, body: { initiativeIds: [MISSING] }, status: 400 },
    { name: "none", params: { id: fx.ids.program }, body: { initiativeIds: [] }, status: 400 },
    { name: "unknown program", params: { id: MISSING }, body: { initiativeIds: [fx.ids.joiner] }, status: 404 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.program }, body: { initiativeIds: [fx.ids.joiner] }, status: 403 },
  ],
  removeProgramInitiative: (fx) => [
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.program, initiativeId: fx.ids.joiner }, status: 403 },
    { name: "taken out", params: { id: fx.ids.program, initiativeId: fx.ids.joiner }, status: 200 },
    { name: "no longer in it", params: { id: fx.ids.program, initiativeId: fx.ids.joiner }, status: 404 },
    { name: "in another program", params: { id: fx.ids.program, initiativeId: fx.ids.inOtherProgram }, status: 404 },
  ],
  roadmap: (fx): Case[] => [
    { name: "the default window by program", as: "viewer", status: 200 },
    { name: "by department, filtered, a given window", as: "viewer", query: { groupBy: "department", status: "APPROVED,IN_PROGRESS,DONE", program: fx.ids.otherProgram, from: quarterAhead(-2), to: quarterAhead(5) }, status: 200 },
    { name: "bad values fall back to the defaults", as: "viewer", query: { groupBy: "nope", status: "MAGIC", from: "2026-Q9", page: "-3" }, status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  planInitiative: async (fx) => {
    const id = fx.ids.toPlan;
    const version = await fx.version(id);
    const plan = { plannedStartQuarter: quarterAhead(1), plannedEndQuarter: quarterAhead(4) };
    return [
      { name: "planned", as: "dig", params: { id }, body: { ...plan, version }, status: 200 },
      { name: "cleared", as: "dig", params: { id }, body: { plannedStartQuarter: null, plannedEndQuarter: null, version: version + 1 }, status: 200 },
      { name: "a stale version", as: "dig", params: { id }, body: { ...plan, version }, status: 409 },
      { name: "end before start", as: "dig", params: { id }, body: { plannedStartQuarter: plan.plannedEndQuarter, plannedEndQuarter: plan.plannedStartQuarter, version: version + 2 }, status: 400 },
      { name: "a start without an end", as: "dig", params: { id }, body: { plannedStartQuarter: plan.plannedStartQuarter, plannedEndQuarter: null, version: version + 2 }, status: 400 },
      { name: "a finished initiative", as: "dig", params: { id: fx.ids.done }, body: { ...plan, version: await fx.version(fx.ids.done) }, status: 409 },
      { name: "unknown id", as: "dig", params: { id: MISSING }, body: { ...plan, version: 1 }, status: 404 },
      { name: "a viewer may not", as: "viewer", params: { id }, body: { ...plan, version: version + 2 }, status: 403 },
    ];
  },
  transitionInitiative: async (fx) => {
    const id = fx.ids.toProgress;
    const version = await fx.version(id);
    return [
      { name: "started", as: "leadership", params: { id }, body: { to: "IN_PROGRESS", version }, status: 200 },
      { name: "a pause needs a reason", as: "leadership", params: { id }, body: { to: "PAUSED", version: version + 1 }, status: 400 },
      { name: "a stale version", as: "leadership", params: { id }, body: { to: "PAUSED", reason: "Väntar på upphandling.", version }, status: 409 },
      { name: "paused", as: "leadership", params: { id }, body: { to: "PAUSED", reason: "Väntar på upphandling.", version: version + 1 }, status: 200 },
      { name: "a paused one cannot finish", as: "leadership", params: { id }, body: { to: "DONE", version: version + 2 }, status: 409 },
      { name: "an unknown target", as: "leadership", params: { id }, body: { to: "APPROVED", version: version + 2 }, status: 400 },
      { name: "unknown id", as: "leadership", params: { id: MISSING }, body: { to: "IN_PROGRESS", version: 1 }, status: 404 },
      { name: "a viewer may not", as: "viewer", params: { id }, body: { to: "IN_PROGRESS", version: version + 2 }, status: 403 },
    ];
  },
  listPools: () => [
    { name: "central first", as: "viewer", status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  getPool: (fx) => [
    { name: "capacity and load", as: "viewer", params: { id: fx.ids.pool }, status: 200 },
    { name: "unknown id", as: "viewer", params: { id: MISSING }, status: 404 },
  ],
  updatePool: (fx) => [
    { name: "a limit of its own", as: "dig", params: { id: fx.ids.pool }, body: { wipLimit: 7 }, status: 200 },
    { name: "back to the default", as: "dig", params: { id: fx.ids.pool }, body: { wipLimit: null }, status: 200 },
    { name: "zero", as: "dig", params: { id: fx.ids.pool }, body: { wipLimit: 0 }, status: 400 },
    { name: "unknown id", as: "dig", params: { id: MISSING }, body: { wipLimit: 5 }, status: 404 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.pool }, body: { wipLimit: 5 }, status: 403 },
  ],
  setPoolCapacity: (fx) => {
    const quarter = quarterAhead(6);
    return [
      { name: "one competence", as: "dig", params: { id: fx.ids.pool }, body: { quarter, competence: "utvecklare", hours: 500 }, status: 200 },
      { name: "the whole pool once it has competences", as: "dig", params: { id: fx.ids.pool }, body: { quarter, competence: "", hours: 900 }, status: 400 },
      { name: "outside the window", as: "dig", params: { id: fx.ids.pool }, body: { quarter: quarterAhead(40), hours: 100 }, status: 400 },
      { name: "negative hours", as: "dig", params: { id: fx.ids.pool }, body: { quarter, hours: -1 }, status: 400 },
      { name: "unknown id", as: "dig", params: { id: MISSING }, body: { quarter, hours: 100 }, status: 404 },
      { name: "a viewer may not", as: "viewer", params: { id: fx.ids.pool }, body: { quarter, hours: 100 }, status: 403 },
    ];
  },
  listAllocations: (fx): Case[] => [
    { name: "one initiative's", as: "viewer", query: { initiativeId: fx.ids.toAllocate }, status: 200 },
    { name: "a pool in a quarter", as: "viewer", query: { poolId: fx.ids.pool, quarter: quarterAhead(1), page: "2" }, status: 200 },
    { name: "page zero", as: "viewer", query: { page: "0" }, status: 400 },
    { name: "not a quarter", as: "viewer", query: { quarter: "Q1" }, status: 400 },
  ],
  createAllocation: (fx) => {
    const body = { initiativeId: fx.ids.toAllocate, poolId: fx.ids.pool, quarter: quarterAhead(2), competence: "arkitekt", hours: 80 };
    return [
      { name: "allocated", as: "dig", body, status: 201 },
      { name: "the cell is taken", as: "dig", body: { ...body, hours: 40 }, status: 409 },
      { name: "a finished initiative", as: "dig", body: { ...body, initiativeId: fx.ids.done }, status: 409 },
      { name: "part of an hour", as: "dig", body: { ...body, competence: "", hours: 1.5 }, status: 400 },
      { name: "an unknown pool", as: "dig", body: { ...body, poolId: MISSING }, status: 400 },
      { name: "outside the window", as: "dig", body: { ...body, quarter: quarterAhead(40) }, status: 400 },
      { name: "a viewer may not", as: "viewer", body: { ...body, competence: "" }, status: 403 },
    ];
  },
  updateAllocation: async (fx) => {
    const id = fx.ids.allocation;
    const version = await fx.allocationVersion(id);
    return [
      { name: "more hours", as: "dig", params: { id }, body: { hours: 160, version }, status: 200 },
      { name: "a stale version", as: "dig", params: { id }, body: { hours: 200, version }, status: 409 },
      { name: "no hours", as: "dig", params: { id }, body: { hours: 0, version: version + 1 }, status: 400 },
      { name: "unknown id", as: "dig", params: { id: MISSING }, body: { hours: 10, version: 1 }, status: 404 },
      { name: "a viewer may not", as: "viewer", params: { id }, body: { hours: 10, version: version + 1 }, status: 403 },
    ];
  },
  deleteAllocation: async (fx) => {
    const id = fx.ids.allocation;
    const version = await fx.allocationVersion(id);
    return [
      { name: "a stale version", as: "dig", params: { id }, query: { version: String(version - 1) }, status: 409 },
      { name: "no version", as: "dig", params: { id }, status: 400 },
      { name: "a version of 2^31", as: "dig", params: { id }, query: { version: String(2 ** 31) }, status: 400 },
      { name: "a viewer may not", as: "viewer", params: { id }, query: { version: String(version) }, status: 403 },
      { name: "removed", as: "dig", params: { id }, query: { version: String(version) }, status: 200 },
      { name: "already gone", as: "dig", params: { id }, query: { version: String(version) }, status: 404 },
    ];
  },
  resourceDemand: (): Case[] => [
    { name: "the defaults", as: "viewer", status: 200 },
    { name: "a window and N", as: "viewer", query: { from: quarterAhead(-1), quarters: "4", n: "2" }, status: 200 },
    { name: "too many quarters", as: "viewer", query: { quarters: "13" }, status: 400 },
    { name: "not a quarter", as: "viewer", query: { from: "2026-Q5" }, status: 400 },
  ],
  getResourceSettings: () => [
    { name: "the settings", as: "viewer", status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  updateResourceSettings: async () => {
    const current = await resourceSettings();
    return [
      { name: "leadership saves them", as: "leadership", body: { ...current, defaultWipLimit: current.defaultWipLimit + 1 }, status: 200 },
      { name: "no hours per person", as: "leadership", body: { ...current, hoursPerFte: 0 }, status: 400 },
      { name: "a field missing", as: "leadership", body: { defaultWipLimit: 3 }, status: 400 },
      { name: "a viewer may not", as: "viewer", body: current, status: 403 },
    ];
  },
  importInitiatives: async (fx) => {
    const department = (await fx.prisma.department.findUniqueOrThrow({ where: { id: fx.ids.department } })).name;
    // Dry runs only, so nothing is written that other cases could see.
    const valid = () => csvUpload("lista.csv", `Kontrakt: importerat;${department}`);
    return [
      { name: "a dry run", as: "dig", query: { dryRun: "true" }, form: valid(), status: 200 },
      { name: "not a spreadsheet", as: "dig", query: { dryRun: "true" }, form: csvUpload("lista.pdf", `Kontrakt: fel filtyp;${department}`), status: 400 },
      { name: "not multipart", as: "dig", query: { dryRun: "true" }, body: { file: "x" }, status: 415 },
      { name: "no file part", as: "dig", query: { dryRun: "true" }, form: new FormData(), status: 400 },
      { name: "dryRun neither true nor false", as: "dig", query: { dryRun: "maybe" }, form: valid(), status: 400 },
      { name: "a viewer may not", as: "viewer", query: { dryRun: "true" }, form: valid(), status: 403 },
      { name: "leadership may not", as: "leadership", form: valid(), status: 403 },
    ];
  },
  importTemplate: (): Case[] => [
    // lang is given: without it the route reads the locale cookie, which needs a Next.js request scope.
    { name: "CSV", as: "dig", query: { format: "csv", lang: "sv" }, status: 200 },
    { name: "Excel", query: { format: "xlsx", lang: "en" }, status: 200 },
    { name: "unknown format", as: "dig", query: { format: "pdf", lang: "sv" }, status: 400 },
    { name: "a viewer may not", as: "viewer", query: { format: "csv", lang: "sv" }, status: 403 },
  ],
  exportFull: (): Case[] => [
    { name: "everything", status: 200 },
    { name: "DIG may not", as: "dig", status: 403 },
    { name: "a viewer may not", as: "viewer", status: 403 },
  ],
  listUsers: (): Case[] => [
    { name: "a page, searched and filtered", query: { q: "demo", role: "DEPARTMENT_MANAGER", active: "true", page: "1" }, status: 200 },
    { name: "an unknown role", query: { role: "KING" }, status: 400 },
    { name: "leadership may not", as: "leadership", status: 403 },
  ],
  createUser: (fx) => [
    { name: "a department manager", body: { email: "Kontrakt.Ny@Demo.Kommun.se", name: "Kontrakt Ny", role: "DEPARTMENT_MANAGER", departmentId: fx.ids.department, locale: "sv" }, status: 201 },
    { name: "the e-mail is taken, whatever the case", body: { email: "CHEF@demo.kommun.se", name: "Kontrakt Dubblett", role: "VIEWER" }, status: 409 },
    { name: "an unknown department", body: { email: "kontrakt.okand@demo.kommun.se", name: "Kontrakt Okänd", role: "VIEWER", departmentId: MISSING }, status: 400 },
    { name: "a password hash is not an input", body: { email: "kontrakt.hash@demo.kommun.se", name: "Kontrakt Hash", role: "VIEWER", passwordHash: "$2b$10$x" }, status: 400 },
    { name: "an admin READ token", as: "adminRead", body: { email: "kontrakt.read@demo.kommun.se", name: "Kontrakt Läs", role: "VIEWER" }, status: 403 },
    { name: "DIG may not", as: "dig", body: { email: "kontrakt.dig@demo.kommun.se", name: "Kontrakt DIG", role: "VIEWER" }, status: 403 },
  ],
  getUser: (fx) => [
    { name: "one person", params: { id: fx.ids.person }, status: 200 },
    { name: "unknown id", params: { id: MISSING }, status: 404 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.person }, status: 403 },
  ],
  updateUser: async (fx) => {
    const version = (await fx.prisma.user.findUniqueOrThrow({ where: { id: fx.ids.person } })).version;
    const admin = await fx.prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.kommun.se" } });
    return [
      { name: "a new role and department", params: { id: fx.ids.person }, body: { role: "DEPARTMENT_MANAGER", departmentId: fx.ids.department, version }, status: 200 },
      { name: "a stale version", params: { id: fx.ids.person }, body: { name: "Kontrakt Gammal", version }, status: 409 },
      { name: "the last admin demoted", params: { id: admin.id }, body: { role: "VIEWER", version: admin.version }, status: 409 },
      { name: "an unknown role", params: { id: fx.ids.person }, body: { role: "KING", version: version + 1 }, status: 400 },
      { name: "unknown id", params: { id: MISSING }, body: { name: "Ingen", version: 1 }, status: 404 },
    ];
  },
  issuePasswordLink: (fx) => [
    { name: "an invitation", params: { id: fx.ids.person }, status: 201 },
    { name: "unknown id", params: { id: MISSING }, status: 404 },
    { name: "leadership may not", as: "leadership", params: { id: fx.ids.person }, status: 403 },
  ],
  listDepartments: () => [
    { name: "all units", as: "viewer", status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  createDepartment: () => [
    { name: "a company under a group", body: { name: "Kontrakt Energi AB", shortName: "KENERGI", kind: "COMPANY", parentId: null }, status: 201 },
    { name: "the code is taken, whatever the case", body: { name: "Kontrakt Annan", shortName: "kenergi", kind: "DEPARTMENT" }, status: 409 },
    { name: "an unknown kind", body: { name: "Kontrakt Verk", shortName: "KVERK", kind: "AGENCY" }, status: 400 },
    { name: "DIG may not", as: "dig", body: { name: "Kontrakt DIG", shortName: "KDIG", kind: "DEPARTMENT" }, status: 403 },
  ],
  getDepartment: (fx) => [
    { name: "one unit with its usage", as: "viewer", params: { id: fx.ids.department }, status: 200 },
    { name: "unknown id", as: "viewer", params: { id: MISSING }, status: 404 },
  ],
  updateDepartment: async (fx) => {
    const version = (await fx.prisma.department.findUniqueOrThrow({ where: { id: fx.ids.unit } })).version;
    return [
      { name: "renamed and deactivated", params: { id: fx.ids.unit }, body: { name: "Kontrakt: omdöpt enhet", active: false, version }, status: 200 },
      { name: "a stale version", params: { id: fx.ids.unit }, body: { name: "Kontrakt: gammal", version }, status: 409 },
      { name: "under itself", params: { id: fx.ids.unit }, body: { parentId: fx.ids.unit, version: version + 1 }, status: 400 },
      { name: "unknown id", params: { id: MISSING }, body: { name: "Ingen", version: 1 }, status: 404 },
      { name: "leadership may not", as: "leadership", params: { id: fx.ids.unit }, body: { name: "Kontrakt: ledning", version: version + 1 }, status: 403 },
    ];
  },
  deleteDepartment: (fx) => [
    { name: "a unit nothing uses", params: { id: fx.ids.unusedUnit }, status: 200 },
    { name: "a unit with initiatives", params: { id: fx.ids.department }, status: 409 },
    { name: "unknown id", params: { id: MISSING }, status: 404 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.department }, status: 403 },
  ],
  listGoals: () => [
    { name: "every goal", as: "viewer", status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  createGoal: () => [
    { name: "leadership adds a goal of the next mandate", as: "leadership", body: { code: "K1", title: "Kontrakt: ett mål för nästa mandat", description: "", weight: 3, validFrom: 2027, validTo: 2030 }, status: 201 },
    { name: "the code is taken", as: "leadership", body: { code: "k1", title: "Kontrakt: dubblett", weight: 3 }, status: 409 },
    { name: "a weight out of range", as: "leadership", body: { code: "K2", title: "Kontrakt: för tungt", weight: 9 }, status: 400 },
    { name: "DIG may not", as: "dig", body: { code: "K3", title: "Kontrakt: från DIG", weight: 1 }, status: 403 },
  ],
  updateGoal: async (fx) => {
    const version = (await fx.prisma.strategicGoal.findUniqueOrThrow({ where: { id: fx.ids.goal } })).version;
    return [
      { name: "a new weight and period", as: "leadership", params: { id: fx.ids.goal }, body: { weight: 2, validFrom: 2026, validTo: 2030, version }, status: 200 },
      { name: "a stale version", as: "leadership", params: { id: fx.ids.goal }, body: { weight: 4, version }, status: 409 },
      { name: "a reversed period", as: "leadership", params: { id: fx.ids.goal }, body: { validFrom: 2030, validTo: 2026, version: version + 1 }, status: 400 },
      { name: "unknown id", as: "leadership", params: { id: MISSING }, body: { weight: 1, version: 1 }, status: 404 },
    ];
  },
  deleteGoal: (fx) => [
    { name: "a goal nothing is linked to", params: { id: fx.ids.unusedGoal }, status: 200 },
    { name: "a goal in use", params: { id: fx.ids.goal }, status: 409 },
    { name: "unknown id", params: { id: MISSING }, status: 404 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.goal }, status: 403 },
  ],
  createPool: (fx) => [
    { name: "a local pool", as: "dig", body: { name: "Kontrakt: lokal pool", kind: "LOCAL", departmentId: fx.ids.department, wipLimit: 2 }, status: 201 },
    { name: "the name is taken", as: "dig", body: { name: "KONTRAKT: LOKAL POOL", kind: "DIG" }, status: 409 },
    { name: "a local pool without a department", as: "dig", body: { name: "Kontrakt: utan förvaltning", kind: "LOCAL" }, status: 400 },
    { name: "leadership may not", as: "leadership", body: { name: "Kontrakt: ledningens", kind: "DIG" }, status: 403 },
  ],
  listAuditEvents: (): Case[] => [
    { name: "a page, filtered", as: "leadership", query: { action: "initiative.create", pageSize: "5" }, status: 200 },
    { name: "a reversed period", as: "leadership", query: { from: "2026-12-31", to: "2026-01-01" }, status: 400 },
    { name: "DIG may not", as: "dig", status: 403 },
  ],
  exportAuditEvents: (): Case[] => [
    { name: "CSV of the filter", as: "leadership", query: { entityType: "Initiative" }, status: 200 },
    { name: "a date that does not exist", as: "leadership", query: { from: "2026-02-30" }, status: 400 },
    { name: "a viewer may not", as: "viewer", status: 403 },
  ],
  listSsoMappings: () => [
    { name: "the mappings", status: 200 },
    { name: "leadership may not", as: "leadership", status: 403 },
  ],
  createSsoMapping: (fx) => [
    { name: "a group to department managers", body: { claimValue: "kontrakt-grupp-ny", description: "Kontrakt", role: "DEPARTMENT_MANAGER", departmentId: fx.ids.department }, status: 201 },
    { name: "the value is taken", body: { claimValue: "kontrakt-grupp-ny", role: "VIEWER" }, status: 409 },
    { name: "a manager without a department", body: { claimValue: "kontrakt-grupp-utan", role: "DEPARTMENT_MANAGER" }, status: 400 },
    { name: "an admin READ token", as: "adminRead", body: { claimValue: "kontrakt-grupp-las", role: "VIEWER" }, status: 403 },
  ],
  updateSsoMapping: async (fx) => {
    const version = (await fx.prisma.ssoGroupMapping.findUniqueOrThrow({ where: { id: fx.ids.mapping } })).version;
    return [
      { name: "to DIG", params: { id: fx.ids.mapping }, body: { role: "DIG", departmentId: null, version }, status: 200 },
      { name: "a stale version", params: { id: fx.ids.mapping }, body: { role: "VIEWER", version }, status: 409 },
      { name: "unknown id", params: { id: MISSING }, body: { role: "VIEWER", version: 1 }, status: 404 },
    ];
  },
  deleteSsoMapping: (fx) => [
    { name: "removed", params: { id: fx.ids.mappingToDelete }, status: 200 },
    { name: "unknown id", params: { id: MISSING }, status: 404 },
    { name: "DIG may not", as: "dig", params: { id: fx.ids.mapping }, status: 403 },
  ],
  getSsoSettings: () => [
    { name: "the setting", status: 200 },
    { name: "a viewer may not", as: "viewer", status: 403 },
  ],
  updateSsoSettings: () => [
    { name: "refuse the unmapped", body: { unmapped: "REFUSE" }, status: 200 },
    { name: "an unknown choice", body: { unmapped: "ADMIN" }, status: 400 },
    { name: "leadership may not", as: "leadership", body: { unmapped: "VIEWER" }, status: 403 },
  ],
  getBenefitPlan: (fx) => [
    { name: "a delivered initiative's plan", as: "viewer", params: { id: fx.ids.done }, status: 200 },
    { name: "unknown id", as: "viewer", params: { id: MISSING }, status: 404 },
  ],
  createBenefit: (fx) => [
    { name: "a benefit with its plan", as: "dig", params: { id: fx.ids.toPlan }, body: { category: "REALLOCATION", description: "Kontrakt: frigjord tid", certainty: "YELLOW", unit: "timmar", baseline: 100, baselineDate: "2026-01-15", target: 40, targetDate: "2027-12-31", annualHours: 300 }, status: 201 },
    { name: "a baseline that is not a number", as: "dig", params: { id: fx.ids.toPlan }, body: { category: "QUALITY", description: "Kontrakt: fel", certainty: "RED", baseline: "mycket" }, status: 400 },
    { name: "2^31 hours a year", as: "dig", params: { id: fx.ids.toPlan }, body: { category: "QUALITY", description: "Kontrakt: för mycket", certainty: "RED", annualHours: 2 ** 31 }, status: 400 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.toPlan }, body: { category: "QUALITY", description: "Kontrakt: läsare", certainty: "RED" }, status: 403 },
    { name: "unknown initiative", as: "dig", params: { id: MISSING }, body: { category: "QUALITY", description: "Kontrakt: ingen", certainty: "RED" }, status: 404 },
  ],
  setNoBenefitReason: async (fx) => {
    const version = await fx.version(fx.ids.toPlan);
    return [
      { name: "a reason", as: "leadership", params: { id: fx.ids.toPlan }, body: { reason: "Kontrakt: ett lagkrav", version }, status: 200 },
      { name: "a stale version", as: "leadership", params: { id: fx.ids.toPlan }, body: { reason: "Kontrakt: igen", version }, status: 409 },
      { name: "a READ token", as: "adminRead", params: { id: fx.ids.toPlan }, body: { reason: null, version: version + 1 }, status: 403 },
    ];
  },
  updateBenefit: async (fx) => {
    const version = (await fx.prisma.benefitIndicator.findUniqueOrThrow({ where: { id: fx.ids.benefit } })).version;
    return [
      { name: "a new target", as: "dig", params: { id: fx.ids.benefit }, body: { target: 3, targetDate: "2027-06-30", version }, status: 200 },
      { name: "a stale version", as: "dig", params: { id: fx.ids.benefit }, body: { target: 2, version }, status: 409 },
      { name: "an unknown owner", as: "dig", params: { id: fx.ids.benefit }, body: { ownerId: MISSING, version: version + 1 }, status: 400 },
      { name: "unknown id", as: "dig", params: { id: MISSING }, body: { target: 1, version: 1 }, status: 404 },
    ];
  },
  deleteBenefit: (fx) => [
    { name: "one without measurements", as: "dig", params: { id: fx.ids.benefitToDelete }, status: 200 },
    { name: "unknown id", as: "dig", params: { id: MISSING }, status: 404 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.benefit }, status: 403 },
  ],
  recordMeasurement: (fx) => [
    { name: "a value", as: "dig", params: { id: fx.ids.benefit }, body: { measuredAt: inDays(-1), value: 9.5, source: "Kontraktstestet" }, status: 201 },
    { name: "dated in the future", as: "dig", params: { id: fx.ids.benefit }, body: { measuredAt: inDays(5), value: 9 }, status: 400 },
    { name: "not a number", as: "dig", params: { id: fx.ids.benefit }, body: { measuredAt: inDays(-1), value: "nio" }, status: 400 },
    { name: "leadership may not (not the owner)", as: "leadership", params: { id: fx.ids.benefit }, body: { measuredAt: inDays(-1), value: 9 }, status: 403 },
    { name: "unknown benefit", as: "dig", params: { id: MISSING }, body: { measuredAt: inDays(-1), value: 9 }, status: 404 },
  ],
  listFollowUps: (): Case[] => [
    { name: "everyone's overdue", as: "dig", query: { scope: "all", state: "overdue" }, status: 200 },
    { name: "a page of two", as: "dig", query: { scope: "all", state: "open", page: "2", pageSize: "2" }, status: 200 },
    { name: "a page too large", as: "dig", query: { scope: "all", pageSize: "100000" }, status: 400 },
    { name: "an unknown scope", as: "dig", query: { scope: "everyone" }, status: 400 },
    { name: "a viewer may not read everyone's", as: "viewer", query: { scope: "all" }, status: 403 },
  ],
  completeFollowUp: async (fx) => {
    const version = (await fx.prisma.followUp.findUniqueOrThrow({ where: { id: fx.ids.followUp } })).version;
    return [
      { name: "answered with a measurement", as: "dig", params: { id: fx.ids.followUp }, body: { assessment: "PARTLY", comment: "Kontrakt", version, measurement: { measuredAt: inDays(-1), value: 12 } }, status: 200 },
      { name: "already answered", as: "dig", params: { id: fx.ids.followUp }, body: { assessment: "REALISED", version: version + 1 }, status: 409 },
      { name: "an unknown assessment", as: "dig", params: { id: fx.ids.followUp }, body: { assessment: "MAYBE", version }, status: 400 },
      { name: "a viewer may not", as: "viewer", params: { id: fx.ids.followUp }, body: { assessment: "REALISED", version }, status: 403 },
      { name: "unknown id", as: "dig", params: { id: MISSING }, body: { assessment: "REALISED", version: 1 }, status: 404 },
    ];
  },
  postponeFollowUp: async (fx) => {
    const f = await fx.prisma.followUp.findUniqueOrThrow({ where: { id: fx.ids.followUpToPostpone } });
    const later = new Date(f.dueAt.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
    return [
      { name: "postponed with a reason", as: "dig", params: { id: f.id }, body: { until: later, reason: "Kontrakt: systembyte", version: f.version }, status: 200 },
      { name: "a second time", as: "dig", params: { id: f.id }, body: { until: later, reason: "Kontrakt: igen", version: f.version + 1 }, status: 409 },
      { name: "no reason", as: "dig", params: { id: f.id }, body: { until: later, reason: "", version: f.version + 1 }, status: 400 },
    ];
  },
  benefitRealisation: (): Case[] => [
    { name: "per department", as: "viewer", query: { groupBy: "department" }, status: 200 },
    { name: "per year of delivery", as: "viewer", query: { groupBy: "year" }, status: 200 },
    { name: "an unknown grouping", as: "viewer", query: { groupBy: "colour" }, status: 400 },
  ],
  exportBenefitRealisation: (): Case[] => [
    { name: "CSV", as: "viewer", query: { format: "csv", groupBy: "quadrant", lang: "sv" }, status: 200 },
    { name: "Excel", as: "viewer", query: { format: "xlsx", lang: "en" }, status: 200 },
    { name: "an unknown format", as: "viewer", query: { format: "pdf", lang: "sv" }, status: 400 },
  ],
  getBenefitSettings: () => [
    { name: "the settings", as: "viewer", status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  updateBenefitSettings: () => [
    { name: "DIG sets them", as: "dig", body: { followUpMonths: [6, 12, 24], overdueAfterDays: 30 }, status: 200 },
    { name: "the same month twice", as: "dig", body: { followUpMonths: [6, 6], overdueAfterDays: 30 }, status: 400 },
    { name: "leadership may not", as: "leadership", body: { followUpMonths: [6], overdueAfterDays: 30 }, status: 403 },
  ],
  listScenarios: () => [
    { name: "everyone reads", as: "viewer", status: 200 },
    { name: "no credential", as: "none", status: 401 },
  ],
  createScenario: (fx) => [
    { name: "more capacity from a quarter on", as: "leadership", body: { name: "Kontrakt: mer kapacitet", changes: { capacity: [{ poolId: fx.ids.pool, from: quarterAhead(2), to: null, hoursPerQuarter: 400 }] } }, status: 201 },
    { name: "an unknown pool", as: "leadership", body: { name: "Kontrakt: fel pool", changes: { capacity: [{ poolId: MISSING, from: quarterAhead(2), hoursPerQuarter: 400 }] } }, status: 400 },
    { name: "a tolerance over 50 %", as: "dig", body: { name: "Kontrakt: för vid", changes: { balanceTolerancePercent: 60 } }, status: 400 },
    { name: "a viewer may not", as: "viewer", body: { name: "Kontrakt: läsare" }, status: 403 },
  ],
  compareScenarios: (fx): Case[] => [
    { name: "two beside the live portfolio", as: "viewer", query: { ids: `${fx.ids.scenario},${fx.ids.scenarioToDelete}` }, status: 200 },
    { name: "five", as: "viewer", query: { ids: "a,b,c,d,e" }, status: 400 },
    { name: "an unknown id", as: "viewer", query: { ids: `${fx.ids.scenario},${MISSING}` }, status: 400 },
  ],
  getScenario: (fx) => [
    { name: "with its plan", as: "viewer", params: { id: fx.ids.scenario }, status: 200 },
    { name: "unknown id", as: "viewer", params: { id: MISSING }, status: 404 },
  ],
  updateScenario: async (fx) => {
    const version = (await fx.prisma.scenario.findUniqueOrThrow({ where: { id: fx.ids.scenario } })).version;
    return [
      { name: "a wider tolerance", as: "dig", params: { id: fx.ids.scenario }, body: { description: "Kontrakt: ändrad", changes: { horizon: { from: quarterAhead(1), quarters: 8 }, balanceTolerancePercent: 20 }, version }, status: 200 },
      { name: "a stale version", as: "leadership", params: { id: fx.ids.scenario }, body: { name: "Kontrakt: gammal", version }, status: 409 },
      { name: "negative capacity", as: "leadership", params: { id: fx.ids.scenario }, body: { changes: { horizon: { from: quarterAhead(1), quarters: 8 }, capacity: [{ poolId: fx.ids.pool, from: quarterAhead(1), hoursPerQuarter: -1_000_000 }] }, version: version + 1 }, status: 400 },
      { name: "a READ token", as: "adminRead", params: { id: fx.ids.scenario }, body: { name: "Kontrakt: läst", version: version + 1 }, status: 403 },
      { name: "unknown id", as: "leadership", params: { id: MISSING }, body: { name: "Ingen", version: 1 }, status: 404 },
    ];
  },
  deleteScenario: (fx) => [
    { name: "removed", as: "leadership", params: { id: fx.ids.scenarioToDelete }, status: 200 },
    { name: "unknown id", as: "leadership", params: { id: MISSING }, status: 404 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.scenario }, status: 403 },
  ],
  optimiseScenario: (fx) => [
    { name: "started", as: "leadership", params: { id: fx.ids.scenario }, body: { timeLimitSeconds: 2 }, status: 202 },
    { name: "while it runs", as: "dig", params: { id: fx.ids.scenario }, body: { timeLimitSeconds: 2 }, status: 409 },
    { name: "a time limit of zero", as: "leadership", params: { id: fx.ids.scenario }, body: { timeLimitSeconds: 0 }, status: 400 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.scenario }, body: {}, status: 403 },
    { name: "unknown scenario", as: "leadership", params: { id: MISSING }, body: {}, status: 404 },
  ],
  getOptimiserRun: async (fx) => {
    // The run started above, once it has ended (so its result is checked against the document too).
    const run = await fx.prisma.optimiserRun.findFirstOrThrow({ where: { scenarioId: fx.ids.scenario }, orderBy: { startedAt: "desc" } });
    for (let i = 0; i < 600 && (await fx.prisma.optimiserRun.findUniqueOrThrow({ where: { id: run.id } })).status === "RUNNING"; i++) await new Promise((r) => setTimeout(r, 100));
    return [
      { name: "the run with its result", as: "viewer", params: { id: fx.ids.scenario, runId: run.id }, status: 200 },
      { name: "another scenario's run", as: "viewer", params: { id: fx.ids.scenarioToAdopt, runId: run.id }, status: 404 },
    ];
  },
  addScenarioToAgenda: (fx) => [
    { name: "leadership puts it on the agenda", as: "leadership", params: { id: fx.ids.scenarioMeeting }, body: { scenarioId: fx.ids.scenarioToAdopt }, status: 201 },
    { name: "already there", as: "leadership", params: { id: fx.ids.scenarioMeeting }, body: { scenarioId: fx.ids.scenarioToAdopt }, status: 409 },
    { name: "an unknown scenario", as: "leadership", params: { id: fx.ids.scenarioMeeting }, body: { scenarioId: MISSING }, status: 400 },
    { name: "DIG may not", as: "dig", params: { id: fx.ids.scenarioMeeting }, body: { scenarioId: fx.ids.scenario }, status: 403 },
  ],
  adoptScenario: (fx) => [
    { name: "a scenario not on the agenda", as: "leadership", params: { id: fx.ids.scenarioMeeting, scenarioId: fx.ids.scenario }, body: { rationale: "Kontrakt: nej", version: 1 }, status: 400 },
    { name: "no rationale", as: "leadership", params: { id: fx.ids.scenarioMeeting, scenarioId: fx.ids.scenarioToAdopt }, body: { rationale: "", version: 1 }, status: 400 },
    { name: "a viewer may not", as: "viewer", params: { id: fx.ids.scenarioMeeting, scenarioId: fx.ids.scenarioToAdopt }, body: { rationale: "Kontrakt: läsare", version: 1 }, status: 403 },
    { name: "adopted", as: "leadership", params: { id: fx.ids.scenarioMeeting, scenarioId: fx.ids.scenarioToAdopt }, body: { rationale: "Kontrakt: antaget", version: 1 }, status: 201 },
    { name: "a second time", as: "leadership", params: { id: fx.ids.scenarioMeeting, scenarioId: fx.ids.scenarioToAdopt }, body: { rationale: "Kontrakt: igen", version: 1 }, status: 409 },
  ],
  restoreFull: async (fx) => {
    // This database's own export: valid in every field, refused only because the database is not empty.
    const own = await exportAll(fx.admin);
    return [
      { name: "into a database that is not empty", body: own, status: 409 },
      { name: "not an export", body: { format: "something-else" }, status: 400 },
      { name: "malformed JSON", raw: { body: "{ nope", contentType: "application/json" }, status: 400 },
      { name: "not JSON", raw: { body: "x", contentType: "text/plain" }, status: 415 },
      { name: "DIG may not", as: "dig", body: own, status: 403 },
    ];
  },
};

export type JsonSchema = Record<string, unknown>;
export type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>; requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> } };
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

export const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };
export const operations = new Map<string, { path: string; method: string; op: Operation }>();
for (const [route, item] of Object.entries(doc.paths)) for (const method of METHODS) if (item[method]) operations.set(item[method].operationId, { path: route, method: method.toUpperCase(), op: item[method] });

// The document's $refs point at #/components/schemas/X; as JSON Schema 2020-12 they become #/$defs/X.
const toDefs = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(toDefs)
  : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/components/schemas/", "#/$defs/") : toDefs(v)]))
  : value;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("binary", true);
const defs = toDefs(doc.components.schemas) as Record<string, JsonSchema>;
/** A validator of a documented schema (its $refs resolved against the document's components). */
const compiled = new WeakMap<JsonSchema, ReturnType<typeof ajv.compile>>();
export const validator = (schema: JsonSchema) => {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = ajv.compile({ ...(toDefs(schema) as JsonSchema), $defs: defs })));
  return check;
};

/** The route module that serves a documented path: /api/v1/a/{id}/b → app/api/v1/a/[id]/b/route.ts. */
export async function handlerFor(route: string, method: string) {
  const file = path.resolve("app" + route.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>;
  const handler = mod[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  return handler;
}

/** The seeded demo municipality with the objects the cases need, and a secret per token name. */
export async function buildFixture(prisma: PrismaClient): Promise<{ fx: Fixture; secrets: Partial<Record<TokenName, string>> }> {
  await seedDemo(prisma);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.kommun.se" } });
  const admin: Actor = { id: user.id, role: user.role, departmentId: user.departmentId, name: user.name };
  const secrets: Partial<Record<TokenName, string>> = { unknown: "pf_" + "Z".repeat(43) };
  for (const [name, [role, scopes]] of Object.entries(TOKENS)) secrets[name as TokenName] = (await createToken(admin, { name: `Kontrakt ${name}`, role, scopes, expiresAt: inDays(30) })).secret;

  const department = (await prisma.department.findFirstOrThrow({ where: { kind: "DEPARTMENT" }, orderBy: { name: "asc" } })).id;
  const submitted = (await prisma.initiative.findMany({ where: { status: "SUBMITTED" }, orderBy: { number: "asc" }, select: { id: true } })).map((i) => i.id);
  // The fast lane needs what the classifier calls small business development within the delegation limit.
  const queue = await triageQueue(admin);
  const limit = (await triageSettings()).delegationLimitSek;
  const cost = new Map((await prisma.initiative.findMany({ where: { status: "SUBMITTED" }, select: { id: true, estimatedCostSek: true } })).map((i) => [i.id, i.estimatedCostSek]));
  const fastLane = queue.find((q) => q.suggestion.track.value === "FAST_LANE" && q.suggestion.kind.value === "BUSINESS_DEVELOPMENT" && q.suggestion.size.value === "SMALL" && (cost.get(q.id) ?? Infinity) <= limit);
  const notFastLane = queue.find((q) => q.suggestion.track.value !== "FAST_LANE");
  // Initiatives as triage leaves them, of this test's own (the demo data's may change under other cases).
  let triagedAt = Date.now() - 60_000;
  const initiative = async (title: string, status: InitiativeStatus) => {
    const i = await prisma.initiative.create({
      data: { title, need: "Ett behov.", ownerDepartmentId: department, status, benefitRecipient: "EXTERNAL", nature: "INNOVATION", estimatedCostSek: 400_000, estimatedEffortHours: 600 },
    });
    await prisma.triageAssessment.create({
      data: { initiativeId: i.id, kind: "BUSINESS_DEVELOPMENT", size: "LARGE", track: "PORTFOLIO", quadrant: "EXTERNAL_INNOVATION", completeness: 80, createdAt: new Date((triagedAt += 1000)) },
    });
    return i.id;
  };
  const toDecide = await initiative("Kontrakt: att besluta", "TRIAGED");
  const staleOnAgenda = await initiative("Kontrakt: på dagordningen", "TRIAGED");
  const toAdd = await initiative("Kontrakt: pågående", "IN_PROGRESS");
  const closedMeeting = (await createMeeting(admin, meetingInput("Kontrakt: stängt möte"))).id;
  await closeMeeting(admin, closedMeeting);
  const meetingToClose = (await createMeeting(admin, meetingInput("Kontrakt: att stänga"))).id;
  const meeting = (await createMeeting(admin, meetingInput("Kontrakt: planerat möte"))).id;
  const toMove = await initiative("Kontrakt: att flytta", "IN_PROGRESS");
  // Triaged after the meetings were created: what refreshAgenda adds.
  await initiative("Kontrakt: sent triagerad", "TRIAGED");
  // Programs, delivery steps and resources: initiatives of this test's own, APPROVED (not TRIAGED, which refreshAgenda would pick up).
  const program = (await createProgram(admin, programInput("Kontrakt: program"))).id;
  const otherProgram = (await createProgram(admin, programInput("Kontrakt: annat program"))).id;
  const inOtherProgram = await initiative("Kontrakt: i annat program", "APPROVED");
  await addProgramInitiatives(admin, otherProgram, { initiativeIds: [inOtherProgram] });
  const joiner = await initiative("Kontrakt: ansluter till program", "APPROVED");
  const toPlan = await initiative("Kontrakt: att planera", "APPROVED");
  const toProgress = await initiative("Kontrakt: att starta", "APPROVED");
  const done = await initiative("Kontrakt: klart", "DONE");
  const toAllocate = await initiative("Kontrakt: att bemanna", "APPROVED");
  const pool = (await prisma.resourcePool.findFirstOrThrow({ where: { kind: "DIG" } })).id;
  const allocation = (await createAllocation(admin, { initiativeId: toAllocate, poolId: pool, quarter: quarterAhead(1), competence: "utvecklare", hours: 120 })).allocation.id;
  const person = (await prisma.user.create({ data: { email: "kontrakt.person@demo.kommun.se", name: "Kontrakt Person", role: "VIEWER" } })).id;
  const unit = (await prisma.department.create({ data: { name: "Kontrakt: enhet", shortName: "KENH" } })).id;
  const unusedUnit = (await prisma.department.create({ data: { name: "Kontrakt: oanvänd enhet", shortName: "KOANV" } })).id;
  const goal = (await prisma.strategicGoal.findFirstOrThrow({ where: { initiatives: { some: {} } }, orderBy: { code: "asc" } })).id;
  const unusedGoal = (await prisma.strategicGoal.create({ data: { code: "KOANV", title: "Kontrakt: oanvänt mål", description: "" } })).id;
  const mapping = (await prisma.ssoGroupMapping.create({ data: { claimValue: "kontrakt-grupp", role: "VIEWER" } })).id;
  const mappingToDelete = (await prisma.ssoGroupMapping.create({ data: { claimValue: "kontrakt-grupp-bort", role: "VIEWER" } })).id;
  // A delivered initiative of the demo with its follow-ups: its first benefit, and two open follow-ups.
  const delivered = await prisma.followUp.findFirstOrThrow({ where: { completedAt: null }, orderBy: { dueAt: "asc" }, select: { indicatorId: true } });
  const openFollowUps = await prisma.followUp.findMany({ where: { completedAt: null, indicatorId: delivered.indicatorId }, orderBy: { offsetMonths: "asc" }, select: { id: true } });
  const benefitToDelete = (await prisma.benefitIndicator.create({ data: { initiativeId: toPlan, category: "QUALITY", description: "Kontrakt: att ta bort", certainty: "RED" } })).id;
  const scenario = (await createScenario(admin, { name: "Kontrakt: scenario" })).id;
  const scenarioToDelete = (await createScenario(admin, { name: "Kontrakt: att ta bort" })).id;
  const scenarioToAdopt = (await createScenario(admin, { name: "Kontrakt: att anta" })).id;
  const scenarioMeeting = (await createMeeting(admin, meetingInput("Kontrakt: scenariomöte"))).id;
  const draftToSubmit = await createInitiative(admin, { title: "Kontrakt: att skicka in", ownerDepartmentId: department, need: "Ett behov som är tillräckligt beskrivet.", benefitRecipient: "EXTERNAL", nature: "INNOVATION" });
  const fx: Fixture = {
    prisma,
    admin,
    ids: {
      department,
      submitted: submitted.filter((id) => id !== fastLane?.id && id !== notFastLane?.id),
      fastLane: fastLane?.id ?? MISSING,
      notFastLane: notFastLane?.id ?? MISSING,
      draft: (await createInitiative(admin, { title: "Kontrakt: utkast", ownerDepartmentId: department })).id,
      draftToSubmit: draftToSubmit.id,
      token: (await createToken(admin, { name: "Kontrakt: att återkalla", role: "VIEWER", scopes: ["READ"], expiresAt: inDays(30) })).id,
      meeting, closedMeeting, meetingToClose, toDecide, staleOnAgenda, toAdd, toMove,
      program, otherProgram, inOtherProgram, joiner, toPlan, toProgress, done, pool, toAllocate, allocation,
      person, unit, unusedUnit, goal, unusedGoal, mapping, mappingToDelete,
      benefit: delivered.indicatorId, benefitToDelete, followUp: openFollowUps[0]!.id, followUpToPostpone: openFollowUps[1]!.id,
      scenario, scenarioToDelete, scenarioToAdopt, scenarioMeeting,
    },
    version: async (id) => (await prisma.initiative.findUniqueOrThrow({ where: { id }, select: { version: true } })).version,
    programUpdatedAt: async (id) => (await prisma.program.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } })).updatedAt.toISOString(),
    allocationVersion: async (id) => (await prisma.resourceAllocation.findUniqueOrThrow({ where: { id }, select: { version: true } })).version,
  };
  expect(fx.ids.submitted.length).toBeGreaterThanOrEqual(4);
  expect(fx.ids.fastLane).not.toBe(MISSING);
  expect(fx.ids.notFastLane).not.toBe(MISSING);
  const agenda = (await prisma.agendaItem.findMany({ where: { meetingId: meeting }, select: { initiativeId: true } })).map((a) => a.initiativeId);
  expect(agenda).toEqual(expect.arrayContaining([toDecide, staleOnAgenda]));
  expect(agenda).not.toContain(toAdd);
  expect(agenda).not.toContain(toMove);
  // So getMeeting's closed case checks a real snapshot against the document, not null.
  expect((await getMeeting(admin, closedMeeting)).snapshot).not.toBeNull();
  return { fx, secrets };
}

/** Calls an operation's route handler with a case's parameters, query and body, and these headers (credentials). */
export async function call(operationId: string, c: Omit<Case, "status" | "name" | "as">, credentials: Record<string, string>): Promise<Response> {
  const found = operations.get(operationId);
  if (!found) throw new Error(`no documented operation "${operationId}"`);
  const { path: route, method } = found;
  // A lone surrogate cannot be percent-encoded (nor sent); the handler still gets it as the parameter.
  const wellFormed = (v: string) => v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  const url = new URL("http://localhost" + route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(c.params?.[name] ?? ""))));
  for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...credentials };
  let body: string | Uint8Array<ArrayBuffer> | FormData | undefined;
  if (c.form) body = c.form;
  else if (c.raw) [body, headers["content-type"]] = [c.raw.body, c.raw.contentType];
  else if (c.body !== undefined) [body, headers["content-type"]] = [JSON.stringify(c.body), "application/json"];
  const handler = await handlerFor(route, method);
  return handler(new Request(url, { method, headers, body }), { params: Promise.resolve(c.params ?? {}) });
}
