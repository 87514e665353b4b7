import "server-only";
// The organisation (ADMIN): departments (förvaltningar) and municipal companies (bolag).
// A unit that anything refers to is deactivated, never deleted; renaming keeps the old name
// in the audit log. Deactivated units leave the pickers and stay on old records.
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { cachedOutsideTransaction } from "./snapshot-cache";
import { wouldCycle } from "@/lib/domain/organisation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { id as idSchema } from "@/lib/validation/common";
import { departmentCreateInput, departmentUpdateInput, type OrganisationKind } from "@/lib/validation/organisation";
import { diff, recordAudit } from "./audit";
import { AppError, ConflictError, NotFoundError, parseInput, uniqueViolationAs, ValidationError } from "./errors";

type Tx = Prisma.TransactionClient;

export type DepartmentView = {
  id: string; name: string; shortName: string; kind: OrganisationKind; parentId: string | null; parentName: string | null; active: boolean; version: number;
  createdAt: Date; updatedAt: Date; usage: { initiatives: number; users: number; pools: number; children: number };
};

const SELECT = {
  id: true, name: true, shortName: true, kind: true, parentId: true, active: true, version: true, createdAt: true, updatedAt: true,
  parent: { select: { name: true } },
  _count: { select: { initiatives: true, users: true, pools: true, children: true } },
} as const;
type Row = Prisma.DepartmentGetPayload<{ select: typeof SELECT }>;

function view(d: Row): DepartmentView {
  const { _count, parent, ...rest } = d;
  return { ...rest, parentName: parent?.name ?? null, usage: { initiatives: _count.initiatives, users: _count.users, pools: _count.pools, children: _count.children } };
}

/** Every unit, active first, by name (a municipality has tens; a region a few hundred). */
export async function listDepartments(actor: Actor): Promise<DepartmentView[]> {
  authorize(actor, "initiative.read");
  const rows = await prisma.department.findMany({ select: SELECT, orderBy: [{ active: "desc" }, { name: "asc" }] });
  return rows.map(view);
}

export async function getDepartment(actor: Actor, id: string): Promise<DepartmentView> {
  authorize(actor, "initiative.read");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("Department");
  const row = await prisma.department.findUnique({ where: { id }, select: SELECT });
  if (!row) throw new NotFoundError("Department");
  return view(row);
}

const nameTaken = () => new AppError("NAME_TAKEN", 409, "A unit with this name already exists.", [{ path: "name", message: "nameTaken" }]);
const codeTaken = () => new AppError("CODE_TAKEN", 409, "A unit with this short code already exists.", [{ path: "shortName", message: "codeTaken" }]);
const takenByIndex = uniqueViolationAs(() => new AppError("NAME_OR_CODE_TAKEN", 409, "A unit with this name or short code already exists."));

/** Names and codes are unique whatever the case ("SOC" and "Soc" are one code). */
async function checkUnique(tx: Tx, fields: { name?: string; shortName?: string }, exceptId: string | null): Promise<void> {
  const except = exceptId ? { NOT: { id: exceptId } } : {};
  if (fields.name && (await tx.department.findFirst({ where: { name: { equals: fields.name, mode: "insensitive" }, ...except }, select: { id: true } }))) throw nameTaken();
  if (fields.shortName && (await tx.department.findFirst({ where: { shortName: { equals: fields.shortName, mode: "insensitive" }, ...except }, select: { id: true } }))) throw codeTaken();
}

async function checkParent(tx: Tx, id: string | null, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  const parent = await tx.department.findUnique({ where: { id: parentId }, select: { id: true } });
  if (!parent) throw new ValidationError([{ path: "parentId", message: "unknownDepartment" }]);
  if (id) {
    const all = await tx.department.findMany({ select: { id: true, parentId: true } });
    if (wouldCycle(new Map(all.map((d) => [d.id, d.parentId])), id, parentId)) throw new ValidationError([{ path: "parentId", message: "parentCycle" }]);
  }
}

