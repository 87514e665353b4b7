// A primal heuristic for the optimiser's model: a good plan within a fraction of a second, for
// the solver to start from (HiGHS needs seconds for its own first good plans on portfolio-sized
// models). The LP relaxation's answer is rounded down (what it takes whole stays in), completed
// greedily (its fractional picks first, then by reduced cost, then by score), mended if a row
// still does not hold, and improved by local search: a candidate left out comes in where plan
// members in its way move to another of their starts or, failing that, go out for less score
// than it brings. It works on the model's own rows, so every constraint the solver knows is
// respected the same way; the caller still checks the plan it decodes against the problem
// (planViolations) before using it.
import type { Built } from "./model";

const TOL = 1e-6;
const YIELD_MS = 20;

/** Column values (0/1) with each row's activity, kept up to date on every change. */
export class ColumnState {
  readonly x: Uint8Array;
  readonly activity: Float64Array;
  /** Column-wise copy of the matrix: for column j, rows colRows[colStart[j]..colStart[j+1]) with colVals. */
  readonly colStart: Int32Array;
  readonly colRows: Int32Array;
  readonly colVals: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;

  constructor(readonly built: Built) {
    const { numCols, numRows, matrix } = built.model;
    this.lo = Float64Array.from(built.model.rowLower);
    this.hi = Float64Array.from(built.model.rowUpper);
    this.x = new Uint8Array(numCols);
    this.activity = new Float64Array(numRows);
    const counts = new Int32Array(numCols + 1);
    for (const j of matrix.indices) counts[j + 1]!++;
    for (let j = 0; j < numCols; j++) counts[j + 1]! += counts[j]!;
    this.colStart = counts.slice();
    this.colRows = new Int32Array(matrix.indices.length);
    this.colVals = new Float64Array(matrix.indices.length);
    const next = counts.slice();
    for (let r = 0; r < numRows; r++)
      for (let k = matrix.starts[r]!; k < matrix.starts[r + 1]!; k++) {
        const j = matrix.indices[k]!;
        const at = next[j]!++;
        this.colRows[at] = r;
        this.colVals[at] = matrix.values[k]!;
      }
  }

  /** How far row r lies outside its bounds now (0 when within). */
  rowViolation(r: number): number {
    return this.violation(r, this.activity[r]!);
  }

  /** How much violation flipping column j would mend, less what it would add. */
  mendedByFlip(j: number): number {
    const sign = this.x[j] ? -1 : 1;
    let mended = 0;
    for (let k = this.colStart[j]!; k < this.colStart[j + 1]!; k++) {
      const r = this.colRows[k]!;
      const before = this.activity[r]!;
      mended += this.violation(r, before) - this.violation(r, before + sign * this.colVals[k]!);
    }
    return mended;
  }

  /** How far a row's activity lies outside its bounds (0 when within). */
  violation(r: number, activity: number): number {
    const lo = this.lo[r]!;
    const hi = this.hi[r]!;
    return activity > hi + TOL ? activity - hi : activity < lo - TOL ? lo - activity : 0;
  }

  /** Whether flipping column j (in when out, out when in) leaves no row further outside its bounds than it is. */
  canFlip(j: number): boolean {
    const sign = this.x[j] ? -1 : 1;
    for (let k = this.colStart[j]!; k < this.colStart[j + 1]!; k++) {
      const r = this.colRows[k]!;
      const before = this.activity[r]!;
      const after = before + sign * this.colVals[k]!;
      const v = this.violation(r, after);
      if (v > 0 && v > this.violation(r, before) + TOL) return false;
    }
    return this.built.model.colUpper[j]! >= (sign > 0 ? 1 : 0) && this.built.model.colLower[j]! <= (sign > 0 ? 1 : 0);
  }

  /** Column j in when out, out when in; the rows' activities follow. */
  flip(j: number): void {
    const sign = this.x[j] ? -1 : 1;
    this.x[j] = sign > 0 ? 1 : 0;
    for (let k = this.colStart[j]!; k < this.colStart[j + 1]!; k++) this.activity[this.colRows[k]!]! += sign * this.colVals[k]!;
  }

  /** Whether every row and column bound holds. */
  feasible(): boolean {
    for (let r = 0; r < this.activity.length; r++) if (this.violation(r, this.activity[r]!) > 0) return false;
    const { colLower, colUpper } = this.built.model;
    for (let j = 0; j < this.x.length; j++) if (this.x[j]! < colLower[j]! - TOL || this.x[j]! > colUpper[j]! + TOL) return false;
    return true;
  }

