import { describe, expect, it } from "vitest";
import { serialQueue } from "@/lib/server/serial";
import { contextCollectedAfter } from "../support/collectable";

describe("a queue of one task at a time", () => {
  it("starts each task after the ones asked before it have settled, failed ones included", async () => {
    const run = serialQueue();
    const events: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      events.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([run(task("a", 20)), run(task("b", 5, true)), run(task("c", 1))]);
    expect(events).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["a", "b", "c"]);
  });

  it("keeps nothing of the last caller's async context once idle", async () => {
    const run = serialQueue();
    expect(await contextCollectedAfter(() => run(async () => "done"))).toBe(true);
    expect(await run(async () => "next")).toBe("next");
  });
});
