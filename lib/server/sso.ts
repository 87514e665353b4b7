import "server-only";
// Single sign-on provisioning (OIDC): who may sign in through the municipality's identity
// provider, and with which role and department. Mappings from the provider's group or role
// claims are kept by administrators and re-applied at every sign-in (lib/domain/sso.ts).
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { claimValues, DEFAULT_GROUP_CLAIMS, provisioning, resolveMapping } from "@/lib/domain/sso";
import type { Prisma } from "@/lib/generated/prisma/client";
import { id as idSchema } from "@/lib/validation/common";
import { ssoMappingCreateInput, ssoMappingUpdateInput, ssoSettingsSchema, type SsoSettings } from "@/lib/validation/sso";
import { actorUserId, diff, recordAudit } from "./audit";
import { AppError, ConflictError, NotFoundError, parseInput, uniqueViolationAs, ValidationError } from "./errors";
import type { SignedInUser } from "./users";

type Tx = Prisma.TransactionClient;

export const SSO_ACTOR: Actor = { id: "sso:provisioning", role: "ADMIN", departmentId: null, name: "Inloggning via kommunens identitetstjänst (SSO)" };
export const SSO_SETTINGS_KEY = "sso";
export const DEFAULT_SSO_SETTINGS: SsoSettings = { unmapped: "VIEWER" };

/** Just-in-time creation of people on their first sign-in (OIDC_AUTO_CREATE=true). */
export function autoCreateEnabled(): boolean {
  return process.env.OIDC_AUTO_CREATE === "true";
}

/** The claims read for group values: OIDC_GROUP_CLAIMS (comma-separated), else groups and roles. */
export function groupClaimNames(): string[] {
  const configured = (process.env.OIDC_GROUP_CLAIMS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return configured.length ? configured : DEFAULT_GROUP_CLAIMS;
}

export async function ssoSettings(db: Tx = prisma): Promise<SsoSettings> {
  const row = await db.setting.findUnique({ where: { key: SSO_SETTINGS_KEY } });
  const parsed = row ? ssoSettingsSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_SSO_SETTINGS;
}

/** The settings as an administrator reads them, with whether automatic creation is on. */
export async function readSsoSettings(actor: Actor): Promise<SsoSettings> {
  authorize(actor, "admin.sso");
  return ssoSettings();
}

export async function updateSsoSettings(actor: Actor, input: unknown): Promise<SsoSettings> {
  authorize(actor, "admin.sso");
  const next = parseInput(ssoSettingsSchema, input);
  return prisma.$transaction(async (tx) => {
    const before = await ssoSettings(tx);
    const data = { value: next as Prisma.InputJsonValue, updatedById: actorUserId(actor) };
    await tx.setting.upsert({ where: { key: SSO_SETTINGS_KEY }, create: { key: SSO_SETTINGS_KEY, ...data }, update: data });
    await recordAudit(tx, actor, { action: "settings.update", entityType: "Setting", entityId: SSO_SETTINGS_KEY, before, after: next });
    return next;
  });
}

// ---------------------------------------------------------------------------
// Mappings

export type SsoMappingView = { id: string; claimValue: string; description: string; role: Actor["role"]; departmentId: string | null; departmentName: string | null; version: number; createdAt: Date; updatedAt: Date };

const SELECT = { id: true, claimValue: true, description: true, role: true, departmentId: true, version: true, createdAt: true, updatedAt: true, department: { select: { name: true } } } as const;
type Row = Prisma.SsoGroupMappingGetPayload<{ select: typeof SELECT }>;
const view = ({ department, ...m }: Row): SsoMappingView => ({ ...m, departmentName: department?.name ?? null });

export async function listSsoMappings(actor: Actor): Promise<SsoMappingView[]> {
  authorize(actor, "admin.sso");
  return (await prisma.ssoGroupMapping.findMany({ select: SELECT, orderBy: [{ role: "asc" }, { claimValue: "asc" }] })).map(view);
}

const claimTaken = () => new AppError("CLAIM_TAKEN", 409, "This claim value is already mapped.", [{ path: "claimValue", message: "claimTaken" }]);

async function checkMapping(tx: Tx, m: { role: string; departmentId: string | null }, keepDepartment?: string | null): Promise<void> {
  if (m.role === "DEPARTMENT_MANAGER" && !m.departmentId) throw new ValidationError([{ path: "departmentId", message: "departmentRequired" }]);
  if (!m.departmentId || m.departmentId === keepDepartment) return;
  const d = await tx.department.findUnique({ where: { id: m.departmentId }, select: { active: true } });
  if (!d) throw new ValidationError([{ path: "departmentId", message: "unknownDepartment" }]);
  if (!d.active) throw new ValidationError([{ path: "departmentId", message: "inactiveDepartment" }]);
}

export async function createSsoMapping(actor: Actor, input: unknown): Promise<SsoMappingView> {
  authorize(actor, "admin.sso");
  const fields = parseInput(ssoMappingCreateInput, input);
  return prisma.$transaction(async (tx) => {
    await checkMapping(tx, fields);
    if (await tx.ssoGroupMapping.findUnique({ where: { claimValue: fields.claimValue }, select: { id: true } })) throw claimTaken();
    const row = await tx.ssoGroupMapping.create({ data: fields, select: SELECT });
    await recordAudit(tx, actor, { action: "ssoMapping.create", entityType: "SsoGroupMapping", entityId: row.id, after: fields });
    return view(row);
  }).catch(uniqueViolationAs(claimTaken));
}

export async function updateSsoMapping(actor: Actor, id: string, input: unknown): Promise<SsoMappingView> {
  authorize(actor, "admin.sso");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("Mapping");
  const { version, ...changes } = parseInput(ssoMappingUpdateInput, input);
  return prisma.$transaction(async (tx) => {
    const current = await tx.ssoGroupMapping.findUnique({ where: { id }, select: SELECT });
    if (!current) throw new NotFoundError("Mapping");
    if (current.version !== version) throw new ConflictError("Someone changed this mapping after you read it.", view(current) as unknown as Record<string, unknown>);
    const before = { claimValue: current.claimValue, description: current.description, role: current.role, departmentId: current.departmentId };
    const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as typeof before;
    await checkMapping(tx, next, current.departmentId);
    const changed = diff(before, next);
    if (Object.keys(changed.after).length === 0) return view(current);
    if ("claimValue" in changed.after && (await tx.ssoGroupMapping.findUnique({ where: { claimValue: next.claimValue }, select: { id: true } }))) throw claimTaken();
    const updated = await tx.ssoGroupMapping.updateMany({ where: { id, version }, data: { ...next, version: { increment: 1 } } });
    if (updated.count !== 1) throw new ConflictError("Someone changed this mapping after you read it.");
    await recordAudit(tx, actor, { action: "ssoMapping.update", entityType: "SsoGroupMapping", entityId: id, ...changed });
    return view((await tx.ssoGroupMapping.findUnique({ where: { id }, select: SELECT }))!);
  }).catch(uniqueViolationAs(claimTaken));
}

export async function deleteSsoMapping(actor: Actor, id: string): Promise<{ id: string }> {
  authorize(actor, "admin.sso");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("Mapping");
  return prisma.$transaction(async (tx) => {
    const current = await tx.ssoGroupMapping.findUnique({ where: { id }, select: SELECT });
    if (!current) throw new NotFoundError("Mapping");
    await tx.ssoGroupMapping.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "ssoMapping.delete", entityType: "SsoGroupMapping", entityId: id, before: { claimValue: current.claimValue, role: current.role, departmentId: current.departmentId } });
    return { id };
  });
}

