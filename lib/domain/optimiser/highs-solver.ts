// HiGHS (WebAssembly) in this thread: for tests and benchmarks. The server runs the same solve
// (./highs-solve.mjs) in a worker thread (lib/server/optimiser/highs-worker.mjs), so a long
// solve never blocks a request.
import loadHighs from "highs";
import { solveWithHighs } from "./highs-solve.mjs";
import type { Solve } from "./problem";

let loaded: ReturnType<typeof loadHighs> | null = null;

export const solveInProcess: Solve = async (model, options) => solveWithHighs(await (loaded ??= loadHighs()), model, options);
