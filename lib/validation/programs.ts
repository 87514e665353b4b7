// Programs, the roadmap and an initiative's plan and delivery steps: input schemas shared by
// forms, server actions and the API, and the API's response shapes. Messages are i18n keys.
import { z } from "zod";
import { PROGRESS_TARGETS } from "@/lib/domain/lifecycle";
import { quarterIndex } from "@/lib/domain/roadmap";
import { id, optionalText, quarter, text, version } from "./common";
import { INITIATIVE_STATUSES } from "./initiative";

export const PROGRAM_LIMITS = { name: 120, targetState: 4000, council: 50, goals: 20, initiatives: 200, reason: 2000 } as const;

const uniqueIds = (max: number) =>
  z
    .array(id)
    .max(max, { message: "tooMany" })
    .refine((ids) => new Set(ids).size === ids.length, { message: "duplicate" })
    .default([]);

export const programInput = z
  .object({
    name: text(PROGRAM_LIMITS.name, 3),
    targetState: text(PROGRAM_LIMITS.targetState, 10),
    leaderId: z.preprocess((v) => (v === "" ? null : v), id.nullable().default(null)),
    councilIds: uniqueIds(PROGRAM_LIMITS.council),
    goalIds: uniqueIds(PROGRAM_LIMITS.goals),
  })
  .strict();
export type ProgramFields = z.infer<typeof programInput>;

/** An edit names the program's `updatedAt` it read, so a concurrent edit is not overwritten. */
export const updateProgramInput = programInput
  .extend({ updatedAt: z.iso.datetime({ message: "versionRequired" }).meta({ description: "The program's updatedAt as read; a newer one gives 409" }) })
  .strict();

export const programMembershipInput = z
  .object({ initiativeIds: z.array(id).min(1, { message: "required" }).max(PROGRAM_LIMITS.initiatives, { message: "tooMany" }) })
  .strict();


/** Moves one initiative into a program (from none or another one), or out of it with null. */
export const initiativeProgramInput = z.object({ programId: id.nullable(), version }).strict();

const nullableQuarter = z.preprocess((v) => (v === "" || v === undefined ? null : v), quarter.nullable());

export const planInput = z
  .object({ plannedStartQuarter: nullableQuarter, plannedEndQuarter: nullableQuarter, version })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.plannedStartQuarter === null) !== (v.plannedEndQuarter === null)) {
      const path = v.plannedStartQuarter === null ? "plannedStartQuarter" : "plannedEndQuarter";
      ctx.addIssue({ code: "custom", path: [path], message: "required" });
    } else if (v.plannedStartQuarter && v.plannedEndQuarter && quarterIndex(v.plannedEndQuarter)! < quarterIndex(v.plannedStartQuarter)!) {
      ctx.addIssue({ code: "custom", path: ["plannedEndQuarter"], message: "endBeforeStart" });
    }
  });

export const transitionInput = z
  .object({
    to: z.enum(PROGRESS_TARGETS, { message: "invalidOption" }),
    reason: optionalText(PROGRAM_LIMITS.reason),
    version,
  })
  .strict();

// ---- The roadmap's filter (URL and API query) --------------------------------------

export const ROADMAP_DEFAULT_STATUSES = ["APPROVED", "IN_PROGRESS", "PAUSED"] as const;
/** Statuses a roadmap can show: from triaged (awaiting decision) to finished. */
export const ROADMAP_STATUSES = ["TRIAGED", "APPROVED", "IN_PROGRESS", "PAUSED", "DONE", "DEFERRED"] as const;
export const ROADMAP_PAGE_SIZE = 50;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const statusList = z.preprocess(
  (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : String(v).split(",")).filter(Boolean)),
  z.array(z.enum(ROADMAP_STATUSES)).min(1).optional(),
);

export const roadmapFilter = z.object({
  groupBy: z.preprocess(one, z.enum(["program", "department"]).catch("program").default("program")),
  status: statusList.catch(undefined),
  department: z.preprocess(one, id.optional()).catch(undefined),
  program: z.preprocess(one, id.optional()).catch(undefined),
  from: z.preprocess(one, quarter.optional()).catch(undefined),
  to: z.preprocess(one, quarter.optional()).catch(undefined),
  view: z.preprocess(one, z.enum(["timeline", "table"]).catch("timeline").default("timeline")),
  page: z.preprocess((v) => Number(one(v) ?? 1), z.number().int().min(1).max(10_000).catch(1)),
});
export type RoadmapFilter = z.infer<typeof roadmapFilter>;

