// Resource pools, capacity and allocations: inputs (forms, server actions, API) and API responses.
import { z } from "zod";
import { MAX_ALLOCATION_HOURS, MIN_ALLOCATION_HOURS } from "@/lib/domain/capacity";
import { id, quarter, text, version } from "./common";

/** "" is the pool as a whole; otherwise a competence (projektledare, utvecklare …), free text. */
export const competence = z
  .string({ message: "invalidCompetence" })
  .trim()
  .max(40, { message: "tooLong" })
  .regex(/^[\p{L}\p{N} -]*$/u, { message: "invalidCompetence" });

const allocationHours = z
  .number({ message: "notANumber" })
  .int({ message: "notWhole" })
  .min(MIN_ALLOCATION_HOURS, { message: "atLeastOneHour" })
  .max(MAX_ALLOCATION_HOURS, { message: "tooLarge" });

export const allocationCreateInput = z
  .object({ initiativeId: id, poolId: id, quarter, competence: competence.default(""), hours: allocationHours })
  .strict()
  .meta({ id: "AllocationCreate" });

export const allocationUpdateInput = z.object({ hours: allocationHours, version }).strict().meta({ id: "AllocationUpdate" });
export const allocationDeleteInput = z.object({ version }).strict();

export const capacityInput = z
  .object({
    quarter,
    competence: competence.default(""),
    hours: z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(0, { message: "negative" }).max(100_000, { message: "tooLarge" }),
  })
  .strict()
  .meta({ id: "CapacityInput" });

const wipLimit = z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(100, { message: "tooLarge" });
const poolName = text(100, 2);
export const poolUpdateInput = z
  .object({
    wipLimit: wipLimit.nullable().optional().meta({ description: "null: the default WIP limit applies" }),
    name: poolName.optional(),
    active: z.boolean({ message: "invalidOption" }).optional().meta({ description: "false deactivates: no new allocations, the pool leaves the pickers, its history stays" }),
    version: version.optional().meta({ description: "The version you read; required with name or active" }),
  })
  .strict()
  .meta({ id: "PoolUpdate" });

export const POOL_KINDS = ["DIG", "DIGITAL_CENTER", "LOCAL"] as const;
export const poolCreateInput = z
  .object({
    name: poolName,
    kind: z.enum(POOL_KINDS, { message: "invalidOption" }),
    departmentId: id.nullable().optional().meta({ description: "The department of a LOCAL pool; none for central pools" }),
    wipLimit: wipLimit.nullable().optional(),
  })
  .strict()
  .meta({ id: "PoolCreate" });

/** Resource settings: the WIP limit for pools without their own, and the hours of one full-time person per quarter. */
export const resourceSettingsSchema = z
  .object({ defaultWipLimit: wipLimit, hoursPerFte: z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(2_000, { message: "tooLarge" }) })
  .strict()
  .meta({ id: "ResourceSettings" });
export type ResourceSettings = z.infer<typeof resourceSettingsSchema>;

const count = (fallback: number) => z.coerce.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(12, { message: "tooLarge" }).default(fallback);

/** The demand view: `quarters` columns from `from` (default: this quarter), and N for the reinforcement estimate. */
export const demandQuery = z
  .object({ from: quarter.optional(), quarters: count(8), n: count(4) })
  .meta({ description: "from: first quarter shown (default the current one); quarters: how many (1–12); n: quarters to clear the approved backlog in (1–12)" });

export const allocationFilter = z.object({
  initiativeId: id.optional(),
  poolId: id.optional(),
  quarter: quarter.optional(),
  page: z.coerce.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(100_000, { message: "tooLarge" }).default(1),
});

/** Query parameters from a URL, absent ones left out so defaults apply. */
export function queryObject(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
}

// ---------------------------------------------------------------------------
// API responses

const poolKind = z.enum(["DIG", "DIGITAL_CENTER", "LOCAL"]);
export const poolSummary = z
  .object({
    id: z.string(), name: z.string(), kind: poolKind, departmentId: z.string().nullable(), departmentName: z.string().nullable(), wipLimit: z.number().int().nullable(),
    active: z.boolean(), version: z.number().int(),
  })
  .meta({ id: "Pool" });
const capacityRow = z.object({ quarter: z.string(), competence: z.string(), hours: z.number().int() });
export const allocation = z
  .object({
    id: z.string(),
    initiativeId: z.string(),
    poolId: z.string(),
    quarter: z.string(),
    competence: z.string(),
    hours: z.number().int(),
    version: z.number().int(),
    borrowed: z.boolean().meta({ description: "The pool is another department's local pool" }),
    initiative: z.object({ number: z.number().int(), title: z.string(), status: z.string(), ownerDepartmentId: z.string(), ownerDepartmentName: z.string() }),
    pool: z.object({ name: z.string(), kind: poolKind, departmentId: z.string().nullable() }),
  })
  .meta({ id: "Allocation" });
export const allocationResult = z
  .object({
    data: z.object({
      allocation,
      plan: z.object({ start: z.string().nullable(), end: z.string().nullable(), changed: z.boolean().meta({ description: "This allocation set the initiative's missing planned quarters" }) }),
      warnings: z.array(z.enum(["OUTSIDE_PLANNED_PERIOD"])),
    }),
  })
  .meta({ id: "AllocationResult" });
export const allocationList = z
  .object({ data: z.array(allocation), page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), pages: z.number().int() })
  .meta({ id: "AllocationList" });
export const poolDetail = z
  .object({ data: poolSummary.extend({ capacities: z.array(capacityRow), load: z.array(z.object({ quarter: z.string(), capacity: z.number().int(), committed: z.number().int(), awaiting: z.number().int(), load: z.number().int().nullable(), over: z.boolean() })) }) })
  .meta({ id: "PoolDetail" });
export const capacityResult = z.object({ data: z.object({ poolId: z.string(), quarter: z.string(), rows: z.array(capacityRow), total: z.number().int() }) }).meta({ id: "CapacityResult" });

const cell = z.object({ poolId: z.string(), quarter: z.string(), capacity: z.number().int(), committed: z.number().int(), awaiting: z.number().int(), load: z.number().int().nullable(), over: z.boolean() });
export const demandResponse = z
  .object({
    data: z.object({
      currentQuarter: z.string(),
      quarters: z.array(z.string()),
      pools: z.array(poolSummary),
      cells: z.array(cell),
      awaitingUnallocated: z.object({ byQuarter: z.record(z.string(), z.number().int()), unscheduled: z.number().int() }).meta({ description: "Estimated effort of initiatives awaiting decision that have no allocations, in their desired start quarter (not before the current one)" }),
      borrowed: z.array(z.object({ departmentId: z.string(), departmentName: z.string(), borrowed: z.number().int(), lent: z.number().int() })),
      wip: z.array(z.object({ poolId: z.string(), inProgress: z.number().int(), limit: z.number().int() })).meta({ description: "Pools with more running initiatives this quarter than their WIP limit" }),
      running: z.record(z.string(), z.number().int()).meta({ description: "Running initiatives drawing on each pool this quarter, by pool id" }),
      reinforcement: z.object({
        n: z.number().int(),
        quarters: z.array(z.string()),
        backlogHours: z.number().int(),
        unknownEffort: z.number().int().meta({ description: "Initiatives in the backlog without an effort estimate (not counted)" }),
        neededPerQuarter: z.number().int(),
        freePerQuarter: z.number().int(),
        hoursPerQuarter: z.number().int(),
        fte: z.number(),
        hoursPerFte: z.number().int(),
      }),
    }),
  })
  .meta({ id: "Demand" });
