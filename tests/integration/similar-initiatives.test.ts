import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { findSimilar } from "@/lib/domain/similarity";
import { createInitiative, updateInitiative } from "@/lib/server/initiatives";
import { similarInitiatives } from "@/lib/server/similar-initiatives";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

describeEachEngine("similar initiatives", (ctx) => {
  const a: Record<string, Actor> = {};

  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    for (const u of await ctx.db.prisma.user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
  });

  /** The answer computed from scratch: every non-cancelled initiative read and scored now. */
  async function direct(query: { title: string; need: string; excludeId?: string }) {
    const all = await ctx.db.prisma.initiative.findMany({ where: { status: { not: "CANCELLED" } }, select: { id: true, title: true, need: true } });
    return findSimilar(query, all, { excludeId: query.excludeId, limit: 5 });
  }

  it("finds what scoring every initiative afresh finds, with what the list shows read from the database", async () => {
    const samples = await ctx.db.prisma.initiative.findMany({ orderBy: { number: "asc" }, take: 6, select: { id: true, title: true, need: true } });
    const queries = [
      ...samples.map((s) => ({ title: s.title, need: s.need, excludeId: s.id })),
      { title: "E-tjänst för bygglov", need: "Invånare ska kunna söka bygglov digitalt och följa ärendet." },
    ];
    let found = 0;
    for (const query of queries) {
      const kept = await similarInitiatives(a.insyn!, query);
      const fresh = await direct(query);
      expect(kept.map((m) => m.id)).toEqual(fresh.map((m) => m.id));
      kept.forEach((m, i) => expect(m.score).toBeCloseTo(fresh[i]!.score, 6));
      for (const m of kept) {
        const row = await ctx.db.prisma.initiative.findUniqueOrThrow({ where: { id: m.id }, include: { ownerDepartment: true } });
        expect([m.number, m.title, m.status, m.department]).toEqual([row.number, row.title, row.status, row.ownerDepartment.name]);
      }
      found += kept.length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it("follows writes: a new initiative is found, a changed text is found by its new words only, a cancelled one is gone", async () => {
    const sauna = { title: "Bokning av bastu i simhallen via webben", need: "Besökare ska kunna boka bastun i simhallen på webben och betala direkt." };
    const sledge = { title: "Uthyrning av pulkor och skidor", need: "Barnfamiljer ska kunna hyra pulkor och skidor i fritidsbanken digitalt." };
    expect((await similarInitiatives(a.insyn!, sauna)).map((m) => m.title)).not.toContain(sauna.title);

    const base = { ownerDepartmentId: a.chef!.departmentId!, benefitRecipient: "EXTERNAL", nature: "EFFICIENCY" };
    const { id } = await createInitiative(a.chef!, { ...base, ...sauna });
    expect((await similarInitiatives(a.insyn!, sauna)).map((m) => m.id)).toContain(id);

    await updateInitiative(a.chef!, id, { ...base, ...sledge, version: 1 });
    expect((await similarInitiatives(a.insyn!, sauna)).map((m) => m.id)).not.toContain(id);
    const bySledge = await similarInitiatives(a.insyn!, sledge);
    expect(bySledge.map((m) => m.id)).toContain(id);
    expect(bySledge.find((m) => m.id === id)!.title).toBe(sledge.title);

    await ctx.db.prisma.initiative.update({ where: { id }, data: { status: "CANCELLED" } });
    expect((await similarInitiatives(a.insyn!, sledge)).map((m) => m.id)).not.toContain(id);
    expect(await similarInitiatives(a.insyn!, sledge)).toEqual(await similarInitiatives(a.insyn!, sledge));
  });
});
