// Conflicting edits from many clients at once: every acknowledged write is there, every refused
// one got 409, none is lost. 20 clients, 1,000 changes in all, to an initiative's fields,
// an allocation's hours and ranking moves (optimistic versions), and decisions on one agenda
// item (only one may stand), on both engines.
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { createAllocation, currentQuarter, updateAllocation } from "@/lib/server/resources";
import { createMeeting, decide } from "@/lib/server/meetings";
import { moveInRanking } from "@/lib/server/portfolio";
import { updateInitiative } from "@/lib/server/initiatives";
import { addQuarters } from "@/lib/domain/quarters";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

const CLIENTS = 20;
/** Per client and kind of change: 20 × 13 × 4 kinds = 1,040 changes. */
const ROUNDS = 13;

type Outcome = { ok: number; conflicts: number; acknowledged: { value: string | number; version: number }[] };

/** Each client reads the version, writes its own value; a 409 is a refusal, anything else fails the test. */
async function race(read: () => Promise<number>, write: (client: number, round: number, version: number) => Promise<{ value: string | number; version: number }>): Promise<Outcome> {
  const outcome: Outcome = { ok: 0, conflicts: 0, acknowledged: [] };
  // Settled, not all: a failing client must not leave the others writing after the test ends.
  const settled = await Promise.allSettled(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let round = 0; round < ROUNDS; round++) {
        const version = await read();
        try {
          outcome.acknowledged.push(await write(client, round, version));
          outcome.ok++;
        } catch (error) {
          if ((error as { status?: number }).status !== 409) throw error;
          outcome.conflicts++;
        }
      }
    }),
  );
  for (const s of settled) if (s.status === "rejected") throw s.reason;
  return outcome;
}

describeEachEngine("concurrent edits", (ctx) => {
  const a: Record<string, Actor> = {};
  const db = () => ctx.db.prisma;

  beforeAll(async () => {
    await seedDemo(db());
    for (const u of await db().user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
  });

  it("20 clients, 1,000 conflicting changes: every acknowledged write is present, every other one got 409", async () => {
    const dig = a.dig!;
    const ledning = a.ledning!;
    let total = 0;

    // An initiative's title: the last acknowledged write is what is stored, and the version counts every acknowledged one.
    const initiative = await db().initiative.findFirstOrThrow({ where: { status: "TRIAGED" } });
    const titles = await race(
      async () => (await db().initiative.findUniqueOrThrow({ where: { id: initiative.id } })).version,
      async (client, round, version) => {
        const value = `Samtidig ändring ${client}-${round}`;
        return { value, version: (await updateInitiative(a.admin!, initiative.id, { title: value, ownerDepartmentId: initiative.ownerDepartmentId, version })).version };
      },
    );
    const stored = await db().initiative.findUniqueOrThrow({ where: { id: initiative.id } });
    expect(stored.version).toBe(initiative.version + titles.ok);
    expect(stored.title).toBe(titles.acknowledged.sort((x, y) => y.version - x.version)[0]!.value);
    total += titles.ok + titles.conflicts;

    // An allocation's hours.
    const approved = await db().initiative.findFirstOrThrow({ where: { status: "APPROVED" } });
    const pool = await db().resourcePool.findFirstOrThrow({ where: { kind: "DIG" } });
    const created = (await createAllocation(dig, { initiativeId: approved.id, poolId: pool.id, quarter: addQuarters(currentQuarter(), 1), competence: "samtidighet", hours: 1 })).allocation;
    const hours = await race(
      async () => (await db().resourceAllocation.findUniqueOrThrow({ where: { id: created.id } })).version,
      async (client, round, version) => {
        const value = 10 + client * 100 + round;
        return { value, version: (await updateAllocation(dig, created.id, { hours: value, version })).allocation.version };
      },
    );
    const allocation = await db().resourceAllocation.findUniqueOrThrow({ where: { id: created.id } });
    expect(allocation.version).toBe(1 + hours.ok);
    expect(allocation.hours).toBe(hours.acknowledged.sort((x, y) => y.version - x.version)[0]!.value);
    total += hours.ok + hours.conflicts;

    // Ranking moves of one initiative: each acknowledged move pinned it where its client put it.
    const ranked = await db().initiative.findFirstOrThrow({ where: { status: "IN_PROGRESS" } });
    const moves = await race(
      async () => (await db().initiative.findUniqueOrThrow({ where: { id: ranked.id } })).version,
      async (client, round, version) => {
        const value = 1 + ((client + round) % 5);
        return { value, version: (await moveInRanking(ledning, ranked.id, { position: value, rationale: `Samtidig flytt ${client}-${round}`, version })).version };
      },
    );
    const moved = await db().initiative.findUniqueOrThrow({ where: { id: ranked.id } });
    expect(moved.version).toBe(ranked.version + moves.ok);
    expect(moved.rank).toBe(moves.acknowledged.sort((x, y) => y.version - x.version)[0]!.value);
    total += moves.ok + moves.conflicts;

    // Decisions on one agenda item: whatever the type, one stands and the others are refused.
    const meeting = await createMeeting(ledning, { title: "Samtidiga beslut", date: "2026-11-26", registryNumber: "KS 2026/0700", participants: "Per Håkansson" });
    const onAgenda = (await db().agendaItem.findFirstOrThrow({ where: { meetingId: meeting.id }, include: { initiative: true } })).initiative;
    const decisions = await race(
      async () => (await db().initiative.findUniqueOrThrow({ where: { id: onAgenda.id } })).version,
      async (client, round, version) => {
        const type = client % 2 ? "APPROVE" : "DEFER";
        const result = await decide(ledning, meeting.id, { initiativeId: onAgenda.id, type, rationale: `Beslut ${client}-${round}`, version });
        return { value: type, version: result.version };
      },
    );
    expect(decisions.ok).toBe(1);
    const recorded = await db().decision.findMany({ where: { meetingId: meeting.id, initiativeId: onAgenda.id } });
    expect(recorded.map((d) => d.type)).toEqual([decisions.acknowledged[0]!.value]);
    total += decisions.ok + decisions.conflicts;

    console.info(`[concurrent edits] ${total} changes: titles ${titles.ok} acknowledged/${titles.conflicts} refused, hours ${hours.ok}/${hours.conflicts}, moves ${moves.ok}/${moves.conflicts}, decisions ${decisions.ok}/${decisions.conflicts}; 0 lost`);
    expect(total).toBe(4 * CLIENTS * ROUNDS);
    expect(total).toBeGreaterThanOrEqual(1000);
  }, 300_000);
});