  /** The objective (of the minimisation). */
  cost(): number {
    let s = 0;
    for (let j = 0; j < this.x.length; j++) if (this.x[j]) s += this.built.model.colCost[j]!;
    return s;
  }

  /** The column values, for decoding or as a solver's start. */
  values(): number[] {
    return Array.from(this.x);
  }
}

/**
 * Adds the columns in this order wherever they keep every row as it is or better; passes until
 * nothing more goes in (a dependant waits for what it requires).
 */
export function fill(state: ColumnState, order: readonly number[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const j of order) {
      if (state.x[j] || !state.canFlip(j)) continue;
      state.flip(j);
      changed = true;
    }
  }
}

/** Total violation of the rows (0: every row holds). */
export function totalViolation(state: ColumnState): number {
  let v = 0;
  for (let r = 0; r < state.activity.length; r++) v += state.rowViolation(r);
  return v;
}

/**
 * Takes columns out until every row holds: each time the one whose removal mends the most
 * violation per unit of objective lost. Gives up (false) when no removal helps.
 */
export function repair(state: ColumnState): boolean {
  const { colCost } = state.built.model;
  for (let v = totalViolation(state); v > 0; v = totalViolation(state)) {
    let best = -1;
    let bestRatio = 0;
    for (let j = 0; j < state.x.length; j++) {
      if (!state.x[j] || state.built.model.colLower[j]! > 0) continue;
      const mended = state.mendedByFlip(j);
      if (mended <= TOL) continue;
      const ratio = mended / (Math.abs(colCost[j]!) + 1e-9);
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = j;
      }
    }
    if (best < 0) return false;
    state.flip(best);
  }
  return true;
}

/**
 * The LP relaxation's answer made a plan: columns at (nearly) 1 in, the rest offered in order of
 * LP value, then reduced cost; mended if a row still does not hold. Null when it cannot be mended.
 */
export function roundRelaxation(built: Built, lp: { values: readonly number[]; reducedCosts?: readonly number[] }): ColumnState | null {
  const state = new ColumnState(built);
  const n = built.model.numCols;
  const { colCost, colLower } = built.model;
  // Whole columns, all at once: with the fractional ones left out, rows of ≤ with non-negative
  // coefficients (capacity, at most one start) still hold; the others are seen to below.
  for (let j = 0; j < n; j++) if (lp.values[j]! >= 1 - 1e-6 || colLower[j]! > 0) state.flip(j);
  const rest = [...Array(n).keys()].filter((j) => !state.x[j]);
  const rc = lp.reducedCosts;
  rest.sort((a, b) => lp.values[b]! - lp.values[a]! || (rc ? rc[a]! - rc[b]! : 0) || colCost[a]! - colCost[b]!);
  fill(state, rest);
  if (!repair(state)) return null;
  fill(state, rest);
  return state.feasible() ? state : null;
}

/**
 * Improves a plan that meets every row by moves that keep it so, until none gains or the
 * deadline (performance.now() milliseconds) passes. Each candidate out of the plan, best score
 * first, is tried at each of its starts: where it does not fit, plan members on the rows it
 * breaks are moved to another of their starts, or failing that taken out (the one that lessens
 * the violation most for its score first), as long as what goes out scores less than what comes
 * in. Yields to the event loop every YIELD_MS milliseconds.
 */
