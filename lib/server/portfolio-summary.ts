import "server-only";
import { prisma } from "@/lib/db";

export type PortfolioSummary = { total: number; awaitingTriage: number; approvedNotStarted: number; inProgress: number };

/** Headline numbers for the home page: one grouped query. */
export async function portfolioSummary(): Promise<PortfolioSummary> {
  const groups = await prisma.initiative.groupBy({ by: ["status"], _count: { _all: true } });
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
  return {
    total: groups.reduce((sum, g) => sum + g._count._all, 0),
    awaitingTriage: count("SUBMITTED"),
    approvedNotStarted: count("APPROVED"),
    inProgress: count("IN_PROGRESS"),
  };
}
