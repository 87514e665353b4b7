// Turning the text in a spreadsheet cell into the value a field holds. Pure: the
// import (lib/server/import) maps columns to fields and validates with the zod schemas.
// Each parser answers a value or the i18n key of what is wrong with the text.
import { startsLikeFormula } from "./formula";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Lower case, no accents or punctuation, single spaces: "Förvaltning / bolag" → "forvaltning bolag". */
export function normaliseLabel(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * A cell as text: trimmed, and without the `'` our own exports put before formula-like
 * text (see lib/domain/formula.ts), so an exported list imports as it was typed.
 */
export function cellText(raw: string): string {
  const text = raw.trim();
  return text.length > 1 && text[0] === "'" && startsLikeFormula(text.slice(1)) ? text.slice(1).trim() : text;
}

/** Text a spreadsheet would treat as a formula. It is stored as plain text, never evaluated. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && text[0] === "=";
}

// Spaces people and Excel put between thousands: space, no-break space, narrow no-break space, thin space.
const GROUPING = /[\s\u00a0\u202f\u2009]/g;

/**
 * A whole number such as "450000", "450 000", "450 000 kr", "1,5e3" is refused. Empty → null
 * ("vet ej"). Decimals (either separator) are refused as not whole; signs give "negative".
 */
export function parseWholeNumber(raw: string): Parsed<number | null> {
  const text = cellText(raw);
  if (text === "") return ok(null);
  if (looksLikeFormula(text)) return fail("formulaNotAllowed");
  const compact = text.replace(GROUPING, "").replace(/(kr|sek|h|tim|timmar|hours)\.?$/i, "");
  if (/^-\d/.test(compact)) return fail("negative");
  if (/^\+?\d+$/.test(compact)) {
    const value = Number(compact.replace("+", ""));
    return Number.isSafeInteger(value) ? ok(value) : fail("tooLarge");
  }
  // "12,5" or "12.5": a number, but not a whole one. "1.000" stays a decimal: Swedish files group with spaces.
  if (/^\+?\d+[.,]\d+$/.test(compact)) {
    const value = Number(compact.replace(",", "."));
    return Number.isInteger(value) ? ok(value) : fail("notWhole");
  }
  return fail("notANumber");
}

/** "2027-Q1", "2027 q1", "2027Q1", "Q1 2027", "2027-02-15" → "2027-Q1"; empty → null. The year range is checked by the schema. */
export function parseQuarter(raw: string): Parsed<string | null> {
  const text = cellText(raw).toUpperCase().replace(/\s+/g, " ");
  if (text === "") return ok(null);
  let match = /^(\d{4}) ?-? ?Q([1-4])$/.exec(text);
  if (match) return ok(`${match[1]}-Q${match[2]}`);
  match = /^Q([1-4]) ?-? ?(\d{4})$/.exec(text);
  if (match) return ok(`${match[2]}-Q${match[1]}`);
  // A date (a date cell in Excel, or typed as one): the quarter it falls in.
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return ok(`${match[1]}-Q${Math.floor((Number(match[2]) - 1) / 3) + 1}`);
  return fail("invalidQuarter");
}

/**
 * One of a fixed set of values, recognised by any of its names (codes, Swedish and
 * English words), compared without case, accents or punctuation. Empty → null.
 */
export function parseChoice<T extends string>(raw: string, names: Record<T, readonly string[]>): Parsed<T | null> {
  const text = normaliseLabel(cellText(raw));
  if (text === "") return ok(null);
  const value = choicesOf(names).get(text);
  return value === undefined ? fail("invalidOption") : ok(value);
}

// Each set of names normalised once, not for every cell: it was a third of the import's row checks.
const CHOICES = new WeakMap<object, Map<string, string>>();

/** Normalised name → value; where two values share a name, the first value listed wins. */
function choicesOf<T extends string>(names: Record<T, readonly string[]>): Map<string, T> {
  let choices = CHOICES.get(names);
  if (!choices) {
    choices = new Map();
    for (const [value, words] of Object.entries(names) as [T, readonly string[]][]) {
      for (const name of [value, ...words]) {
        const key = normaliseLabel(name);
        if (!choices.has(key)) choices.set(key, value);
      }
    }
    CHOICES.set(names, choices);
  }
  return choices as Map<string, T>;
}

const YES = ["ja", "j", "yes", "y", "true", "sant", "1", "x"];
const NO = ["nej", "n", "no", "false", "falskt", "0"];

/** Ja/nej, yes/no, true/false, 1/0, x; empty → null. */
export function parseYesNo(raw: string): Parsed<boolean | null> {
  const text = normaliseLabel(cellText(raw));
  if (text === "") return ok(null);
  if (YES.includes(text)) return ok(true);
  if (NO.includes(text)) return ok(false);
  return fail("invalidYesNo");
}
