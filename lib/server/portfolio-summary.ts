import "server-only";
import { prisma } from "@/lib/db";
import { cachedUntilWrite } from "./snapshot-cache";

export type PortfolioSummary = { total: number; awaitingTriage: number; approvedNotStarted: number; inProgress: number };

/** Headline numbers for the home page: one grouped query over every initiative, kept until the next write. */
export function portfolioSummary(): Promise<PortfolioSummary> {
  return cachedUntilWrite("portfolioSummary", computeSummary);
}

async function computeSummary(): Promise<PortfolioSummary> {
  const groups = await prisma.initiative.groupBy({ by: ["status"], _count: { _all: true } });
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
  return {
    total: groups.reduce((sum, g) => sum + g._count._all, 0),
    awaitingTriage: count("SUBMITTED"),
    approvedNotStarted: count("APPROVED"),
    inProgress: count("IN_PROGRESS"),
  };
}
