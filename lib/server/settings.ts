import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { cachedOutsideTransaction } from "./snapshot-cache";
import { DEFAULT_CLASSIFIER_SETTINGS } from "@/lib/domain/classifier";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_SCORE_WEIGHTS, type ScoreWeights } from "@/lib/domain/score";
import { DEFAULT_HOURS_PER_FTE, DEFAULT_WIP_LIMIT } from "@/lib/domain/capacity";
import { resourceSettingsSchema, type ResourceSettings } from "@/lib/validation/resources";
import { scoreWeightsSchema, triageSettingsSchema, type TriageSettings } from "@/lib/validation/settings";
import { actorUserId, recordAudit } from "./audit";
import { parseInput } from "./errors";

export const TRIAGE_SETTINGS_KEY = "triage";
export const DEFAULT_TRIAGE_SETTINGS: TriageSettings = { ...DEFAULT_CLASSIFIER_SETTINGS, delegationLimitSek: 100_000 };

/** The stored triage settings, or the defaults where none (or none valid) are stored. */
export async function triageSettings(db: Prisma.TransactionClient = prisma): Promise<TriageSettings> {
  const row = await db.setting.findUnique({ where: { key: TRIAGE_SETTINGS_KEY } });
  const parsed = row ? triageSettingsSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_TRIAGE_SETTINGS;
}

export async function updateTriageSettings(actor: Actor, input: unknown): Promise<TriageSettings> {
  authorize(actor, "triage.settings");
  const next = parseInput(triageSettingsSchema, input);
  return prisma.$transaction(async (tx) => {
    const before = await triageSettings(tx);
    await tx.setting.upsert({
      where: { key: TRIAGE_SETTINGS_KEY },
      create: { key: TRIAGE_SETTINGS_KEY, value: next as Prisma.InputJsonValue, updatedById: actorUserId(actor) },
      update: { value: next as Prisma.InputJsonValue, updatedById: actorUserId(actor) },
    });
    await recordAudit(tx, actor, { action: "settings.update", entityType: "Setting", entityId: TRIAGE_SETTINGS_KEY, before, after: next });
    return next;
  });
}

export const SCORE_WEIGHTS_KEY = "portfolio.scoreWeights";

export async function scoreWeights(db: Prisma.TransactionClient = prisma): Promise<ScoreWeights> {
  const row = await db.setting.findUnique({ where: { key: SCORE_WEIGHTS_KEY } });
  const parsed = row ? scoreWeightsSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_SCORE_WEIGHTS;
}

/** Leadership and admin set the score weights; the change is audited. */
export async function updateScoreWeights(actor: Actor, input: unknown): Promise<ScoreWeights> {
  authorize(actor, "portfolio.settings");
  const next = parseInput(scoreWeightsSchema, input);
  return prisma.$transaction(async (tx) => {
    const before = await scoreWeights(tx);
    const data = { value: next as Prisma.InputJsonValue, updatedById: actorUserId(actor) };
    await tx.setting.upsert({ where: { key: SCORE_WEIGHTS_KEY }, create: { key: SCORE_WEIGHTS_KEY, ...data }, update: data });
    await recordAudit(tx, actor, { action: "settings.update", entityType: "Setting", entityId: SCORE_WEIGHTS_KEY, before, after: next });
    return next;
  });
}

export const RESOURCE_SETTINGS_KEY = "resources";
export const DEFAULT_RESOURCE_SETTINGS: ResourceSettings = { defaultWipLimit: DEFAULT_WIP_LIMIT, hoursPerFte: DEFAULT_HOURS_PER_FTE };

/** The default WIP limit (for pools without their own) and the hours of one FTE per quarter. */
export async function resourceSettings(db: Prisma.TransactionClient = prisma): Promise<ResourceSettings> {
  return cachedOutsideTransaction("resourceSettings", db, readResourceSettings);
}

async function readResourceSettings(db: Prisma.TransactionClient): Promise<ResourceSettings> {
  const row = await db.setting.findUnique({ where: { key: RESOURCE_SETTINGS_KEY } });
  const parsed = row ? resourceSettingsSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_RESOURCE_SETTINGS;
}

/** DIG, leadership and admin set the resource settings; the change is audited. */
export async function updateResourceSettings(actor: Actor, input: unknown): Promise<ResourceSettings> {
  authorize(actor, "resource.settings");
  const next = parseInput(resourceSettingsSchema, input);
  return prisma.$transaction(async (tx) => {
    const before = await resourceSettings(tx);
    const data = { value: next as Prisma.InputJsonValue, updatedById: actorUserId(actor) };
    await tx.setting.upsert({ where: { key: RESOURCE_SETTINGS_KEY }, create: { key: RESOURCE_SETTINGS_KEY, ...data }, update: data });
    await recordAudit(tx, actor, { action: "settings.update", entityType: "Setting", entityId: RESOURCE_SETTINGS_KEY, before, after: next });
    return next;
  });
}
