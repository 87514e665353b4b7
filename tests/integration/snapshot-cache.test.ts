import { expect, it } from "vitest";
import { cachedOutsideTransaction, cachedUntilWrite } from "@/lib/server/snapshot-cache";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeEachEngine } from "./engines";
import { contextCollectedAfter } from "../support/collectable";

describeEachEngine("figures kept until the next write", (ctx) => {
  it("computes once per state of the database, again after a write", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cachedUntilWrite("counter", compute)).toBe(1);
    expect(await cachedUntilWrite("counter", compute)).toBe(1);
    await ctx.db.prisma.setting.upsert({ where: { key: "test.touch" }, create: { key: "test.touch", value: 1 }, update: { value: 2 } });
    expect(await cachedUntilWrite("counter", compute)).toBe(2);
  });

  it("keeps at most 500 figures: keys from requests cannot make it grow without bound", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    await cachedUntilWrite("first", compute);
    for (let i = 0; i < 500; i++) await cachedUntilWrite(`key ${i}`, compute);
    expect(computed).toBe(501);
    // The newest are kept; the oldest made room.
    await cachedUntilWrite("key 499", compute);
    expect(computed).toBe(501);
    await cachedUntilWrite("first", compute);
    expect(computed).toBe(502);
  });

  it("reads afresh inside a transaction, which may have written what it reads; outside, keeps it until the next write", async () => {
    let reads = 0;
    const read = async (db: Prisma.TransactionClient) => (reads++, (await db.setting.findUnique({ where: { key: "test.lookup" } }))?.value ?? null);
    await ctx.db.prisma.setting.deleteMany({ where: { key: "test.lookup" } });
    expect(await cachedOutsideTransaction("lookup", prisma, read)).toBeNull();
    expect(await cachedOutsideTransaction("lookup", prisma, read)).toBeNull();
    expect(reads).toBe(1);
    const inside = await ctx.db.prisma.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: "test.lookup", value: 7 } });
      return cachedOutsideTransaction("lookup", tx, read);
    });
    expect([inside, reads]).toEqual([7, 2]);
    expect(await cachedOutsideTransaction("lookup", prisma, read)).toBe(7);
  });

  it("keeps the figure, not the async context (Next's request render) it was computed in", async () => {
    let computed = 0;
    const compute = async () => ({ figure: ++computed });
    expect(await contextCollectedAfter(() => cachedUntilWrite("context", compute))).toBe(true);
    // Still kept: the second caller gets the first computation.
    expect(await cachedUntilWrite("context", compute)).toEqual({ figure: 1 });
    expect(computed).toBe(1);
  });
});
