import { expect, it } from "vitest";
import { cachedUntilWrite } from "@/lib/server/snapshot-cache";
import { describeEachEngine } from "./engines";

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
});
