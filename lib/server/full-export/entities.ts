// Every model of prisma/schema.prisma, in dependency order (a table comes after the tables
// it references), with the zod schema of one exported row. The shape of each schema is
// checked against the Prisma model type at compile time (a missing or extra field fails
// `tsc`), and tests/unit/full-export.test.ts fails when a model is missing here: a model
// or field added to the schema cannot be left out of the export silently.
import { z } from "zod";
import {
  ApiScope,
  BenefitCategory,
  BenefitCertainty,
  BenefitRecipient,
  DecisionType,
  FollowUpAssessment,
  InitiativeKind,
  InitiativeSize,
  InitiativeStatus,
  MeetingStatus,
  Nature,
  OptimiserRunStatus,
  OrganisationKind,
  PasswordLinkPurpose,
  PiosQuadrant,
  PoolKind,
  Prisma,
  Role,
  TriageTrack,
} from "@/lib/generated/prisma/client";
import type * as Models from "@/lib/generated/prisma/client";

type Db = Prisma.TransactionClient;

/** A model value as it travels in the document: dates as ISO strings, the rest as is. */
type Exported<V> = V extends Date ? string : V;
/** One schema per field of the model, no more, no less; the schema reads the exported form. */
type Shape<M> = { [K in keyof M]-?: z.ZodType<unknown, Exported<M[K]>> };

const str = z.string();
const strN = z.string().nullable();
const int = z.number().int();
const intN = z.number().int().nullable();
const float = z.number();
const floatN = z.number().nullable();
const bool = z.boolean();
const date = z.iso.datetime();
const dateN = z.iso.datetime().nullable();
/**
 * Levels of arrays and objects a JSON value may nest. Writing it serialises it again, and
 * JSON.stringify (and PostgreSQL's JSON parser) recurse per level: a value nested 200,000 deep
 * overflowed the stack, a 500 instead of a 400. What Portföljen stores nests a few levels.
 */
const MAX_JSON_DEPTH = 100;

/** Counted without recursion, for the same reason. */
export function nestsWithin(value: unknown, depth = MAX_JSON_DEPTH): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [v, level] = pending.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (level >= depth) return false;
    for (const child of Object.values(v)) pending.push([child, level + 1]);
  }
  return true;
}

// A JSON column holds any JSON value; a JSON null is restored as SQL NULL, which reads back the same.
const jsonN = z.custom<Prisma.JsonValue>((v) => v !== undefined, { message: "required" }).refine(nestsWithin, { message: "nestedTooDeep" });
const json = z.custom<Prisma.JsonValue>((v) => v !== undefined && v !== null, { message: "required" }).refine(nestsWithin, { message: "nestedTooDeep" });
const oneOf = <T extends Record<string, string>>(values: T) => z.enum(Object.values(values) as [T[keyof T], ...T[keyof T][]]);
const oneOfN = <T extends Record<string, string>>(values: T) => oneOf(values).nullable();

export type EntityDef = {
  /** The key under `entities` in the document. */
  key: string;
  model: Prisma.ModelName;
  primaryKey: string[];
  /** Foreign keys: field → the entity whose `id` it references. */
  references: Record<string, string>;
  /** Serial columns whose sequence must continue after the highest restored value. */
  serials?: string[];
  row: z.ZodObject;
  /** The model's fields in Prisma's order, which is the order of a row's members in the document. */
  columns: string[];
  read(db: Db): Promise<Record<string, unknown>[]>;
  count(db: Db): Promise<number>;
};

