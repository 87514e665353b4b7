import { expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed/demo";
import { verifyCredentials } from "@/lib/server/users";
import { describeEachEngine } from "./engines";

const DEMO = [
  ["chef@demo.kommun.se", "DEPARTMENT_MANAGER", "Socialförvaltningen"],
  ["chef.skola@demo.kommun.se", "DEPARTMENT_MANAGER", "Förskola & Grundskola"],
  ["dig@demo.kommun.se", "DIG", "Kommunledningskontoret"],
  ["ledning@demo.kommun.se", "LEADERSHIP", "Kommunledningskontoret"],
  ["insyn@demo.kommun.se", "VIEWER", null],
  ["admin@demo.kommun.se", "ADMIN", null],
] as const;

describeEachEngine("demo municipality and sign-in", (ctx) => {
  it("seeds once, and a second run writes nothing", async () => {
    const first = await seedDemo(ctx.db.prisma);
    expect(first.seeded).toBe(true);
    expect(first.initiatives).toBeGreaterThanOrEqual(60);
    const again = await seedDemo(ctx.db.prisma);
    expect(again).toEqual({ seeded: false, initiatives: 0 });
    expect(await ctx.db.prisma.initiative.count()).toBe(first.initiatives);
  });

  it("covers every status, every PIOS quadrant, ten-odd departments and a company, five goals", async () => {
    const p = ctx.db.prisma;
    const statuses = await p.initiative.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(
      ["APPROVED", "CANCELLED", "DEFERRED", "DONE", "DRAFT", "IN_PROGRESS", "NEEDS_INFO", "PAUSED", "REJECTED", "SUBMITTED", "TRIAGED"],
    );
    const quadrants = await p.initiative.groupBy({ by: ["benefitRecipient", "nature"], _count: { _all: true } });
    expect(quadrants).toHaveLength(4);
    expect(await p.department.count({ where: { kind: "COMPANY" } })).toBeGreaterThanOrEqual(1);
    expect(await p.department.count()).toBeGreaterThanOrEqual(9);
    expect(await p.strategicGoal.count()).toBe(5);
    expect(await p.program.count()).toBe(2);
    expect(await p.resourceAllocation.count()).toBeGreaterThan(0);
    const meetings = await p.portfolioMeeting.findMany({ include: { _count: { select: { decisions: true } } } });
    expect(meetings.some((m) => m.status === "CLOSED" && m._count.decisions > 0)).toBe(true);
    const kinds = await p.triageAssessment.groupBy({ by: ["kind", "size"], _count: { _all: true } });
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(["INFRASTRUCTURE", "BUSINESS_DEVELOPMENT"]));
    expect(new Set(kinds.map((k) => k.size))).toEqual(new Set(["SMALL", "MEDIUM", "LARGE"]));
  });

  it("has exactly the six demo accounts, each signing in with password demo", async () => {
    for (const [email, role, department] of DEMO) {
      const user = await verifyCredentials(email, "demo");
      expect(user, email).not.toBeNull();
      expect(user!.role).toBe(role);
      expect(user!.departmentName).toBe(department);
    }
    expect(await ctx.db.prisma.user.count()).toBe(DEMO.length);
  });

  it("refuses a wrong password, an unknown account and a deactivated one alike", async () => {
    expect(await verifyCredentials("chef@demo.kommun.se", "wrong")).toBeNull();
    expect(await verifyCredentials("nobody@demo.kommun.se", "demo")).toBeNull();
    await ctx.db.prisma.user.update({ where: { email: "insyn@demo.kommun.se" }, data: { active: false } });
    expect(await verifyCredentials("insyn@demo.kommun.se", "demo")).toBeNull();
  });

  it("stores passwords only as bcrypt hashes", async () => {
    const users = await ctx.db.prisma.user.findMany({ select: { passwordHash: true } });
    for (const u of users) expect(u.passwordHash).toMatch(/^\$2[aby]\$10\$/);
  });
});
