import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { database, prisma, type Database } from "@/lib/db";
import { findSimilarAmong, prepareDoc, type PreparedDoc } from "@/lib/domain/similarity";
import { z } from "zod";
import { parseInput } from "./errors";
import { anyText } from "./sql";
import { serialQueue } from "./serial";
import { databaseSnapshot } from "./snapshot-cache";
import { Prisma } from "@/lib/generated/prisma/client";

const similarQuery = z.object({ title: z.string().max(200), need: z.string().max(5000), excludeId: z.string().max(64).optional() });

export type SimilarInitiative = { id: string; number: number; title: string; department: string; status: string; score: number };

/** Initiatives from any department that look like this one (text similarity in lib/domain). */
export async function similarInitiatives(actor: Actor, input: unknown): Promise<SimilarInitiative[]> {
  authorize(actor, "initiative.read");
  const { title, need, excludeId } = parseInput(similarQuery, input);
  if (title.trim().length + need.trim().length < 8) return [];
  const matches = findSimilarAmong((await preparedCandidates()).values(), { title, need }, { excludeId, limit: 5 });
  if (!matches.length) return [];
  // What the list shows is read fresh; only the texts' vectors are kept.
  const rows = await prisma.initiative.findMany({
    where: { id: { in: matches.map((m) => m.id) } },
    select: { id: true, number: true, title: true, status: true, ownerDepartment: { select: { name: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return matches.flatMap((m) => {
    const c = byId.get(m.id);
    return c ? [{ id: c.id, number: c.number, title: c.title, department: c.ownerDepartment.name, status: c.status, score: m.score }] : [];
  });
}

// Every non-cancelled initiative is a candidate: reading all their texts and computing their
// vectors on every call (each initiative's page, triage, the new-initiative form) grew with the
// whole portfolio (about 0.1 s at 2,000 initiatives, seconds at 50,000). The vectors are kept per
// database with each initiative's updatedAt; when the database has changed, only the ids and
// timestamps are read, and the texts of initiatives new or changed since.
type Candidates = { snapshot: string | null; stamps: Map<string, number>; docs: Map<string, PreparedDoc>; refreshes: ReturnType<typeof serialQueue> };
const kept = new WeakMap<Database, Candidates>();
const TEXTS_PER_QUERY = 1_000;

/**
 * Builds the kept vectors ahead of the first caller (at server start): at 50,000 initiatives
 * that takes seconds, which the first person to open an initiative after a restart would wait.
 */
export async function warmSimilarInitiatives(): Promise<void> {
  await preparedCandidates();
}

async function preparedCandidates(): Promise<Map<string, PreparedDoc>> {
  const db = database();
  let state = kept.get(db);
  if (!state) kept.set(db, (state = { snapshot: null, stamps: new Map(), docs: new Map(), refreshes: serialQueue() }));
  const current = state;
  // One refresh at a time; a caller waiting on another's refresh then checks the snapshot itself.
  await current.refreshes(async () => {
    const snapshot = await databaseSnapshot();
    if (snapshot !== current.snapshot) {
      await refresh(current);
      current.snapshot = snapshot;
    }
  });
  // Scored synchronously, before any later refresh can change it.
  return current.docs;
}

async function refresh({ stamps: known, docs }: Candidates): Promise<void> {
  const stamps = await prisma.$queryRaw<{ id: string; updatedAt: Date }[]>(Prisma.sql`
    SELECT "id", "updatedAt" FROM "Initiative" WHERE "status" <> 'CANCELLED'`);
  const present = new Set(stamps.map((s) => s.id));
  for (const id of known.keys()) if (!present.has(id)) (known.delete(id), docs.delete(id));
  const stale = stamps.filter((s) => known.get(s.id) !== s.updatedAt.getTime());
  for (let i = 0; i < stale.length; i += TEXTS_PER_QUERY) {
    const part = stale.slice(i, i + TEXTS_PER_QUERY);
    const at = new Map(part.map((s) => [s.id, s.updatedAt.getTime()]));
    const texts = await prisma.$queryRaw<{ id: string; title: string; need: string }[]>(Prisma.sql`
      SELECT "id", "title", "need" FROM "Initiative" WHERE "id" ${anyText(part.map((s) => s.id))}`);
    for (const t of texts) {
      docs.set(t.id, prepareDoc(t));
      known.set(t.id, at.get(t.id)!);
    }
  }
}
