// The optimiser's mixed-integer program. One binary x[i,s] per candidate i and allowed start s
// (chosen_i = Σ_s x[i,s] ≤ 1); maximise Σ score_i·chosen_i (as a minimisation of its negative):
//   capacity   Σ_{i,s} load_i[pool][q−s]·x[i,s] ≤ capacity[pool][q]          per pool and quarter
//   balance    Σ_i (1[i∈Q] − lo_Q)·w_i·chosen_i ≥ 0, Σ_i (hi_Q − 1[i∈Q])·w_i·chosen_i ≥ 0   per quadrant
//              (the share of Q among the chosen with a quadrant within target ± tolerance)
//   equity     Σ_{i∈d} h_i·chosen_i ≥ floor_d · Σ_{i∈d} h_i                 per department
//   dependency chosen_i ≤ chosen_r
//   forced, running   chosen_i = 1;  excluded: no variable at all.
import type { Candidate, Constraint, Measure, MipModel, OptimiserProblem } from "./problem";

export type Column = { candidate: number; start: number };
export type Built = {
  model: MipModel;
  columns: Column[];
  /** What each row stands for (null: a candidate's "at most one start" row). */
  rows: (Constraint | null)[];
  /** Each candidate's columns, by candidate index. */
  columnsOf: number[][];
  /** Candidate ids by index. */
  ids: string[];
};

/** Total hours of a candidate's load, on some pools or all. */
export function hoursOf(c: Candidate, pools?: ReadonlySet<string>): number {
  return c.load.reduce((sum, l) => (pools && !pools.has(l.pool) ? sum : sum + l.hours.reduce((a, h) => a + h, 0)), 0);
}

/** A candidate's weight in the balance. */
export function measureOf(c: Candidate, measure: Measure): number {
  return measure === "count" ? 1 : measure === "cost" ? c.costSek : hoursOf(c);
}

/** Kinds of constraint that may be left out, to find which ones make a problem infeasible. */
export type Kind = Constraint["kind"];

export function buildModel(p: OptimiserProblem, omit: ReadonlySet<Kind> = new Set()): Built {
  const columns: Column[] = [];
  const columnsOf: number[][] = p.candidates.map(() => []);
  p.candidates.forEach((c, i) => {
    if (c.mode === "excluded") return;
    for (const s of c.starts) {
      columnsOf[i]!.push(columns.length);
      columns.push({ candidate: i, start: s });
    }
  });
  const rowsOut: { terms: Map<number, number>; lower: number; upper: number; what: Constraint | null }[] = [];
  const row = (what: Constraint | null, lower: number, upper: number) => {
    const r = { terms: new Map<number, number>(), lower, upper, what };
    rowsOut.push(r);
    return r;
  };
  const add = (r: { terms: Map<number, number> }, col: number, value: number) => {
    if (value !== 0) r.terms.set(col, (r.terms.get(col) ?? 0) + value);
  };

  // At most one start each; forced and running exactly one.
  p.candidates.forEach((c, i) => {
    if (c.mode === "excluded") return;
    const kept = (c.mode === "forced" && !omit.has("forced")) || (c.mode === "running" && !omit.has("running"));
    const r = row(kept ? { kind: c.mode as "forced" | "running", id: c.id } : null, kept ? 1 : -Infinity, 1);
    for (const col of columnsOf[i]!) add(r, col, 1);
  });

  if (!omit.has("capacity")) {
    const index = new Map(p.pools.map((pool, k) => [pool.id, k]));
    const cells = p.pools.map((pool) => pool.capacity.map((cap, q) => ({ r: null as ReturnType<typeof row> | null, cap, pool: pool.id, q })));
    columns.forEach((col, j) => {
      const c = p.candidates[col.candidate]!;
      for (const l of c.load) {
        const k = index.get(l.pool);
        if (k === undefined) continue;
        l.hours.forEach((h, offset) => {
          const q = col.start + offset;
          if (h <= 0 || q >= p.quarters.length) return;
          const cell = cells[k]![q]!;
          cell.r ??= row({ kind: "capacity", pool: cell.pool, quarter: q }, -Infinity, cell.cap);
          add(cell.r, j, h);
        });
      }
    });
  }

  if (p.balance && !omit.has("balance")) {
    const { target, tolerancePercent, measure } = p.balance;
    const weighted = p.candidates.map((c) => (c.quadrant ? measureOf(c, measure) : 0));
    const scale = Math.max(1, ...weighted);
    for (const quadrant of Object.keys(target) as (keyof typeof target)[]) {
      const lo = (target[quadrant] - tolerancePercent) / 100;
      const hi = (target[quadrant] + tolerancePercent) / 100;
      for (const [side, bound] of [["min", lo], ["max", hi]] as const) {
        if ((side === "min" && bound <= 0) || (side === "max" && bound >= 1)) continue;
        const r = row({ kind: "balance", quadrant, side }, 0, Infinity);
        p.candidates.forEach((c, i) => {
          if (!c.quadrant || !weighted[i]) return;
          const inQ = c.quadrant === quadrant ? 1 : 0;
          const coefficient = ((side === "min" ? inQ - bound : bound - inQ) * weighted[i]!) / scale;
          for (const col of columnsOf[i]!) add(r, col, coefficient);
        });
      }
    }
  }

  if (p.equity && !omit.has("equity")) {
    const pools = p.equity.pools ? new Set(p.equity.pools) : undefined;
    const byDepartment = new Map<string, number[]>();
    p.candidates.forEach((c, i) => c.mode !== "excluded" && byDepartment.set(c.department, [...(byDepartment.get(c.department) ?? []), i]));
    for (const [department, members] of byDepartment) {
      const floor = (p.equity.perDepartment?.[department] ?? p.equity.floorPercent) / 100;
      const asked = members.reduce((s, i) => s + hoursOf(p.candidates[i]!, pools), 0);
      if (floor <= 0 || asked <= 0) continue;
      const r = row({ kind: "equity", department }, floor * asked, Infinity);
      for (const i of members) for (const col of columnsOf[i]!) add(r, col, hoursOf(p.candidates[i]!, pools));
    }
  }

  if (!omit.has("dependency")) {
    const index = new Map(p.candidates.map((c, i) => [c.id, i]));
    p.candidates.forEach((c, i) => {
      if (c.mode === "excluded") return;
      for (const requires of c.requires) {
        const r = row({ kind: "dependency", id: c.id, requires }, -Infinity, 0);
        for (const col of columnsOf[i]!) add(r, col, 1);
        for (const col of columnsOf[index.get(requires)!] ?? []) add(r, col, -1);
      }
    });
  }

  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rowsOut) {
    for (const [col, value] of [...r.terms].sort((a, b) => a[0] - b[0])) {
      indices.push(col);
      values.push(value);
    }
    starts.push(indices.length);
  }
  return {
    model: {
      numCols: columns.length,
      numRows: rowsOut.length,
      colCost: columns.map((c) => -p.candidates[c.candidate]!.score),
      colLower: columns.map(() => 0),
      colUpper: columns.map(() => 1),
      rowLower: rowsOut.map((r) => r.lower),
      rowUpper: rowsOut.map((r) => r.upper),
      matrix: { format: "csr", numRows: rowsOut.length, numCols: columns.length, starts, indices, values },
      integrality: columns.map(() => 1),
    },
    columns,
    rows: rowsOut.map((r) => r.what),
    columnsOf,
    ids: p.candidates.map((c) => c.id),
  };
}
