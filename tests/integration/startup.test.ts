import { expect, it } from "vitest";
import { prepareDatabase } from "@/lib/server/startup";
import { describeEachEngine } from "./engines";

describeEachEngine("startup", (ctx) => {
  it("migrates, and seeds demo users on the embedded database only", async () => {
    const lines: string[] = [];
    await prepareDatabase((line) => lines.push(line));
    expect(lines.at(-1)).toMatch(/database ready/);
    const users = await ctx.db.prisma.user.count();
    if (ctx.engine === "embedded PGlite") expect(users).toBe(6);
    else expect(users).toBe(0);
    // A second start changes nothing.
    await prepareDatabase(() => undefined);
    expect(await ctx.db.prisma.user.count()).toBe(users);
  });
});
