// The roadmap's layout: which quarter columns an initiative's bar spans in a window of
// quarters, and how rows are grouped. Pure; quarters are "YYYY-Qn".

/** A quarter as a running number (year × 4 + quarter − 1), so spans are simple arithmetic; null if malformed. */
export function quarterIndex(quarter: string | null | undefined): number | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter ?? "");
  return match ? Number(match[1]) * 4 + Number(match[2]) - 1 : null;
}

export function quarterAt(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Every quarter from `from` to `to`, both included; empty if `to` is before `from` or either is malformed. */
export function quarterSpan(from: string, to: string): string[] {
  const a = quarterIndex(from);
  const b = quarterIndex(to);
  if (a === null || b === null || b < a) return [];
  return Array.from({ length: b - a + 1 }, (_, i) => quarterAt(a + i));
}

export const MAX_WINDOW_QUARTERS = 12;
export const DEFAULT_WINDOW_QUARTERS = 8;

/**
 * The quarters the roadmap shows: from `from` (default: the current quarter) to `to`
 * (default: `DEFAULT_WINDOW_QUARTERS` in all), never more than `MAX_WINDOW_QUARTERS`,
 * and never backwards (a `to` before `from` falls back to the default length).
 */
export function roadmapWindow(current: string, from?: string | null, to?: string | null): { from: string; to: string; quarters: string[] } {
  const start = quarterIndex(from) ?? quarterIndex(current);
  if (start === null) throw new Error(`Not a quarter: ${current}`);
  let end = quarterIndex(to);
  if (end === null || end < start) end = start + DEFAULT_WINDOW_QUARTERS - 1;
  end = Math.min(end, start + MAX_WINDOW_QUARTERS - 1);
  const quarters = Array.from({ length: end - start + 1 }, (_, i) => quarterAt(start + i));
  return { from: quarters[0]!, to: quarters[quarters.length - 1]!, quarters };
}

/**
 * Where a day falls in the window: its quarter's column (0-based) and how far through that
 * quarter it is (0 at the first instant, towards 1 at the last), in UTC like the quarters;
 * null when the day lies outside the window.
 */
export function dayInWindow(quarters: readonly string[], day: Date): { column: number; fraction: number } | null {
  const year = day.getUTCFullYear();
  const firstMonth = Math.floor(day.getUTCMonth() / 3) * 3;
  const column = quarters.indexOf(`${year}-Q${firstMonth / 3 + 1}`);
  if (column < 0) return null;
  const start = Date.UTC(year, firstMonth, 1);
  const end = Date.UTC(year, firstMonth + 3, 1);
  return { column, fraction: (day.getTime() - start) / (end - start) };
}

export type BarKind = "planned" | "desired";

export type Bar = {
  kind: BarKind;
  /** The whole span as planned (or the desired start quarter), before clipping to the window. */
  start: string;
  end: string;
  /** 0-based column of the first quarter shown, and how many columns the bar covers. */
  column: number;
  span: number;
  /** The bar runs on before or after the window. */
  continuesBefore: boolean;
  continuesAfter: boolean;
};

export type Placement = { bar: Bar } | { outside: true } | { unscheduled: true };

/**
 * Places one initiative in the window: the planned span when both planned quarters are
 * known and in order; otherwise the desired start as a one-quarter bar; otherwise
 * unscheduled. A bar wholly before or after the window is `outside`.
 */
export function placeBar(
  item: { plannedStartQuarter: string | null; plannedEndQuarter: string | null; desiredStartQuarter: string | null },
  window: { from: string; to: string },
): Placement {
  const from = quarterIndex(window.from)!;
  const to = quarterIndex(window.to)!;
  const plannedStart = quarterIndex(item.plannedStartQuarter);
  const plannedEnd = quarterIndex(item.plannedEndQuarter);
  const desired = quarterIndex(item.desiredStartQuarter);
  let kind: BarKind;
  let start: number;
  let end: number;
  if (plannedStart !== null && plannedEnd !== null && plannedEnd >= plannedStart) {
    kind = "planned";
    start = plannedStart;
    end = plannedEnd;
  } else if (plannedStart !== null && plannedEnd === null) {
    // A start without an end yet: show the start quarter only, as planned.
    kind = "planned";
    start = end = plannedStart;
  } else if (desired !== null) {
    kind = "desired";
    start = end = desired;
  } else {
    return { unscheduled: true };
  }
  if (end < from || start > to) return { outside: true };
  const first = Math.max(start, from);
  const last = Math.min(end, to);
  return {
    bar: {
      kind,
      start: quarterAt(start),
      end: quarterAt(end),
      column: first - from,
      span: last - first + 1,
      continuesBefore: start < from,
      continuesAfter: end > to,
    },
  };
}

export type Group<T> = { key: string; label: string; rows: T[] };

/**
 * Rows grouped by a key, groups in label order (Swedish collation) with the keyless
 * group ("no program") last; rows keep their order within a group.
 */
export function groupRows<T>(rows: T[], keyOf: (row: T) => { key: string; label: string } | null, noneLabel: string, locale = "sv"): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  const none: Group<T> = { key: "", label: noneLabel, rows: [] };
  for (const row of rows) {
    const k = keyOf(row);
    if (!k) {
      none.rows.push(row);
      continue;
    }
    let group = groups.get(k.key);
    if (!group) groups.set(k.key, (group = { key: k.key, label: k.label, rows: [] }));
    group.rows.push(row);
  }
  const collator = new Intl.Collator(locale);
  const sorted = [...groups.values()].sort((a, b) => collator.compare(a.label, b.label));
  return none.rows.length ? [...sorted, none] : sorted;
}

/** Orders rows on a roadmap: by start quarter, then end quarter, then number (unscheduled last). */
export function byStart<T extends { number: number; plannedStartQuarter: string | null; plannedEndQuarter: string | null; desiredStartQuarter: string | null }>(a: T, b: T): number {
  const start = (r: T) => quarterIndex(r.plannedStartQuarter) ?? quarterIndex(r.desiredStartQuarter) ?? Number.MAX_SAFE_INTEGER;
  const end = (r: T) => quarterIndex(r.plannedEndQuarter) ?? start(r);
  return start(a) - start(b) || end(a) - end(b) || a.number - b.number;
}
