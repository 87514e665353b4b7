import type { MipModel, SolveOptions, SolverOutput } from "./problem";

/** One solve of `model` on a loaded HiGHS instance (the `highs` package's module). */
export function solveWithHighs(highs: unknown, model: MipModel, options: SolveOptions): SolverOutput;