export async function createDepartment(actor: Actor, input: unknown): Promise<DepartmentView> {
  authorize(actor, "admin.organisation");
  const fields = parseInput(departmentCreateInput, input);
  return prisma.$transaction(async (tx) => {
    await checkUnique(tx, fields, null);
    await checkParent(tx, null, fields.parentId);
    const row = await tx.department.create({ data: { name: fields.name, shortName: fields.shortName, kind: fields.kind, parentId: fields.parentId ?? null }, select: SELECT });
    await recordAudit(tx, actor, { action: "department.create", entityType: "Department", entityId: row.id, after: { name: row.name, shortName: row.shortName, kind: row.kind, parentId: row.parentId } });
    return view(row);
  }).catch(takenByIndex);
}

/** Renames, recodes, re-parents, deactivates or reactivates a unit; names the version read. */
export async function updateDepartment(actor: Actor, id: string, input: unknown): Promise<DepartmentView> {
  authorize(actor, "admin.organisation");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("Department");
  const { version, ...changes } = parseInput(departmentUpdateInput, input);
  return prisma.$transaction(async (tx) => {
    const current = await tx.department.findUnique({ where: { id }, select: SELECT });
    if (!current) throw new NotFoundError("Department");
    if (current.version !== version) throw new ConflictError("Someone changed this unit after you read it.", view(current) as unknown as Record<string, unknown>);
    const before = { name: current.name, shortName: current.shortName, kind: current.kind, parentId: current.parentId, active: current.active };
    const next = {
      name: changes.name ?? before.name,
      shortName: changes.shortName ?? before.shortName,
      kind: changes.kind ?? before.kind,
      parentId: changes.parentId !== undefined ? changes.parentId : before.parentId,
      active: changes.active ?? before.active,
    };
    const changed = diff(before, next);
    if (Object.keys(changed.after).length === 0) return view(current);
    await checkUnique(tx, { name: "name" in changed.after ? next.name : undefined, shortName: "shortName" in changed.after ? next.shortName : undefined }, id);
    if ("parentId" in changed.after) await checkParent(tx, id, next.parentId);
    const updated = await tx.department.updateMany({ where: { id, version }, data: { ...next, version: { increment: 1 } } });
    if (updated.count !== 1) throw new ConflictError("Someone changed this unit after you read it.");
    const only = Object.keys(changed.after);
    const action = only.length === 1 && only[0] === "active" ? (next.active ? "department.reactivate" : "department.deactivate") : "department.update";
    await recordAudit(tx, actor, { action, entityType: "Department", entityId: id, ...changed });
    return view((await tx.department.findUnique({ where: { id }, select: SELECT }))!);
  }).catch(takenByIndex);
}

/** Deletes a unit nothing refers to (one registered by mistake); any other is deactivated instead (409 IN_USE). */
export async function deleteDepartment(actor: Actor, id: string): Promise<{ id: string }> {
  authorize(actor, "admin.organisation");
  if (!idSchema.safeParse(id).success) throw new NotFoundError("Department");
  return prisma.$transaction(async (tx) => {
    const current = await tx.department.findUnique({ where: { id }, select: { ...SELECT, _count: { select: { initiatives: true, users: true, pools: true, children: true, ssoMappings: true } } } });
    if (!current) throw new NotFoundError("Department");
    const uses = current._count;
    if (uses.initiatives + uses.users + uses.pools + uses.children + uses.ssoMappings > 0) {
      throw new AppError("IN_USE", 409, "Initiatives, people, pools, units or sign-on mappings refer to this unit: deactivate it instead.", undefined, { usage: uses });
    }
    await tx.department.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "department.delete", entityType: "Department", entityId: id, before: { name: current.name, shortName: current.shortName, kind: current.kind, parentId: current.parentId } });
    return { id };
  });
}

/** For pickers: active units by name. Old records still name inactive ones (read them from the record). */
export async function activeDepartments(db: Tx = prisma) {
  return cachedOutsideTransaction("activeDepartments", db, (client) =>
    client.department.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, shortName: true, kind: true } }),
  );
}