function entity<M>(def: {
  key: string;
  model: Prisma.ModelName;
  primaryKey: (keyof M & string)[];
  references?: Partial<Record<keyof M & string, string>>;
  serials?: (keyof M & string)[];
  shape: Shape<M>;
  read(db: Db): Promise<M[]>;
  count(db: Db): Promise<number>;
}): EntityDef {
  // Prisma's <Model>ScalarFieldEnum lists the fields in the order findMany returns them.
  const fieldEnum = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${def.model}ScalarFieldEnum`];
  const columns = Object.values(fieldEnum ?? {});
  const shape = Object.keys(def.shape);
  if (columns.length !== shape.length || !shape.every((field) => columns.includes(field))) {
    throw new Error(`The export's fields of ${def.model} (${shape.join(", ")}) are not Prisma's (${columns.join(", ")}).`);
  }
  return {
    key: def.key,
    model: def.model,
    primaryKey: def.primaryKey,
    references: (def.references ?? {}) as Record<string, string>,
    serials: def.serials,
    row: z.object(def.shape as z.ZodRawShape).strict(),
    columns,
    read: def.read as EntityDef["read"],
    count: def.count,
  };
}

export const ENTITIES: EntityDef[] = [
  entity<Models.Department>({
    key: "departments",
    model: "Department",
    primaryKey: ["id"],
    references: { parentId: "departments" },
    shape: { id: str, name: str, shortName: str, kind: oneOf(OrganisationKind), parentId: strN, active: bool, version: int, createdAt: date, updatedAt: date },
    read: (db) => db.department.findMany(),
    count: (db) => db.department.count(),
  }),
  entity<Models.User>({
    key: "users",
    model: "User",
    primaryKey: ["id"],
    references: { departmentId: "departments" },
    shape: {
      id: str, email: str, name: str, passwordHash: strN, role: oneOf(Role), departmentId: strN, active: bool, locale: str, ssoManaged: bool,
      version: int, sessionVersion: int, lastSignInAt: dateN, lastDigestAt: dateN, createdAt: date, updatedAt: date,
    },
    read: (db) => db.user.findMany(),
    count: (db) => db.user.count(),
  }),
  entity<Models.PasswordLink>({
    key: "passwordLinks",
    model: "PasswordLink",
    primaryKey: ["id"],
    references: { userId: "users", createdById: "users" },
    shape: { id: str, purpose: oneOf(PasswordLinkPurpose), userId: strN, secretHash: str, expiresAt: date, usedAt: dateN, createdById: strN, createdAt: date },
    read: (db) => db.passwordLink.findMany(),
    count: (db) => db.passwordLink.count(),
  }),
  entity<Models.SsoGroupMapping>({
    key: "ssoGroupMappings",
    model: "SsoGroupMapping",
    primaryKey: ["id"],
    references: { departmentId: "departments" },
    shape: { id: str, claimValue: str, description: str, role: oneOf(Role), departmentId: strN, version: int, createdAt: date, updatedAt: date },
    read: (db) => db.ssoGroupMapping.findMany(),
    count: (db) => db.ssoGroupMapping.count(),
  }),
  entity<Models.StrategicGoal>({
    key: "strategicGoals",
    model: "StrategicGoal",
    primaryKey: ["id"],
    shape: { id: str, code: str, title: str, description: str, weight: int, active: bool, validFrom: intN, validTo: intN, version: int, createdAt: date, updatedAt: date },
    read: (db) => db.strategicGoal.findMany(),
    count: (db) => db.strategicGoal.count(),
  }),
  entity<Models.Program>({
    key: "programs",
    model: "Program",
    primaryKey: ["id"],
    references: { leaderId: "users" },
    shape: { id: str, name: str, targetState: str, leaderId: strN, createdAt: date, updatedAt: date },
    read: (db) => db.program.findMany(),
    count: (db) => db.program.count(),
  }),
  entity<Models.ProgramCouncilMember>({
    key: "programCouncilMembers",
    model: "ProgramCouncilMember",
    primaryKey: ["programId", "userId"],
    references: { programId: "programs", userId: "users" },
    shape: { programId: str, userId: str },
    read: (db) => db.programCouncilMember.findMany(),
    count: (db) => db.programCouncilMember.count(),
  }),
  entity<Models.ProgramGoal>({
    key: "programGoals",
    model: "ProgramGoal",
    primaryKey: ["programId", "goalId"],
    references: { programId: "programs", goalId: "strategicGoals" },
    shape: { programId: str, goalId: str },
    read: (db) => db.programGoal.findMany(),
    count: (db) => db.programGoal.count(),
  }),
  entity<Models.ResourcePool>({
    key: "resourcePools",
    model: "ResourcePool",
    primaryKey: ["id"],
    references: { departmentId: "departments" },
    shape: { id: str, name: str, kind: oneOf(PoolKind), departmentId: strN, wipLimit: intN, active: bool, version: int, createdAt: date },
    read: (db) => db.resourcePool.findMany(),
    count: (db) => db.resourcePool.count(),
  }),
  entity<Models.PoolCapacity>({
    key: "poolCapacities",
    model: "PoolCapacity",
    primaryKey: ["id"],
    references: { poolId: "resourcePools" },
    shape: { id: str, poolId: str, quarter: str, competence: str, hours: int },
    read: (db) => db.poolCapacity.findMany(),
    count: (db) => db.poolCapacity.count(),
  }),
  entity<Models.Initiative>({
    key: "initiatives",
    model: "Initiative",
    primaryKey: ["id"],
    references: { ownerDepartmentId: "departments", createdById: "users", programId: "programs" },
    serials: ["number"],
    shape: {
      id: str,
      number: int,
      title: str,
      need: str,
      benefitRecipient: oneOfN(BenefitRecipient),
      nature: oneOfN(Nature),
      reachDescription: strN,
      reachCount: intN,
      isReplacement: bool,
      replacesSystem: strN,
      enablesDevelopment: strN,
      involvesProcurement: bool,
      hygieneOwnsData: z.boolean().nullable(),
      hygieneOpenStandards: z.boolean().nullable(),
      hygieneOpenApis: z.boolean().nullable(),
      hygieneExitPlan: z.boolean().nullable(),
      estimatedCostSek: intN,
      estimatedEffortHours: intN,
      desiredStartQuarter: strN,
      plannedStartQuarter: strN,
      plannedEndQuarter: strN,
      dependencies: strN,
      contactPerson: strN,
      benefitJudgement: intN,
      urgency: intN,
      legalRequirement: bool,
      riskReduction: intN,
      status: oneOf(InitiativeStatus),
      ownerDepartmentId: str,
      createdById: strN,
      programId: strN,
      rank: intN,
      version: int,
      noBenefitReason: strN,
      submittedAt: dateN,
      decidedAt: dateN,
      startedAt: dateN,
      completedAt: dateN,
      createdAt: date,
      updatedAt: date,
    },
    read: (db) => db.initiative.findMany(),
    count: (db) => db.initiative.count(),
  }),
  entity<Models.InitiativeGoal>({
    key: "initiativeGoals",
    model: "InitiativeGoal",
    primaryKey: ["initiativeId", "goalId"],
    references: { initiativeId: "initiatives", goalId: "strategicGoals" },
    shape: { initiativeId: str, goalId: str, alignment: int },
    read: (db) => db.initiativeGoal.findMany(),
    count: (db) => db.initiativeGoal.count(),
  }),
  entity<Models.BenefitIndicator>({
    key: "benefitIndicators",
    model: "BenefitIndicator",
    primaryKey: ["id"],
    references: { initiativeId: "initiatives", ownerId: "users" },
    shape: {
      id: str,
      initiativeId: str,
      category: oneOf(BenefitCategory),
      description: str,
      annualValueSek: intN,
      annualHours: intN,
      certainty: oneOf(BenefitCertainty),
      ownerId: strN,
      owner: strN,
      indicator: strN,
      unit: strN,
      method: strN,
      baseline: floatN,
      baselineDate: dateN,
      target: floatN,
      targetDate: dateN,
      version: int,
      createdAt: date,
      updatedAt: date,
    },
    read: (db) => db.benefitIndicator.findMany(),
    count: (db) => db.benefitIndicator.count(),
  }),
  entity<Models.FollowUp>({
    key: "followUps",
    model: "FollowUp",
    primaryKey: ["id"],
    references: { indicatorId: "benefitIndicators", initiativeId: "initiatives", completedById: "users" },
    shape: {
      id: str, indicatorId: str, initiativeId: str, offsetMonths: int, dueAt: date, originalDueAt: dateN, postponeReason: strN, assessment: oneOfN(FollowUpAssessment),
      comment: strN, completedAt: dateN, completedById: strN, notifiedDueAt: dateN, notifiedOverdueAt: dateN, version: int, createdAt: date,
    },
    read: (db) => db.followUp.findMany(),
    count: (db) => db.followUp.count(),
  }),
  entity<Models.Measurement>({
    key: "measurements",
    model: "Measurement",
    primaryKey: ["id"],
    references: { indicatorId: "benefitIndicators", correctsId: "measurements", followUpId: "followUps", recordedById: "users" },
    shape: { id: str, indicatorId: str, measuredAt: date, value: float, realisedSek: intN, source: strN, note: strN, correctsId: strN, followUpId: strN, recordedById: strN, createdAt: date },
    read: (db) => db.measurement.findMany(),
    count: (db) => db.measurement.count(),
  }),
  entity<Models.StatusChange>({
    key: "statusChanges",
    model: "StatusChange",
    primaryKey: ["id"],
    references: { initiativeId: "initiatives", actorId: "users" },
    shape: { id: str, initiativeId: str, fromStatus: oneOfN(InitiativeStatus), toStatus: oneOf(InitiativeStatus), actorId: strN, reason: strN, at: date },
    read: (db) => db.statusChange.findMany(),
    count: (db) => db.statusChange.count(),
  }),
  entity<Models.TriageAssessment>({
    key: "triageAssessments",
    model: "TriageAssessment",
    primaryKey: ["id"],
    references: { initiativeId: "initiatives", assessedById: "users" },
    shape: {
      id: str,
      initiativeId: str,
      assessedById: strN,
      kind: oneOf(InitiativeKind),
      size: oneOf(InitiativeSize),
      track: oneOf(TriageTrack),
      quadrant: oneOf(PiosQuadrant),
      suggestedKind: oneOfN(InitiativeKind),
      suggestedSize: oneOfN(InitiativeSize),
      suggestedTrack: oneOfN(TriageTrack),
      overrideReason: strN,
      completeness: int,
      notes: strN,
      createdAt: date,
    },
    read: (db) => db.triageAssessment.findMany(),
    count: (db) => db.triageAssessment.count(),
  }),
  entity<Models.ResourceAllocation>({
    key: "resourceAllocations",
    model: "ResourceAllocation",
    primaryKey: ["id"],
    references: { initiativeId: "initiatives", poolId: "resourcePools", createdById: "users" },
    shape: { id: str, initiativeId: str, poolId: str, quarter: str, competence: str, hours: int, createdById: strN, version: int, createdAt: date, updatedAt: date },
    read: (db) => db.resourceAllocation.findMany(),
    count: (db) => db.resourceAllocation.count(),
  }),
  entity<Models.PortfolioMeeting>({
    key: "portfolioMeetings",
    model: "PortfolioMeeting",
    primaryKey: ["id"],
    references: { createdById: "users" },
    shape: { id: str, title: str, date, registryNumber: strN, participants: str, status: oneOf(MeetingStatus), snapshot: jsonN, closedAt: dateN, createdById: strN, createdAt: date },
    read: (db) => db.portfolioMeeting.findMany(),
    count: (db) => db.portfolioMeeting.count(),
  }),
  entity<Models.AgendaItem>({
    key: "agendaItems",
    model: "AgendaItem",
    primaryKey: ["id"],
    references: { meetingId: "portfolioMeetings", initiativeId: "initiatives", addedById: "users" },
    shape: { id: str, meetingId: str, initiativeId: str, position: int, addedById: strN },
    read: (db) => db.agendaItem.findMany(),
    count: (db) => db.agendaItem.count(),
  }),
  entity<Models.Scenario>({
    key: "scenarios",
    model: "Scenario",
    primaryKey: ["id"],
    references: { createdById: "users", adoptedInMeetingId: "portfolioMeetings" },
    shape: { id: str, name: str, description: str, changes: json, version: int, createdById: strN, createdAt: date, updatedAt: date, adoptedAt: dateN, adoptedInMeetingId: strN },
    read: (db) => db.scenario.findMany(),
    count: (db) => db.scenario.count(),
  }),
  entity<Models.OptimiserRun>({
    key: "optimiserRuns",
    model: "OptimiserRun",
    primaryKey: ["id"],
    references: { scenarioId: "scenarios", startedById: "users" },
    shape: {
      id: str, scenarioId: str, scenarioVersion: int, status: oneOf(OptimiserRunStatus), timeLimitSeconds: int, progress: jsonN, result: jsonN, error: strN, startedById: strN, startedAt: date, finishedAt: dateN,
    },
    read: (db) => db.optimiserRun.findMany(),
    count: (db) => db.optimiserRun.count(),
  }),
  entity<Models.ScenarioAgendaItem>({
    key: "scenarioAgendaItems",
    model: "ScenarioAgendaItem",
    primaryKey: ["id"],
    references: { meetingId: "portfolioMeetings", scenarioId: "scenarios", addedById: "users" },
    shape: { id: str, meetingId: str, scenarioId: str, addedById: strN, createdAt: date },
    read: (db) => db.scenarioAgendaItem.findMany(),
    count: (db) => db.scenarioAgendaItem.count(),
  }),
  entity<Models.Decision>({
    key: "decisions",
    model: "Decision",
    primaryKey: ["id"],
    references: { initiativeId: "initiatives", meetingId: "portfolioMeetings", decidedById: "users", scenarioId: "scenarios" },
    shape: {
      id: str,
      initiativeId: str,
      meetingId: strN,
      type: oneOf(DecisionType),
      rationale: str,
      underDelegation: bool,
      fromStatus: oneOf(InitiativeStatus),
      toStatus: oneOf(InitiativeStatus),
      decidedById: strN,
      scenarioId: strN,
      createdAt: date,
    },
    read: (db) => db.decision.findMany(),
    count: (db) => db.decision.count(),
  }),
  entity<Models.BalanceTarget>({
    key: "balanceTargets",
    model: "BalanceTarget",
    primaryKey: ["year", "quadrant"],
    shape: { year: int, quadrant: oneOf(PiosQuadrant), sharePercent: int },
    read: (db) => db.balanceTarget.findMany(),
    count: (db) => db.balanceTarget.count(),
  }),
  entity<Models.Comment>({
    key: "comments",
    model: "Comment",
    primaryKey: ["id"],
    references: { initiativeId: "initiatives", authorId: "users" },
    shape: { id: str, initiativeId: str, authorId: strN, body: str, createdAt: date },
    read: (db) => db.comment.findMany(),
    count: (db) => db.comment.count(),
  }),
  entity<Models.Notification>({
    key: "notifications",
    model: "Notification",
    primaryKey: ["id"],
    references: { userId: "users", initiativeId: "initiatives" },
    shape: { id: str, userId: str, initiativeId: strN, kind: str, params: jsonN, readAt: dateN, createdAt: date },
    read: (db) => db.notification.findMany(),
    count: (db) => db.notification.count(),
  }),
  entity<Models.AuditEvent>({
    key: "auditEvents",
    model: "AuditEvent",
    primaryKey: ["id"],
    references: { actorId: "users" },
    shape: { id: str, at: date, actorId: strN, actorLabel: str, action: str, entityType: str, entityId: str, before: jsonN, after: jsonN },
    read: (db) => db.auditEvent.findMany(),
    count: (db) => db.auditEvent.count(),
  }),
  entity<Models.ApiToken>({
    key: "apiTokens",
    model: "ApiToken",
    primaryKey: ["id"],
    references: { createdById: "users" },
    shape: {
      id: str,
      name: str,
      prefix: str,
      secretHash: str,
      scopes: z.array(oneOf(ApiScope)),
      role: oneOf(Role),
      createdById: strN,
      expiresAt: date,
      revokedAt: dateN,
      lastUsedAt: dateN,
      createdAt: date,
    },
    read: (db) => db.apiToken.findMany(),
    count: (db) => db.apiToken.count(),
  }),
  entity<Models.Setting>({
    key: "settings",
    model: "Setting",
    primaryKey: ["key"],
    references: { updatedById: "users" },
    shape: { key: str, value: json, updatedAt: date, updatedById: strN },
    read: (db) => db.setting.findMany(),
    count: (db) => db.setting.count(),
  }),
  entity<Models.SignInFailure>({
    key: "signInFailures",
    model: "SignInFailure",
    primaryKey: ["key"],
    references: {},
    shape: { key: str, count: int, firstAt: date },
    read: (db) => db.signInFailure.findMany(),
    count: (db) => db.signInFailure.count(),
  }),
];
