import { z } from "zod";
import { id, optionalText, quarter, text, version } from "./common";
import { scoreWeightsSchema } from "./settings";

/** The most quarters a scenario plans over (five years). */
export const MAX_HORIZON = 20;
/** How many quarters later than planned the optimiser may start an initiative. */
export const MAX_START_WINDOW = 8;
export const MAX_TIME_LIMIT_SECONDS = 120;

const hours = z.number({ message: "notANumber" }).int({ message: "notWhole" });
const percent = (max: number) => z.number({ message: "notANumber" }).min(0, { message: "negative" }).max(max, { message: "tooLarge" });

/**
 * What a scenario changes against the live portfolio. Initiatives and pools are named by id;
 * the server refuses ids it does not know (400 naming them).
 */
export const scenarioChanges = z
  .object({
    horizon: z
      .object({
        from: quarter.meta({ description: "First quarter planned" }),
        quarters: z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(MAX_HORIZON, { message: "tooLarge" }),
      })
      .strict(),
    /** Initiatives the plan must hold (forced in). */
    include: z.array(id).max(5_000, { message: "tooMany" }).default([]),
    /** Initiatives the plan must leave out. */
    exclude: z.array(id).max(5_000, { message: "tooMany" }).default([]),
    /** Fixed start quarters for initiatives (a shift of their plan). */
    starts: z.array(z.object({ initiativeId: id, quarter }).strict()).max(5_000, { message: "tooMany" }).default([]),
    /** Dependencies: the initiative only if the one it requires is also in the plan. */
    dependencies: z
      .array(z.object({ initiativeId: id, requiresId: id }).strict().refine((d) => d.initiativeId !== d.requiresId, { message: "dependsOnItself", path: ["requiresId"] }))
      .max(5_000, { message: "tooMany" })
      .default([]),
    /** Capacity added (or, negative, taken away) per quarter of a pool from a quarter on, e.g. two more developers from Q3. */
    capacity: z
      .array(
        z
          .object({
            poolId: id,
            from: quarter,
            to: quarter.nullable().default(null).meta({ description: "Last quarter of the change; null: to the end of the horizon" }),
            hoursPerQuarter: hours.min(-100_000, { message: "tooSmall" }).max(100_000, { message: "tooLarge" }),
          })
          .strict()
          .refine((c) => c.to === null || c.to >= c.from, { message: "endBeforeStart", path: ["to"] }),
      )
      .max(500, { message: "tooMany" })
      .default([]),
    /** Score weights for this scenario; null: the portfolio's own. */
    weights: scoreWeightsSchema.nullable().default(null),
    /** How many quarters later than planned the optimiser may start an initiative (0: as planned). */
    startWindow: z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(0, { message: "negative" }).max(MAX_START_WINDOW, { message: "tooLarge" }).default(2),
    /** The PIOS balance the plan must keep: the year's target ± this many percentage points (null: no bound). */
    balanceTolerancePercent: percent(50).nullable().default(15),
    balanceMeasure: z.enum(["effort", "cost", "count"], { message: "invalidOption" }).default("effort"),
    /** Each department gets at least this share of the central hours its candidates ask for (null: no floor). */
    equityFloorPercent: percent(100).nullable().default(null),
  })
  .strict();
export type ScenarioChanges = z.output<typeof scenarioChanges>;

export const scenarioCreateInput = z
  .object({
    name: text(120, 1),
    description: optionalText(2000),
    changes: scenarioChanges.partial({ horizon: true }).optional(),
  })
  .strict()
  .meta({ id: "ScenarioCreate" });

export const scenarioUpdateInput = z
  .object({
    name: text(120, 1).optional(),
    description: optionalText(2000),
    changes: scenarioChanges.optional(),
    version,
  })
  .strict()
  .meta({ id: "ScenarioUpdate" });

export const optimiseInput = z
  .object({
    timeLimitSeconds: z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(MAX_TIME_LIMIT_SECONDS, { message: "tooLarge" }).default(10),
    version: version.optional().meta({ description: "The scenario version the run is for; a stale one gets 409" }),
  })
  .strict()
  .meta({ id: "OptimiseInput" });

export const compareQuery = z
  .object({
    ids: z
      .string({ message: "required" })
      .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(id).min(1, { message: "atLeastOne" }).max(4, { message: "tooMany" }))
      .meta({ description: "One to four scenario ids, comma-separated" }),
  })
  .strict();

export const scenarioAgendaInput = z.object({ scenarioId: id }).strict().meta({ id: "ScenarioAgendaInput" });

export const adoptScenarioInput = z
  .object({
    rationale: text(2000, 3),
    version: version.meta({ description: "The scenario version the meeting adopts" }),
  })
  .strict()
  .meta({ id: "AdoptScenarioInput" });

// ---- API responses ----

const date = z.string().meta({ format: "date-time" });
const quadrant = z.enum(["INTERNAL_EFFICIENCY", "INTERNAL_INNOVATION", "EXTERNAL_EFFICIENCY", "EXTERNAL_INNOVATION"]);
const plan = z.array(z.object({ id: z.string(), start: z.number().int().meta({ description: "Index of the start quarter in the horizon" }) }));
const constraint = z.looseObject({ kind: z.enum(["capacity", "balance", "equity", "dependency", "forced", "running"]) }).meta({ id: "OptimiserConstraint", description: "A constraint of the optimiser's model: capacity (pool, quarter), balance (quadrant, side), equity (department), dependency (requires), forced or running (id)" });

