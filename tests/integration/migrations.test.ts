import { expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "@/lib/database/migrate";
import { pgliteConnection } from "@/lib/database/adapters";
import { openEmbedded } from "@/lib/database/adapters";
import { describeEachEngine } from "./engines";

describeEachEngine("migrations", (ctx) => {
  it("records every migration with Prisma's bookkeeping and applies nothing twice", async () => {
    const rows = await ctx.db.prisma.$queryRaw<{ migration_name: string; checksum: string }[]>`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    expect(await ctx.db.migrate()).toEqual([]);
  });

  it("stores an initiative with integer money, hours, quarters and a version", async () => {
    const dep = await ctx.db.prisma.department.create({ data: { name: "Testförvaltningen", shortName: "TF" } });
    const created = await ctx.db.prisma.initiative.create({
      data: {
        title: "E-tjänst för ÄRENDEN",
        need: "Invånare vill följa sina ärenden",
        benefitRecipient: "EXTERNAL",
        nature: "EFFICIENCY",
        ownerDepartmentId: dep.id,
        estimatedCostSek: 1_250_000,
        estimatedEffortHours: 800,
        desiredStartQuarter: "2027-Q1",
      },
    });
    expect(created.version).toBe(1);
    expect(created.status).toBe("DRAFT");
    expect(created.number).toBeGreaterThan(0);
    // Case-insensitive Swedish search works on both engines.
    const found = await ctx.db.prisma.initiative.findMany({ where: { title: { contains: "ärenden", mode: "insensitive" } } });
    expect(found.map((i) => i.id)).toEqual([created.id]);
    await expect(ctx.db.prisma.initiative.create({ data: { ...created, id: undefined, number: created.number } as never })).rejects.toThrow();
  });

  it("rolls back an interactive transaction completely", async () => {
    const before = await ctx.db.prisma.department.count();
    await expect(
      ctx.db.prisma.$transaction(async (tx) => {
        await tx.department.create({ data: { name: "Halvskriven förvaltning", shortName: "HF" } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await ctx.db.prisma.department.count()).toBe(before);
  });
});

it("refuses a migration that changed after it was applied", async () => {
  const pglite = openEmbedded("memory://");
  const conn = pgliteConnection(pglite);
  const original = [{ name: "001_a", sql: "CREATE TABLE a (id int);", checksum: "x1" }];
  expect(await migrate(conn, original)).toEqual(["001_a"]);
  await expect(migrate(conn, [{ ...original[0]!, checksum: "x2" }])).rejects.toThrow(MigrationError);
  // A failing migration leaves nothing behind.
  await expect(migrate(conn, [...original, { name: "002_b", sql: "CREATE TABLE b (id int); SELECT nope;", checksum: "y" }])).rejects.toThrow(/002_b failed/);
  const tables = await conn.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_name IN ('a','b')");
  expect(tables.map((t) => t.table_name)).toEqual(["a"]);
  await pglite.close();
});