/** A roadmap filter from URL search params or a query object; bad values fall back to defaults. */
export function parseRoadmapFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): RoadmapFilter {
  const entries: Record<string, string | string[] | undefined> = {};
  if (params instanceof URLSearchParams) {
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      entries[key] = all.length > 1 ? all : all[0];
    }
  } else Object.assign(entries, params);
  return roadmapFilter.parse(entries);
}

export function roadmapSearchParams(f: Partial<RoadmapFilter>): string {
  const p = new URLSearchParams();
  if (f.groupBy && f.groupBy !== "program") p.set("groupBy", f.groupBy);
  for (const s of f.status ?? []) p.append("status", s);
  if (f.department) p.set("department", f.department);
  if (f.program) p.set("program", f.program);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.view && f.view !== "timeline") p.set("view", f.view);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  return p.toString();
}

// ---- API responses ------------------------------------------------------------------

const ref = z.object({ id: z.string(), name: z.string() });
const status = z.enum(INITIATIVE_STATUSES);

const totals = z.object({
  count: z.number().int(),
  counted: z.number().int().meta({ description: "Initiatives in the sums: all but rejected and cancelled" }),
  costSek: z.number().int(),
  effortHours: z.number().int(),
  benefitSekPerYear: z.number().int(),
  benefitHoursPerYear: z.number().int(),
  unknownCost: z.number().int(),
  unknownEffort: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  doneShare: z.number().nullable(),
});

export const programSummary = z
  .object({ id: z.string(), name: z.string(), targetState: z.string(), leader: ref.nullable(), updatedAt: z.string().meta({ format: "date-time" }), totals })
  .meta({ id: "ProgramSummary" });
export const programList = z.object({ data: z.array(programSummary) }).meta({ id: "ProgramList" });

export const programDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    targetState: z.string(),
    leader: ref.nullable(),
    council: z.array(ref),
    goals: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
    updatedAt: z.string().meta({ format: "date-time" }),
    totals,
    initiatives: z.array(
      z.object({
        id: z.string(), number: z.number().int(), title: z.string(), status, department: ref, programId: z.string(),
        estimatedCostSek: z.number().int().nullable(), estimatedEffortHours: z.number().int().nullable(),
        plannedStartQuarter: z.string().nullable(), plannedEndQuarter: z.string().nullable(), desiredStartQuarter: z.string().nullable(),
        benefitSek: z.number().int().nullable(), benefitHours: z.number().int().nullable(), version: z.number().int(),
      }),
    ),
  })
  .meta({ id: "Program" });

export const programSaved = z.object({ data: z.object({ id: z.string(), updatedAt: z.string().meta({ format: "date-time" }) }) }).meta({ id: "ProgramSaved" });
export const membershipResult = z.object({ data: z.object({ programId: z.string(), initiativeIds: z.array(z.string()) }) }).meta({ id: "ProgramMembership" });

const roadmapRow = z.object({
  id: z.string(), number: z.number().int(), title: z.string(), status, department: ref, program: ref.nullable(),
  plannedStartQuarter: z.string().nullable(), plannedEndQuarter: z.string().nullable(), desiredStartQuarter: z.string().nullable(),
  bar: z
    .object({ kind: z.enum(["planned", "desired"]), start: z.string(), end: z.string(), column: z.number().int(), span: z.number().int(), continuesBefore: z.boolean(), continuesAfter: z.boolean() })
    .nullable()
    .meta({ description: "Columns in the window's quarters; null when the initiative has no quarter" }),
});

export const roadmapResponse = z
  .object({
    data: z.object({
      quarters: z.array(z.string()),
      groupBy: z.enum(["program", "department"]),
      groups: z.array(z.object({ key: z.string(), label: z.string(), rows: z.array(roadmapRow) })),
      unscheduled: z.array(roadmapRow),
      total: z.number().int(),
      page: z.number().int(),
      pages: z.number().int(),
    }),
  })
  .meta({ id: "Roadmap" });
