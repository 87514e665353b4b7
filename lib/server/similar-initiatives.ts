import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { findSimilar } from "@/lib/domain/similarity";
import { z } from "zod";
import { parseInput } from "./errors";

const similarQuery = z.object({ title: z.string().max(200), need: z.string().max(5000), excludeId: z.string().max(64).optional() });

export type SimilarInitiative = { id: string; number: number; title: string; department: string; status: string; score: number };

/** Initiatives from any department that look like this one (text similarity in lib/domain). */
export async function similarInitiatives(actor: Actor, input: unknown): Promise<SimilarInitiative[]> {
  authorize(actor, "initiative.read");
  const { title, need, excludeId } = parseInput(similarQuery, input);
  if (title.trim().length + need.trim().length < 8) return [];
  const candidates = await prisma.initiative.findMany({
    where: { status: { notIn: ["CANCELLED"] } },
    select: { id: true, number: true, title: true, need: true, status: true, ownerDepartment: { select: { name: true } } },
  });
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return findSimilar({ title, need }, candidates, { excludeId, limit: 5 }).map((m) => {
    const c = byId.get(m.id)!;
    return { id: c.id, number: c.number, title: c.title, department: c.ownerDepartment.name, status: c.status, score: m.score };
  });
}
