import "server-only";
// Optimiser runs: started by a request, solved off the request thread (HiGHS in a worker
// thread), progress and result written to the run's row so any server process can show them.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { greedy } from "@/lib/domain/optimiser/greedy";
import { optimise } from "@/lib/domain/optimiser/optimise";
import type { Solve } from "@/lib/domain/optimiser/problem";
import type { Prisma } from "@/lib/generated/prisma/client";
import { optimiseInput } from "@/lib/validation/scenarios";
import { actorUserId, recordAudit } from "../audit";
import { AppError, ConflictError, NotFoundError, parseInput } from "../errors";
import { runView, scenarioProblem, stale, getScenario, type OptimiserRunResult, type RunView } from "../scenarios";

/** The worker is plain JavaScript: the app's bundler does not build worker entry points. */
const WORKER = path.join(process.cwd(), "lib", "server", "optimiser", "highs-worker.mjs");

/** A Solve that runs each model in one worker thread, one after another, until closed. */
export function workerSolver(): { solve: Solve; close(): Promise<void> } {
  const worker = new Worker(WORKER);
  let next = 0;
  const pending = new Map<number, { resolve: (v: never) => void; reject: (e: unknown) => void }>();
  worker.on("message", (message: { id: number; output?: unknown; error?: string }) => {
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.error) p.reject(new Error(message.error));
    else p.resolve(message.output as never);
  });
  const fail = (error: unknown) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => code !== 0 && fail(new Error(`The optimiser's worker stopped (${code}).`)));
  return {
    solve: (model, options) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (v: never) => void, reject });
        worker.postMessage({ id, model, options });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

const RUN_SELECT = { id: true, status: true, scenarioVersion: true, timeLimitSeconds: true, progress: true, startedAt: true, finishedAt: true, error: true, result: true } satisfies Prisma.OptimiserRunSelect;

export async function getRun(actor: Actor, scenarioId: string, runId: string): Promise<RunView> {
  authorize(actor, "portfolio.read");
  const run = await prisma.optimiserRun.findFirst({ where: { id: runId, scenarioId }, select: RUN_SELECT });
  if (!run) throw new NotFoundError("Optimiser run");
  return runView(run);
}

/**
 * Starts the optimiser on the scenario as it stands. One run at a time per scenario; the
 * answer comes at once (the run's id) and the run goes on off the request thread.
 */
export async function startOptimiserRun(actor: Actor, scenarioId: string, input: unknown): Promise<RunView> {
  authorize(actor, "scenario.write");
  const { timeLimitSeconds, version } = parseInput(optimiseInput, input ?? {});
  const scenario = await getScenario(actor, scenarioId);
  if (version !== undefined && version !== scenario.version) throw new ConflictError("The scenario has changed since you opened it.", { version: scenario.version });
  if (scenario.adoptedAt) throw new AppError("SCENARIO_ADOPTED", 409, "An adopted scenario is part of the record; copy it to try changes.");
  const run = await prisma.$transaction(async (tx) => {
    const running = await tx.optimiserRun.findFirst({ where: { scenarioId, status: "RUNNING" }, select: { id: true, status: true, startedAt: true, timeLimitSeconds: true } });
    if (running && !stale(running)) throw new AppError("RUN_IN_PROGRESS", 409, "The optimiser is already running on this scenario.");
    const created = await tx.optimiserRun.create({
      data: { scenarioId, scenarioVersion: scenario.version, timeLimitSeconds, startedById: actorUserId(actor), progress: { stage: "prepare", done: 0, total: 1, elapsedSeconds: 0 } },
      select: RUN_SELECT,
    });
    await recordAudit(tx, actor, { action: "scenario.optimise", entityType: "Scenario", entityId: scenarioId, after: { runId: created.id, version: scenario.version, timeLimitSeconds } });
    return created;
  });
  void execute(actor, run.id, scenario.changes, timeLimitSeconds);
  return runView(run);
}

/** Solves, explains and keeps the result; never throws (a failure is written to the run). */
async function execute(actor: Actor, runId: string, changes: Parameters<typeof scenarioProblem>[1], timeLimitSeconds: number): Promise<void> {
  const started = Date.now();
  const solver = workerSolver();
  let lastWrite = 0;
  const progress = (p: { stage: string; done: number; total: number }) => {
    // At most twice a second: every write invalidates the figures kept until the next write.
    if (Date.now() - lastWrite < 500) return;
    lastWrite = Date.now();
    void prisma.optimiserRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { progress: { ...p, elapsedSeconds: Math.round((Date.now() - started) / 100) / 10 } } }).catch(() => undefined);
  };
  try {
    const { problem, notes } = await scenarioProblem(actor, changes);
    const result = await optimise(problem, { timeLimitSeconds, explain: true, onProgress: progress }, solver.solve);
    const baseline = greedy(problem);
    const kept: OptimiserRunResult = {
      status: result.status, objective: result.objective, bound: result.bound, gap: result.gap, seconds: result.seconds,
      plan: result.chosen, explanations: result.explanations, conflicts: result.conflicts,
      greedy: { objective: baseline.objective, plan: baseline.chosen },
      notes,
    };
    await prisma.optimiserRun.update({ where: { id: runId }, data: { status: "DONE", finishedAt: new Date(), progress: { stage: "done", done: 1, total: 1, elapsedSeconds: (Date.now() - started) / 1000 }, result: kept as unknown as Prisma.InputJsonValue } });
  } catch (error) {
    console.error("[portföljen] optimiser run failed:", error);
    await prisma.optimiserRun
      .update({ where: { id: runId }, data: { status: "FAILED", finishedAt: new Date(), error: error instanceof Error ? error.message.slice(0, 500) : "failed" } })
      .catch(() => undefined);
  } finally {
    await solver.close();
  }
}