export async function improve(state: ColumnState, deadline: number): Promise<void> {
  const { built } = state;
  const { model, columns, columnsOf } = built;
  const { starts: rowStart, indices: rowCols } = model.matrix;
  const score = (j: number) => -model.colCost[j]!;
  const inPlan = (i: number) => columnsOf[i]!.some((j) => state.x[j]);
  const mark = new Uint8Array(model.numRows);
  const delta = new Float64Array(model.numRows);
  const flipped: number[] = [];
  const flip = (j: number) => {
    state.flip(j);
    flipped.push(j);
  };
  const undo = (n: number) => {
    while (flipped.length > n) state.flip(flipped.pop()!);
  };
  const { colStart, colRows } = state;
  /** Violation on the marked rows (those of the column coming in). */
  const markedViolation = (cu: number) => {
    let v = 0;
    for (let k = colStart[cu]!; k < colStart[cu + 1]!; k++) v += state.rowViolation(colRows[k]!);
    return v;
  };
  /** Every unmarked row of column j holds. */
  const othersHold = (j: number) => {
    for (let k = colStart[j]!; k < colStart[j + 1]!; k++) if (!mark[colRows[k]!] && state.rowViolation(colRows[k]!) > 0) return false;
    return true;
  };
  const seen = new Uint8Array(model.numCols);
  /** Plan members on the rows column cu breaks, cheapest first. */
  const blockers = (cu: number) => {
    const out: number[] = [];
    for (let k = colStart[cu]!; k < colStart[cu + 1]!; k++) {
      const r = colRows[k]!;
      if (!state.rowViolation(r)) continue;
      for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
        const j = rowCols[e]!;
        if (state.x[j] && j !== cu && !seen[j]) {
          seen[j] = 1;
          out.push(j);
        }
      }
    }
    for (const j of out) seen[j] = 0;
    return out.sort((a, b) => score(a) - score(b));
  };

  /** Column cu in, making room by moves and removals worth less than it; whether it worked (else undone). */
  const makeRoom = (cu: number): boolean => {
    const gainIn = score(cu);
    flipped.length = 0;
    for (let k = colStart[cu]!; k < colStart[cu + 1]!; k++) mark[colRows[k]!] = 1;
    flip(cu);
    let lost = 0;
    let ok = false;
    const list = blockers(cu);
    for (let v = markedViolation(cu); ; v = markedViolation(cu)) {
      if (v <= 0) {
        ok = true;
        break;
      }
      // A move of a plan member to another start that lessens the violation and breaks nothing
      // else; failing that, the member whose going lessens it most for its score, as long as
      // the trade still gains.
      let moved = false;
      let best = -1;
      let bestRatio = 0;
      const { activity, colVals } = state;
      for (const k of list) {
        if (!state.x[k]) continue;
        // Its going, judged before it is made: the violation left on the marked rows, and whether
        // the others hold (delta keeps the change for judging its moves below).
        let vk = v;
        let holdsOut = true;
        for (let e = colStart[k]!; e < colStart[k + 1]!; e++) {
          const r = colRows[e]!;
          const before = activity[r]!;
          const after = before - colVals[e]!;
          delta[r] = -colVals[e]!;
          if (mark[r]) vk += state.violation(r, after) - state.violation(r, before);
          else if (state.violation(r, after) > 0) holdsOut = false;
        }
        if (holdsOut && lost + score(k) < gainIn - 1e-9 && vk < v - 1e-9) {
          const ratio = (v - vk) / (score(k) + 1e-9);
          if (ratio > bestRatio) {
            bestRatio = ratio;
            best = k;
          }
        }
        let to = -1;
        for (const ck of columnsOf[columns[k]!.candidate]!) {
          if (ck === k || ck === cu || state.x[ck] || model.colUpper[ck]! < 1) continue;
          let dv = 0;
          let holds = true;
          for (let e = colStart[ck]!; e < colStart[ck + 1]!; e++) {
            const r = colRows[e]!;
            const before = activity[r]! + delta[r]!;
            const after = before + colVals[e]!;
            if (mark[r]) dv += state.violation(r, after) - state.violation(r, before);
            else if (state.violation(r, after) > 0) {
              holds = false;
              break;
            }
          }
          if (holds && vk + dv < v - 1e-9) {
            to = ck;
            break;
          }
        }
        for (let e = colStart[k]!; e < colStart[k + 1]!; e++) delta[colRows[e]!] = 0;
        if (to < 0) continue;
        // Made, then checked whole (a row both columns share is judged with both).
        const at = flipped.length;
        flip(k);
        flip(to);
        if (othersHold(k) && othersHold(to) && markedViolation(cu) < v - 1e-9) {
          moved = true;
          break;
        }
        undo(at);
      }
      if (moved) continue;
      let removed = false;
      if (best >= 0) {
        flip(best);
        lost += score(best);
        removed = true;
      }
      if (!removed) break;
    }
    for (let k = colStart[cu]!; k < colStart[cu + 1]!; k++) mark[colRows[k]!] = 0;
    if (!ok) undo(0);
    return ok;
  };

  const order = [...columnsOf.keys()].filter((i) => columnsOf[i]!.length).sort((a, b) => score(columnsOf[b]![0]!) - score(columnsOf[a]![0]!));
  const all = order.flatMap((i) => columnsOf[i]!);
  let lastYield = performance.now();
  for (let improved = true; improved && performance.now() < deadline; ) {
    improved = false;
    for (const u of order) {
      const now = performance.now();
      if (now > deadline) break;
      // The server runs this on its request thread: it lets other work in every few milliseconds.
      if (now - lastYield > YIELD_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      if (inPlan(u) || score(columnsOf[u]![0]!) <= 0) continue;
      for (const cu of columnsOf[u]!) {
        if (model.colUpper[cu]! < 1) continue;
        if (makeRoom(cu)) {
          improved = true;
          // What was taken out may fit elsewhere now.
          fill(state, all);
          break;
        }
      }
    }
  }
}