export const optimiserRunSchema = z
  .object({
    id: z.string(), status: z.enum(["RUNNING", "DONE", "FAILED"]), scenarioVersion: z.number().int(), timeLimitSeconds: z.number().int(),
    startedAt: date, finishedAt: date.nullable(), error: z.string().nullable().meta({ description: "Why a run failed (INTERRUPTED: its server stopped)" }),
    progress: z.looseObject({ stage: z.string(), done: z.number(), total: z.number(), elapsedSeconds: z.number().optional() }).nullable(),
    result: z
      .object({
        status: z.enum(["optimal", "time_limit", "infeasible"]).meta({ description: "time_limit: the best plan found within the time limit, with its gap" }),
        objective: z.number(), bound: z.number(), gap: z.number().meta({ description: "Relative optimality gap reached (0 when optimal)" }), seconds: z.number(),
        plan,
        explanations: z.array(z.object({ id: z.string(), start: z.number().int().meta({ description: "The start (index in the horizon) where the fewest constraints stand in its way" }), blockedBy: z.array(constraint), gainIfRelaxed: z.number().nullable() })).meta({ description: "For every initiative left out: what kept it out and what relaxing that would gain" }),
        conflicts: z.array(z.object({ constraints: z.array(constraint), message: z.string().optional() })).meta({ description: "When infeasible: the constraints that conflict" }),
        greedy: z.object({ objective: z.number(), plan }).meta({ description: "The baseline: capacity filled in ranking order under the same constraints" }),
        notes: z.looseObject({ unknownEffort: z.array(z.string()), beyondHorizon: z.array(z.string()), overloaded: z.array(z.looseObject({})), unconstrained: z.array(z.string()) }),
      })
      .nullable(),
  })
  .meta({ id: "OptimiserRun" });

export const scenarioSchema = z
  .object({
    id: z.string(), name: z.string(), description: z.string(), changes: scenarioChanges, version: z.number().int(), createdAt: date, updatedAt: date,
    createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    adoptedAt: date.nullable(), adoptedInMeeting: z.object({ id: z.string(), title: z.string(), date }).nullable(),
    onAgenda: z.array(z.object({ id: z.string(), title: z.string(), date, status: z.string() })),
    latestRun: optimiserRunSchema.nullable(),
  })
  .meta({ id: "Scenario" });

const measures = z
  .object({
    initiatives: z.number().int(), totalScore: z.number(), yearlyBenefitSek: z.number(),
    balance: z.array(z.object({ quadrant, share: z.number(), target: z.number().nullable(), deviation: z.number().nullable() })), balanceExcluded: z.number(),
    load: z.array(z.object({ pool: z.string(), quarters: z.array(z.object({ quarter: z.string(), hours: z.number(), capacity: z.number(), percent: z.number().nullable() })) })),
    equity: z.array(z.object({ department: z.string(), departmentId: z.string(), askedHours: z.number(), grantedHours: z.number(), percent: z.number().nullable() })),
    dropped: z.array(z.string()).meta({ description: "Live initiatives (approved or running) the plan leaves out" }),
    added: z.array(z.string()).meta({ description: "Initiatives the plan takes in that are not live" }),
  })
  .meta({ id: "PlanMeasures" });

const scenarioPlanSchema = z
  .object({
    source: z.enum(["optimised", "manual"]).meta({ description: "optimised: the latest optimiser run on this version; manual: the live portfolio with the scenario's changes" }),
    plan, measures, live: measures, greedy: measures.nullable(), quarters: z.array(z.string()),
    notes: z.looseObject({}),
    labels: z.object({ initiatives: z.record(z.string(), z.looseObject({ number: z.number().int(), title: z.string() })), pools: z.record(z.string(), z.string()), departments: z.record(z.string(), z.string()) }),
  })
  .meta({ id: "ScenarioPlan" });

export const scenarioList = z.object({ data: z.array(scenarioSchema) }).meta({ id: "ScenarioList" });
export const scenarioResult = z.object({ data: scenarioSchema }).meta({ id: "ScenarioResult" });
export const scenarioDetailResult = z.object({ data: scenarioSchema.extend({ plan: scenarioPlanSchema }) }).meta({ id: "ScenarioDetail" });
export const optimiserRunResult = z.object({ data: optimiserRunSchema }).meta({ id: "OptimiserRunResult" });
export const compareResult = z
  .object({ data: z.object({ live: measures, scenarios: z.array(scenarioSchema.extend({ plan: scenarioPlanSchema })), labels: z.looseObject({}) }) })
  .meta({ id: "ScenarioComparison" });
export const adoptResult = z
  .object({ data: z.object({ scenarioId: z.string(), decisions: z.array(z.object({ initiativeId: z.string(), type: z.enum(["APPROVE", "DEFER", "REPRIORITISE"]), toStatus: z.string() })) }) })
  .meta({ id: "AdoptScenarioResult" });
