// Periods are quarters, "YYYY-Qn".
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

export function quarterOfDate(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function addQuarters(quarter: string, n: number): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** This quarter and the following ones, count in all. */
export function upcomingQuarters(from: Date, count: number): string[] {
  const first = quarterOfDate(from);
  return Array.from({ length: count }, (_, i) => addQuarters(first, i));
}
