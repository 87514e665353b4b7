// The scenario form names initiatives by their numbers, as people do ("#12, 45"), one start or
// dependency per line; these read that text. The API names initiatives by id.
import { z } from "zod";
import { quarter } from "./common";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const NUMBER = /^#?(\d{1,9})$/;

/** "12, #45 7" → [12, 45, 7]; each once, in the order given. */
export function numberList(text: string): Parsed<number[]> {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    const m = NUMBER.exec(p);
    if (!m) return { ok: false, message: "invalidInitiativeNumber" };
    const n = Number(m[1]);
    if (!out.includes(n)) out.push(n);
  }
  return { ok: true, value: out };
}

/** Lines "12 2027-Q3" (or "#12: 2027-Q3"): the initiative and the quarter it starts in. */
export function startLines(text: string): Parsed<{ number: number; quarter: string }[]> {
  const out: { number: number; quarter: string }[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^#?(\d{1,9})\s*[:\s]\s*(\S+)$/.exec(line);
    if (!m || !quarter.safeParse(m[2]!.toUpperCase()).success) return { ok: false, message: "invalidStartLine" };
    out.push({ number: Number(m[1]), quarter: m[2]!.toUpperCase() });
  }
  return { ok: true, value: out };
}

/** Lines "45 12" (or "#45: #12"): the first only if the second is in the plan too. */
export function dependencyLines(text: string): Parsed<{ number: number; requires: number }[]> {
  const out: { number: number; requires: number }[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^#?(\d{1,9})\s*[:\s]\s*#?(\d{1,9})$/.exec(line);
    if (!m) return { ok: false, message: "invalidDependencyLine" };
    out.push({ number: Number(m[1]), requires: Number(m[2]) });
  }
  return { ok: true, value: out };
}

/** An optional percentage typed in a form: "" is none (null), "12,5" is 12.5. */
export const optionalPercent = z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? null : Number(v.trim().replace(",", "."))) : v), z.number({ message: "notANumber" }).nullable());
