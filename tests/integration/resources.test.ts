import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { addQuarters, quarterOfDate } from "@/lib/domain/quarters";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import {
  createAllocation,
  deleteAllocation,
  demandPicture,
  initiativeResources,
  listAllocations,
  poolView,
  setCapacity,
  starved,
  updateAllocation,
  updatePool,
} from "@/lib/server/resources";
import { resourceSettings, updateResourceSettings } from "@/lib/server/settings";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

const code = (e: unknown) => (e instanceof AppError ? `${e.status} ${e.code}` : e instanceof ForbiddenError ? "403" : String(e));
const failure = (p: Promise<unknown>) => p.then(() => "resolved", code);

describeEachEngine("resources: who may allocate and edit capacity, bad input, concurrency, planned quarters", (ctx) => {
  const a: Record<string, Actor> = {};
  const pool: Record<string, { id: string; kind: "DIG" | "DIGITAL_CENTER" | "LOCAL"; departmentId: string | null }> = {};
  let db: PrismaClient;
  const current = quarterOfDate(new Date());
  const next = addQuarters(current, 1);
  let dept: Record<string, string>;

  beforeAll(async () => {
    db = ctx.db.prisma;
    await seedDemo(db);
    for (const u of await db.user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
    dept = Object.fromEntries((await db.department.findMany()).map((d) => [d.shortName, d.id]));
    for (const p of await db.resourcePool.findMany()) {
      const key = p.kind === "LOCAL" ? (Object.entries(dept).find(([, id]) => id === p.departmentId)![0]) : p.kind;
      pool[key] = { id: p.id, kind: p.kind, departmentId: p.departmentId };
    }
  });

  /** A fresh initiative in a given status and department, with no plan and no allocations. */
  async function initiative(status: "APPROVED" | "IN_PROGRESS" | "DONE" | "REJECTED" | "DRAFT" | "TRIAGED" | "SUBMITTED" | "CANCELLED", department = "SOC") {
    return (await db.initiative.create({ data: { title: `Test ${randomUUID()}`, status, ownerDepartmentId: dept[department]!, estimatedEffortHours: 500 } })).id;
  }
  const count = () => db.resourceAllocation.count();
  const audits = () => db.auditEvent.count();

  it("DIG, leadership and admin allocate central pools; a department manager is refused; a viewer may not write at all", async () => {
    const id = await initiative("APPROVED");
    const dig = await createAllocation(a.dig!, { initiativeId: id, poolId: pool.DIG!.id, quarter: current, hours: 120 });
    expect(dig.allocation).toMatchObject({ hours: 120, version: 1, borrowed: false, competence: "" });
    await createAllocation(a.ledning!, { initiativeId: id, poolId: pool.DIGITAL_CENTER!.id, quarter: current, hours: 40 });
    await createAllocation(a.admin!, { initiativeId: id, poolId: pool.DIG!.id, quarter: next, hours: 10 });

    const before = [await count(), await audits()];
    expect(await failure(createAllocation(a.chef!, { initiativeId: id, poolId: pool.DIG!.id, quarter: addQuarters(current, 2), hours: 10 }))).toBe("403");
    expect(await failure(createAllocation(a.chef!, { initiativeId: id, poolId: pool.DIGITAL_CENTER!.id, quarter: addQuarters(current, 2), hours: 10 }))).toBe("403");
    for (const write of [
      createAllocation(a.insyn!, { initiativeId: id, poolId: pool.SOC!.id, quarter: current, hours: 10 }),
      updateAllocation(a.insyn!, dig.allocation.id, { hours: 1, version: 1 }),
      deleteAllocation(a.insyn!, dig.allocation.id, { version: 1 }),
      setCapacity(a.insyn!, pool.SOC!.id, { quarter: current, hours: 1 }),
      updatePool(a.insyn!, pool.SOC!.id, { wipLimit: 9 }),
      updateResourceSettings(a.insyn!, { defaultWipLimit: 9, hoursPerFte: 400 }),
    ]) {
      expect(await failure(write)).toBe("403");
    }
    // A department manager may not change a central pool's existing allocation either.
    expect(await failure(updateAllocation(a.chef!, dig.allocation.id, { hours: 5, version: 1 }))).toBe("403");
    expect(await failure(deleteAllocation(a.chef!, dig.allocation.id, { version: 1 }))).toBe("403");
    expect([await count(), await audits()]).toEqual(before);
    expect((await db.resourceAllocation.findUniqueOrThrow({ where: { id: dig.allocation.id } })).hours).toBe(120);
  });

  it("a department manager allocates the own local pool (also to another department: that one borrows) but not another department's pool", async () => {
    const own = await initiative("APPROVED", "SOC");
    const mine = await createAllocation(a.chef!, { initiativeId: own, poolId: pool.SOC!.id, quarter: current, hours: 30 });
    expect(mine.allocation.borrowed).toBe(false);
    const theirs = await initiative("IN_PROGRESS", "FG");
    const lent = await createAllocation(a.chef!, { initiativeId: theirs, poolId: pool.SOC!.id, quarter: current, hours: 20 });
    expect(lent.allocation.borrowed).toBe(true);
    const before = await count();
    expect(await failure(createAllocation(a.chef!, { initiativeId: own, poolId: pool.FG!.id, quarter: current, hours: 10 }))).toBe("403");
    expect(await failure(createAllocation(a["chef.skola"]!, { initiativeId: own, poolId: pool.SOC!.id, quarter: current, hours: 10 }))).toBe("403");
    expect(await count()).toBe(before);
    // The section on the initiative page offers the manager only the own pool.
    const section = await initiativeResources(a.chef!, own);
    expect(section.pools.map((p) => p.id)).toEqual([pool.SOC!.id]);
    expect((await initiativeResources(a.dig!, own)).pools.map((p) => p.id)).toContain(pool.DIG!.id);
    expect((await initiativeResources(a.insyn!, own)).pools).toEqual([]);
    const updated = await updateAllocation(a.chef!, mine.allocation.id, { hours: 35, version: 1 });
    expect(updated.allocation).toMatchObject({ hours: 35, version: 2 });
    await deleteAllocation(a.chef!, mine.allocation.id, { version: 2 });
    expect(await db.resourceAllocation.findUnique({ where: { id: mine.allocation.id } })).toBeNull();
    const trail = await db.auditEvent.findMany({ where: { entityType: "ResourceAllocation", entityId: mine.allocation.id }, orderBy: { at: "asc" } });
    expect(trail.map((t) => t.action)).toEqual(["allocation.create", "allocation.update", "allocation.delete"]);
  });

  it("capacity: central pools by DIG, leadership and admin, a local pool also by its own managers; competences add up to the total", async () => {
    const q = addQuarters(current, 6);
    const before = await db.poolCapacity.count();
    expect(await failure(setCapacity(a.chef!, pool.DIG!.id, { quarter: q, hours: 100 }))).toBe("403");
    expect(await failure(setCapacity(a.chef!, pool.FG!.id, { quarter: q, hours: 100 }))).toBe("403");
    expect(await failure(updatePool(a.chef!, pool.DIG!.id, { wipLimit: 1 }))).toBe("403");
    expect(await failure(updateResourceSettings(a.chef!, { defaultWipLimit: 2, hoursPerFte: 400 }))).toBe("403");
    expect(await failure(setCapacity(a.dig!, pool.DIG!.id, { quarter: q, hours: -1 }))).toBe("400 VALIDATION_FAILED");
    expect(await failure(setCapacity(a.dig!, pool.DIG!.id, { quarter: q, hours: 1.5 }))).toBe("400 VALIDATION_FAILED");
    expect(await failure(setCapacity(a.dig!, "no-such-pool", { quarter: q, hours: 1 }))).toBe("404 NOT_FOUND");
    expect(await db.poolCapacity.count()).toBe(before);

    expect((await setCapacity(a.chef!, pool.SOC!.id, { quarter: q, hours: 280 })).total).toBe(280);
    await setCapacity(a.ledning!, pool.DIG!.id, { quarter: q, hours: 1500 });
    await setCapacity(a.dig!, pool.DIG!.id, { quarter: q, competence: "utvecklare", hours: 700 });
    const result = await setCapacity(a.admin!, pool.DIG!.id, { quarter: q, competence: "projektledare", hours: 400 });
    // Once competences are listed the pool's total is their sum (700 + 400), and the whole-pool row follows.
    expect(result.total).toBe(1100);
    expect(result.rows).toEqual([
      { quarter: q, competence: "", hours: 1100 },
      { quarter: q, competence: "projektledare", hours: 400 },
      { quarter: q, competence: "utvecklare", hours: 700 },
    ]);
    const refused = await setCapacity(a.dig!, pool.DIG!.id, { quarter: q, hours: 2000 }).catch((e) => e);
    expect((refused as ValidationError).issues).toEqual([{ path: "hours", message: "totalIsSumOfCompetences" }]);
    expect((await updatePool(a.chef!, pool.SOC!.id, { wipLimit: 4 })).wipLimit).toBe(4);
    expect((await updatePool(a.dig!, pool.DIG!.id, { wipLimit: null })).wipLimit).toBeNull();
    const view = await poolView(a.insyn!, pool.DIG!.id, { from: q, quarters: 1 });
    expect(view.load[0]).toMatchObject({ quarter: q, capacity: 1100 });
    expect(view.wip.own).toBe(false);
    expect(view.may).toEqual({ allocate: false, editCapacity: false, manage: false });
    expect((await poolView(a.chef!, pool.SOC!.id)).may).toEqual({ allocate: true, editCapacity: true, manage: true });
    await expect(poolView(a.insyn!, "no-such-pool")).rejects.toBeInstanceOf(NotFoundError);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ResourcePool", entityId: pool.SOC!.id, action: "pool.capacity" } });
    expect(audit.after).toEqual({ quarter: q, competence: "", hours: 280 });
  });

  it("refuses bad hours, quarters, unknown pools and initiatives, and closed or unassessed initiatives, writing nothing", async () => {
    const id = await initiative("APPROVED");
    const base = { initiativeId: id, poolId: pool.DIG!.id, quarter: current, hours: 10 };
    const before = [await count(), await audits(), (await db.initiative.findUniqueOrThrow({ where: { id } })).version];
    const issues = async (input: Record<string, unknown>) => ((await createAllocation(a.dig!, input).catch((e) => e)) as ValidationError).issues;
    expect(await issues({ ...base, hours: -5 })).toEqual([{ path: "hours", message: "atLeastOneHour" }]);
    expect(await issues({ ...base, hours: 0 })).toEqual([{ path: "hours", message: "atLeastOneHour" }]);
    expect(await issues({ ...base, hours: 2.5 })).toEqual([{ path: "hours", message: "notWhole" }]);
    expect(await issues({ ...base, hours: 10_001 })).toEqual([{ path: "hours", message: "tooLarge" }]);
    expect(await issues({ ...base, hours: "10" })).toEqual([{ path: "hours", message: "notANumber" }]);
    expect(await issues({ ...base, quarter: "2026-Q5" })).toEqual([{ path: "quarter", message: "invalidQuarter" }]);
    expect(await issues({ ...base, quarter: addQuarters(current, 21) })).toEqual([{ path: "quarter", message: "quarterOutOfRange" }]);
    expect(await issues({ ...base, quarter: addQuarters(current, -9) })).toEqual([{ path: "quarter", message: "quarterOutOfRange" }]);
    expect(await issues({ ...base, competence: "<script>" })).toEqual([{ path: "competence", message: "invalidCompetence" }]);
    expect(await issues({ ...base, extra: 1 })).toEqual([{ path: "", message: "unknownField" }]);
    expect(await issues({ ...base, poolId: "no-such-pool" })).toEqual([{ path: "poolId", message: "unknownPool" }]);
    expect(await issues({ ...base, initiativeId: "no-such-initiative" })).toEqual([{ path: "initiativeId", message: "unknownInitiative" }]);
    for (const status of ["DONE", "REJECTED", "CANCELLED", "DRAFT", "SUBMITTED"] as const) {
      expect(await failure(createAllocation(a.dig!, { ...base, initiativeId: await initiative(status) }))).toBe("409 NOT_ALLOCATABLE");
    }
    expect([await count(), await audits(), (await db.initiative.findUniqueOrThrow({ where: { id } })).version]).toEqual(before);
    // A triaged initiative may be planned tentatively.
    expect((await createAllocation(a.dig!, { ...base, initiativeId: await initiative("TRIAGED") })).allocation.hours).toBe(10);

    // Changing or removing an allocation of an initiative that has been closed is refused too.
    const closing = await createAllocation(a.dig!, { ...base, initiativeId: await initiative("IN_PROGRESS") });
    await db.initiative.update({ where: { id: closing.allocation.initiativeId }, data: { status: "DONE" } });
    expect(await failure(updateAllocation(a.dig!, closing.allocation.id, { hours: 99, version: 1 }))).toBe("409 NOT_ALLOCATABLE");
    expect(await failure(deleteAllocation(a.dig!, closing.allocation.id, { version: 1 }))).toBe("409 NOT_ALLOCATABLE");
    expect(await failure(updateAllocation(a.dig!, "no-such-allocation", { hours: 1, version: 1 }))).toBe("404 NOT_FOUND");
    expect(await failure(updateAllocation(a.dig!, closing.allocation.id, { hours: 1 }))).toBe("400 VALIDATION_FAILED");
    expect((await db.resourceAllocation.findUniqueOrThrow({ where: { id: closing.allocation.id } })).hours).toBe(10);
  });

  it("two simultaneous creates of the same cell: one wins, the other gets 409 with the winner's allocation", async () => {
    const id = await initiative("IN_PROGRESS");
    const input = (hours: number) => ({ initiativeId: id, poolId: pool.DIG!.id, quarter: current, competence: "utvecklare", hours });
    const results = await Promise.allSettled([createAllocation(a.dig!, input(100)), createAllocation(a.ledning!, input(200))]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason as ConflictError;
    expect(code(error)).toBe("409 ALLOCATION_EXISTS");
    const stored = await db.resourceAllocation.findMany({ where: { initiativeId: id } });
    expect(stored).toHaveLength(1);
    expect((error.details as { current: { hours: number; id: string } }).current).toMatchObject({ id: stored[0]!.id, hours: stored[0]!.hours });
    expect(await db.auditEvent.count({ where: { entityType: "ResourceAllocation", entityId: stored[0]!.id } })).toBe(1);
  });

  it("two simultaneous updates from the same version: one wins, the other gets 409 with the stored hours; nothing is lost", async () => {
    const id = await initiative("IN_PROGRESS");
    const { allocation } = await createAllocation(a.dig!, { initiativeId: id, poolId: pool.DIGITAL_CENTER!.id, quarter: current, hours: 50 });
    const results = await Promise.allSettled([
      updateAllocation(a.dig!, allocation.id, { hours: 60, version: 1 }),
      updateAllocation(a.ledning!, allocation.id, { hours: 70, version: 1 }),
    ]);
    const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof updateAllocation>>> => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(code(lost[0]!.reason)).toBe("409 VERSION_CONFLICT");
    const stored = await db.resourceAllocation.findUniqueOrThrow({ where: { id: allocation.id } });
    expect(stored).toMatchObject({ hours: won[0]!.value.allocation.hours, version: 2 });
    expect(((lost[0]!.reason as ConflictError).details as { current: { hours: number; version: number } }).current).toMatchObject({ hours: stored.hours, version: 2 });
    // The loser applies its change again on the version it was shown.
    await updateAllocation(a.ledning!, allocation.id, { hours: 75, version: 2 });
    expect(await failure(deleteAllocation(a.dig!, allocation.id, { version: 2 }))).toBe("409 VERSION_CONFLICT");
    expect((await db.resourceAllocation.findUniqueOrThrow({ where: { id: allocation.id } })).hours).toBe(75);
  });

  it("the first allocation sets missing planned quarters (version bumped, audited); later ones outside the plan warn and leave it", async () => {
    const id = await initiative("APPROVED");
    const q1 = addQuarters(current, 1);
    const first = await createAllocation(a.dig!, { initiativeId: id, poolId: pool.DIG!.id, quarter: q1, hours: 100 });
    expect(first.plan).toEqual({ start: q1, end: q1, changed: true });
    expect(first.warnings).toEqual([]);
    const after = await db.initiative.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ plannedStartQuarter: q1, plannedEndQuarter: q1, version: 2 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Initiative", entityId: id, action: "initiative.update" } });
    expect(audit.after).toEqual({ plannedStartQuarter: q1, plannedEndQuarter: q1 });
    const later = await createAllocation(a.dig!, { initiativeId: id, poolId: pool.DIG!.id, quarter: addQuarters(current, 3), hours: 100 });
    expect(later.plan).toEqual({ start: q1, end: q1, changed: false });
    expect(later.warnings).toEqual(["OUTSIDE_PLANNED_PERIOD"]);
    expect((await db.initiative.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    const section = await initiativeResources(a.insyn!, id);
    expect(section.allocations.map((x) => [x.quarter, x.outsidePlan])).toEqual([[q1, false], [addQuarters(current, 3), true]]);
    expect(section).toMatchObject({ allocatedHours: 200, unallocatedHours: 300, estimatedEffortHours: 500 });
    // Filtered lists for the API.
    const listed = await listAllocations(a.insyn!, { initiativeId: id, quarter: q1 });
    expect(listed.rows.map((r) => r.hours)).toEqual([100]);
    expect(listed.total).toBe(1);
  });
});

describeEachEngine("resources: demand against capacity from a hand-built municipality", (ctx) => {
  // "Now" is 2030-05-15: the current quarter is 2030-Q2.
  const now = new Date("2030-05-15T12:00:00Z");
  const viewer: Actor = { id: "viewer", role: "VIEWER", departmentId: null, name: "Viewer" };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = ctx.db.prisma;
    for (const d of ["SOC", "FG", "KLK"]) ids[d] = (await db.department.create({ data: { name: d, shortName: d } })).id;
    const pools: [string, "DIG" | "DIGITAL_CENTER" | "LOCAL", string | null, number | null][] = [
      ["DIG", "DIG", null, 1],
      ["DC", "DIGITAL_CENTER", null, null],
      ["SOC-pool", "LOCAL", ids.SOC!, 2],
      ["FG-pool", "LOCAL", ids.FG!, null],
    ];
    for (const [name, kind, departmentId, wipLimit] of pools) ids[name] = (await db.resourcePool.create({ data: { name, kind, departmentId, wipLimit } })).id;
    await db.poolCapacity.createMany({
      data: [
        { poolId: ids.DIG!, quarter: "2030-Q2", competence: "", hours: 1000 },
        { poolId: ids.DIG!, quarter: "2030-Q3", competence: "", hours: 900 },
        { poolId: ids.DIG!, quarter: "2030-Q3", competence: "utvecklare", hours: 600 },
        { poolId: ids.DIG!, quarter: "2030-Q3", competence: "projektledare", hours: 300 },
        { poolId: ids.DC!, quarter: "2030-Q2", competence: "", hours: 500 },
        { poolId: ids["SOC-pool"]!, quarter: "2030-Q2", competence: "", hours: 200 },
        { poolId: ids["SOC-pool"]!, quarter: "2030-Q3", competence: "", hours: 200 },
        { poolId: ids["FG-pool"]!, quarter: "2030-Q2", competence: "", hours: 100 },
      ],
    });
    const initiatives: [string, string, string, number | null, string | null][] = [
      ["A", "SOC", "APPROVED", 2000, null],
      ["B", "FG", "IN_PROGRESS", 800, null],
      ["C", "SOC", "IN_PROGRESS", null, null],
      ["D", "FG", "TRIAGED", 300, null],
      ["E", "KLK", "SUBMITTED", 400, "2030-Q3"],
      ["F", "SOC", "DONE", 100, null],
      ["G", "FG", "REJECTED", 50, null],
      ["H", "KLK", "TRIAGED", 200, "2029-Q1"],
      ["J", "KLK", "IN_PROGRESS", 400, null],
      ["K", "KLK", "IN_PROGRESS", 100, null],
      ["L", "FG", "NEEDS_INFO", 70, null],
    ];
    for (const [title, department, status, effort, desired] of initiatives) {
      ids[title] = (await db.initiative.create({ data: { title, ownerDepartmentId: ids[department]!, status: status as never, estimatedEffortHours: effort, desiredStartQuarter: desired } })).id;
    }
    const alloc: [string, string, string, string, number][] = [
      ["A", "DIG", "2030-Q2", "", 600],
      ["A", "DIG", "2030-Q3", "utvecklare", 300],
      ["A", "SOC-pool", "2030-Q2", "", 100],
      ["A", "DC", "2029-Q4", "", 100], // before the view: still counts as covered effort
      ["B", "DIG", "2030-Q2", "", 500],
      ["B", "SOC-pool", "2030-Q2", "", 150], // FG borrows from SOC
      ["B", "FG-pool", "2030-Q3", "", 50],
      ["C", "DC", "2030-Q2", "", 200],
      ["D", "DIG", "2030-Q2", "", 250], // awaiting decision
      ["F", "DIG", "2030-Q2", "", 999], // done: holds no capacity
      ["G", "SOC-pool", "2030-Q2", "", 40], // rejected: nothing
      ["J", "DIG", "2030-Q3", "projektledare", 100], // running, but nothing this quarter: starved
      ["K", "DIG", "2030-Q2", "", 50],
    ];
    await db.resourceAllocation.createMany({ data: alloc.map(([i, p, quarter, competence, hours]) => ({ initiativeId: ids[i]!, poolId: ids[p]!, quarter, competence, hours })) });
  });

  it("per pool and quarter: capacity, committed and awaiting demand, load and over-capacity, as computed by hand", async () => {
    const picture = await demandPicture(viewer, { quarters: 2, n: 2 }, now);
    expect(picture.currentQuarter).toBe("2030-Q2");
    expect(picture.quarters).toEqual(["2030-Q2", "2030-Q3"]);
    expect(picture.pools.map((p) => p.name)).toEqual(["DIG", "DC", "FG-pool", "SOC-pool"]);
    const cell = (pool: string, quarter: string) => {
      const { poolId: _p, quarter: _q, ...rest } = picture.cells.find((c) => c.poolId === ids[pool] && c.quarter === quarter)!;
      return rest;
    };
    // DIG Q2: A 600 + B 500 + K 50 = 1150 of 1000 → 115 %; D's 250 awaits a decision; F (done) is not counted.
    expect(cell("DIG", "2030-Q2")).toEqual({ capacity: 1000, committed: 1150, awaiting: 250, load: 115, over: true });
    // DIG Q3: capacity 600 + 300 = 900; A 300 + J 100 = 400 → 44 %.
    expect(cell("DIG", "2030-Q3")).toEqual({ capacity: 900, committed: 400, awaiting: 0, load: 44, over: false });
    expect(cell("DC", "2030-Q2")).toEqual({ capacity: 500, committed: 200, awaiting: 0, load: 40, over: false });
    expect(cell("DC", "2030-Q3")).toEqual({ capacity: 0, committed: 0, awaiting: 0, load: null, over: false });
    // SOC Q2: A 100 + B 150 = 250 of 200 → 125 %; G (rejected) not counted.
    expect(cell("SOC-pool", "2030-Q2")).toEqual({ capacity: 200, committed: 250, awaiting: 0, load: 125, over: true });
    expect(cell("SOC-pool", "2030-Q3")).toEqual({ capacity: 200, committed: 0, awaiting: 0, load: 0, over: false });
    expect(cell("FG-pool", "2030-Q2")).toEqual({ capacity: 100, committed: 0, awaiting: 0, load: 0, over: false });
    // 50 hours with no capacity recorded: over.
    expect(cell("FG-pool", "2030-Q3")).toEqual({ capacity: 0, committed: 50, awaiting: 0, load: null, over: true });

    // E (400, wants 2030-Q3) and H (200, wanted 2029-Q1 → now) have no allocations; L (70) names no quarter; D has allocations.
    expect(picture.awaitingUnallocated).toEqual({ byQuarter: { "2030-Q3": 400, "2030-Q2": 200 }, unscheduled: 70 });
    expect(picture.borrowed).toEqual(
      [
        { departmentId: ids.FG, departmentName: "FG", borrowed: 150, lent: 0 },
        { departmentId: ids.SOC, departmentName: "SOC", borrowed: 0, lent: 150 },
      ].sort((x, y) => x.departmentId!.localeCompare(y.departmentId!)),
    );
    // DIG this quarter: B and K running > limit 1.
    expect(picture.wip).toEqual([{ poolId: ids.DIG, inProgress: 2, limit: 1 }]);
  });

  it("the reinforcement estimate: unallocated approved effort against free central capacity over N quarters", async () => {
    // Backlog: A 2000 − 1100 = 900, B 800 − 700 = 100, J 400 − 100 = 300, K 100 − 50 = 50 → 1350; C has no estimate.
    // Central capacity: Q2 1000 + 500 = 1500; Q3 900 + 500 (DC carried forward) = 1400.
    // Central committed: Q2 1150 + 200 = 1350; Q3 400 + 0 = 400. Free: (150 + 1000) / 2 = 575.
    // Needed 1350 / 2 = 675 → 100 h per quarter = 0.25 FTE at 400 h → 0.3.
    const two = (await demandPicture(viewer, { n: 2 }, now)).reinforcement;
    expect(two).toEqual({ n: 2, quarters: ["2030-Q2", "2030-Q3"], backlogHours: 1350, unknownEffort: 1, neededPerQuarter: 675, freePerQuarter: 575, hoursPerQuarter: 100, fte: 0.3, hoursPerFte: 400 });
    // N = 1: 1350 − 150 = 1200 h = 3 FTE.
    expect((await demandPicture(viewer, { n: 1 }, now)).reinforcement).toMatchObject({ hoursPerQuarter: 1200, fte: 3 });
    // With 500 hours per FTE: 1200 / 500 = 2.4.
    const admin: Actor = { id: "admin", role: "ADMIN", departmentId: null, name: "Admin" };
    await updateResourceSettings({ ...admin, id: "token:test" }, { defaultWipLimit: 5, hoursPerFte: 500 });
    expect((await demandPicture(viewer, { n: 1 }, now)).reinforcement).toMatchObject({ hoursPerQuarter: 1200, fte: 2.4, hoursPerFte: 500 });
    expect(await resourceSettings()).toEqual({ defaultWipLimit: 5, hoursPerFte: 500 });
    const bad = await demandPicture(viewer, { n: 13 }, now).catch((e) => e);
    expect((bad as ValidationError).issues).toEqual([{ path: "n", message: "tooLarge" }]);
  });

  it("starved initiatives and a pool's competence grid", async () => {
    expect((await starved(viewer, now)).map((s) => s.title)).toEqual(["J"]);
    const view = await poolView(viewer, ids.DIG!, { quarters: 2 }, now);
    expect(view.competences).toEqual([
      { competence: "projektledare", cells: [{ quarter: "2030-Q2", capacity: 0, committed: 0, over: false }, { quarter: "2030-Q3", capacity: 300, committed: 100, over: false }] },
      { competence: "utvecklare", cells: [{ quarter: "2030-Q2", capacity: 0, committed: 0, over: false }, { quarter: "2030-Q3", capacity: 600, committed: 300, over: false }] },
    ]);
    expect(view.wip).toEqual({ inProgress: 2, limit: 1, own: true });
    // DIG allocations in 2030-Q2 and Q3: A×2, B, D, F, J, K = 7.
    expect(view.allocations.total).toBe(7);
  });

  it("sums effort past what an INTEGER holds, and refuses a pool page number that is no page", async () => {
    // 220 submitted initiatives at the 10,000,000-hour cap, wanted in one quarter: 2.2 billion hours.
    await ctx.db.prisma.initiative.createMany({
      data: Array.from({ length: 220 }, (_, n) => ({ title: `Stor ${n}`, ownerDepartmentId: ids.KLK!, status: "SUBMITTED" as const, estimatedEffortHours: 10_000_000, desiredStartQuarter: "2030-Q4" })),
    });
    const picture = await demandPicture(viewer, { quarters: 4, n: 2 }, now);
    expect(picture.awaitingUnallocated.byQuarter["2030-Q4"]).toBe(2_200_000_000);
    for (const page of ["1e309", "1e20", "0", "x"]) await expect(poolView(viewer, ids.DIG!, { page })).rejects.toBeInstanceOf(ValidationError);
    expect((await poolView(viewer, ids.DIG!, { quarters: 2, page: "1" }, now)).allocations.total).toBe(7);
  });
});

describe("resources test helpers", () => {
  it("failure() reports a refusal by status and code", async () => {
    expect(await failure(Promise.reject(new ConflictError("x", undefined, "NOT_ALLOCATABLE")))).toBe("409 NOT_ALLOCATABLE");
    expect(await failure(Promise.resolve(1))).toBe("resolved");
  });
});