// ---------------------------------------------------------------------------
// Sign-in

export type SsoOutcome = { ok: true; user: SignedInUser } | { ok: false; reason: "noEmail" | "deactivated" | "unknown" | "unmapped" };

/**
 * A sign-in through the identity provider, after it has authenticated the person: creates
 * them (when enabled), re-applies the group mapping, or refuses. One transaction; every
 * change of a person is audited as the sign-on service.
 */
export async function provisionSsoUser(profile: { email?: string | null; name?: string | null; claims: Record<string, unknown> }, now = new Date()): Promise<SsoOutcome> {
  const email = (profile.email ?? "").trim().toLowerCase();
  if (!email || email.length > 254 || !email.includes("@")) return { ok: false, reason: "noEmail" };
  const values = claimValues(profile.claims, groupClaimNames());
  return prisma.$transaction(async (tx) => {
    const [existing, mappings, settings] = await Promise.all([
      tx.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } } }),
      values.length ? tx.ssoGroupMapping.findMany({ where: { claimValue: { in: values }, OR: [{ departmentId: null }, { department: { active: true } }] }, select: { claimValue: true, role: true, departmentId: true } }) : Promise.resolve([]),
      ssoSettings(tx),
    ]);
    const resolved = resolveMapping(values, mappings);
    const decision = provisioning({ existing, resolved, autoCreate: autoCreateEnabled(), unmapped: settings.unmapped });
    if (decision.kind === "refuse") return { ok: false as const, reason: decision.reason };
    const name = (profile.name ?? "").trim().slice(0, 120) || email;
    let id: string;
    if (decision.kind === "create") {
      const created = await tx.user.create({ data: { email, name, role: decision.role, departmentId: decision.departmentId, ssoManaged: true, lastSignInAt: now } });
      id = created.id;
      await recordAudit(tx, SSO_ACTOR, { action: "user.create", entityType: "User", entityId: id, after: { email, name, role: decision.role, departmentId: decision.departmentId, through: "sso", groups: resolved?.matched ?? [] } });
    } else {
      id = existing!.id;
      if (decision.kind === "update") {
        const before = { role: existing!.role, departmentId: existing!.departmentId, ssoManaged: existing!.ssoManaged };
        const after = { role: decision.role, departmentId: decision.departmentId, ssoManaged: decision.ssoManaged };
        const changedRole = before.role !== after.role || before.departmentId !== after.departmentId;
        await tx.user.update({ where: { id }, data: { ...after, lastSignInAt: now, version: { increment: 1 }, ...(changedRole ? { sessionVersion: { increment: 1 } } : {}) } });
        await recordAudit(tx, SSO_ACTOR, { action: "user.ssoSync", entityType: "User", entityId: id, ...diff(before, after) });
      } else {
        await tx.user.update({ where: { id }, data: { lastSignInAt: now } });
      }
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id }, include: { department: { select: { name: true } } } });
    return { ok: true as const, user: { id: user.id, email: user.email, name: user.name, role: user.role, departmentId: user.departmentId, departmentName: user.department?.name ?? null, sessionVersion: user.sessionVersion } };
  });
}
