import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { quarterOfDate } from "@/lib/domain/quarters";
import { byStart, groupRows, placeBar, roadmapWindow, type Bar, type Group } from "@/lib/domain/roadmap";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ROADMAP_DEFAULT_STATUSES, ROADMAP_PAGE_SIZE, type RoadmapFilter } from "@/lib/validation/programs";
import { cachedUntilWrite } from "./snapshot-cache";

// Only what a bar and its table row show.
const ROW_SELECT = {
  id: true,
  number: true,
  title: true,
  status: true,
  plannedStartQuarter: true,
  plannedEndQuarter: true,
  desiredStartQuarter: true,
  ownerDepartment: { select: { id: true, name: true } },
  program: { select: { id: true, name: true } },
} satisfies Prisma.InitiativeSelect;

type Row = Prisma.InitiativeGetPayload<{ select: typeof ROW_SELECT }>;
export type RoadmapRow = Omit<Row, "ownerDepartment"> & { department: Row["ownerDepartment"]; bar: Bar | null };

export type Roadmap = {
  quarters: string[];
  from: string;
  to: string;
  groupBy: "program" | "department";
  statuses: string[];
  groups: Group<RoadmapRow>[];
  /** Initiatives without any quarter (neither planned nor desired), bounded. */
  unscheduled: RoadmapRow[];
  unscheduledTotal: number;
  /** Scheduled initiatives in the window (all pages). */
  total: number;
  /** Matching initiatives whose quarters lie wholly outside the window. */
  outside: number;
  page: number;
  pages: number;
};

const UNSCHEDULED_LIMIT = 50;

/**
 * The roadmap: initiatives as bars over a window of quarters, grouped by program or
 * department. Defaults to the active portfolio and eight quarters from now; the window
 * is filtered in the database and the page bounded, so it stays fast with thousands.
 */
export async function roadmap(actor: Actor, filter: Partial<RoadmapFilter>, now = new Date(), pageSize = ROADMAP_PAGE_SIZE): Promise<Roadmap> {
  authorize(actor, "portfolio.read");
  const window = roadmapWindow(quarterOfDate(now), filter.from, filter.to);
  const statuses = filter.status?.length ? filter.status : [...ROADMAP_DEFAULT_STATUSES];
  const groupBy = filter.groupBy ?? "program";
  // Read far more often than the portfolio is written: kept until the next write, per view.
  const key = JSON.stringify([window.from, window.to, statuses, groupBy, filter.department ?? null, filter.program ?? null, filter.page ?? 1, pageSize]);
  return cachedUntilWrite(`roadmap:${key}`, () => loadRoadmap(window, statuses, groupBy, filter, pageSize));
}

async function loadRoadmap(window: ReturnType<typeof roadmapWindow>, statuses: NonNullable<RoadmapFilter["status"]>, groupBy: NonNullable<RoadmapFilter["groupBy"]>, filter: Partial<RoadmapFilter>, pageSize: number): Promise<Roadmap> {
  const base: Prisma.InitiativeWhereInput = {
    status: { in: statuses },
    ...(filter.department ? { ownerDepartmentId: filter.department } : {}),
    ...(filter.program ? { programId: filter.program } : {}),
  };
  // "YYYY-Qn" strings order like the quarters they name, so the window is a string range.
  const inWindow: Prisma.InitiativeWhereInput = {
    AND: [
      base,
      {
        OR: [
          { plannedStartQuarter: { lte: window.to }, plannedEndQuarter: { gte: window.from } },
          { plannedStartQuarter: { gte: window.from, lte: window.to }, plannedEndQuarter: null },
          { plannedStartQuarter: null, desiredStartQuarter: { gte: window.from, lte: window.to } },
        ],
      },
    ],
  };
  const unscheduledWhere: Prisma.InitiativeWhereInput = { AND: [base, { plannedStartQuarter: null, plannedEndQuarter: null, desiredStartQuarter: null }] };
  const order: Prisma.InitiativeOrderByWithRelationInput[] = [
    groupBy === "program" ? { program: { name: "asc" } } : { ownerDepartment: { name: "asc" } },
    { plannedStartQuarter: { sort: "asc", nulls: "last" } },
    { desiredStartQuarter: { sort: "asc", nulls: "last" } },
    { number: "asc" },
  ];
  const [all, total, unscheduledRows, unscheduledTotal] = await Promise.all([
    prisma.initiative.count({ where: base }),
    prisma.initiative.count({ where: inWindow }),
    prisma.initiative.findMany({ where: unscheduledWhere, orderBy: { number: "asc" }, take: UNSCHEDULED_LIMIT, select: ROW_SELECT }),
    prisma.initiative.count({ where: unscheduledWhere }),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page ?? 1, pages);
  const rows = await prisma.initiative.findMany({ where: inWindow, orderBy: order, skip: (page - 1) * pageSize, take: pageSize, select: ROW_SELECT });

  const toRow = (r: Row): RoadmapRow => {
    const { ownerDepartment, ...rest } = r;
    const placed = placeBar(r, window);
    return { ...rest, department: ownerDepartment, bar: "bar" in placed ? placed.bar : null };
  };
  // A stored plan that ends before it starts matches the window query but may not place: leave it out.
  const placed = rows.map(toRow).filter((r) => r.bar);
  const groups = groupRows(
    placed,
    (r) => (groupBy === "program" ? (r.program ? { key: r.program.id, label: r.program.name } : null) : { key: r.department.id, label: r.department.name }),
    "",
  ).map((g) => ({ ...g, rows: [...g.rows].sort(byStart) }));
  return {
    quarters: window.quarters,
    from: window.from,
    to: window.to,
    groupBy,
    statuses,
    groups,
    unscheduled: unscheduledRows.map(toRow),
    unscheduledTotal,
    total,
    outside: Math.max(0, all - total - unscheduledTotal),
    page,
    pages,
  };
}
