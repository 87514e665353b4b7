import { z } from "zod";

/** Half of a UTF-16 pair with no other half: no character, and PostgreSQL cannot store it. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What PostgreSQL cannot store in text or JSON: a NUL byte, or half of a UTF-16 pair. */
export const UNSTORABLE = new RegExp(`\u0000|${LONE_SURROGATE.source}`);

/**
 * Where in a JSON value (dotted paths, keys included) a string matches `pattern`: a parsed
 * document may carry these through JSON's escapes ("\u0000", "\ud800") into any field.
 * Walks without recursion, and spells a path out only for a match: hostile bodies nest deep.
 */
export function textPaths(value: unknown, pattern: RegExp, path: (string | number)[] = []): string[] {
  type Node = { value: unknown; key: string | number | null; parent: Node | null; badKey?: true };
  const spell = (node: Node) => {
    const keys: (string | number)[] = [];
    for (let n: Node | null = node; n && n.key !== null; n = n.parent) keys.push(n.key);
    return [...path, ...keys.reverse()].join(".");
  };
  const found: string[] = [];
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (node.badKey) {
      found.push(spell(node));
    } else if (typeof v === "string") {
      if (pattern.test(v)) found.push(spell(node));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: node });
    } else if (v && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        stack.push({ value: child, key: k, parent: node, ...(pattern.test(k) ? { badKey: true as const } : {}) });
      }
    }
  }
  return found;
}

/** Text a person typed: trimmed, bounded, no control characters (HTML is kept and rendered inert). */
export const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    // Empty is "fill it in", not "too short": the message must say how to fix it.
    .min(Math.min(min, 1), { message: "required", abort: true })
    .min(min, { message: "tooShort" })
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), { message: "invalidCharacters" })
    // Half of a UTF-16 pair is no character and cannot be stored.
    .refine((s) => !LONE_SURROGATE.test(s), { message: "invalidCharacters" });

/**
 * What someone typed into a search box, from a URL: control characters (a NUL byte reached
 * PostgreSQL and failed the page) are dropped rather than refused, as a search box would.
 */
// eslint-disable-next-line no-control-regex
export const searchText = (max: number) => z.string().transform((s) => s.replace(/[\u0000-\u001F\u007F]/g, " ").trim()).pipe(z.string().max(max, { message: "tooLong" }));

export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), text(max).nullable().optional());

/** A quarter, "YYYY-Qn". */
export const quarter = z.string().regex(/^(20[0-9]{2}|2100)-Q[1-4]$/, { message: "invalidQuarter" });

export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { message: "invalidId" });

/** The largest value of a PostgreSQL INTEGER column: a larger number must be refused here, or the database refuses it with a 500. */
export const INT4_MAX = 2_147_483_647;

/** Whole numbers within sane bounds; null means "vet ej" (unknown). */
export const wholeNumber = (max: number) =>
  z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(0, { message: "negative" }).max(max, { message: "tooLarge" });

/** The version a client read, for optimistic concurrency: a stale one gets 409. */
export const version = z.number({ message: "versionRequired" }).int({ message: "versionRequired" }).min(1, { message: "versionRequired" }).max(INT4_MAX, { message: "versionRequired" });

/** An e-mail address, stored in lower case: two addresses that differ only in case are one. */
export const email = z
  .string({ message: "invalidEmail" })
  .trim()
  .toLowerCase()
  .max(254, { message: "tooLong" })
  .pipe(z.email({ message: "invalidEmail" }));

/** A year of a validity period (e.g. a mandate 2027–2030). */
export const year = z.number({ message: "notANumber" }).int({ message: "notWhole" }).min(2000, { message: "yearOutOfRange" }).max(2100, { message: "yearOutOfRange" });

/** "true" / "false" from a query string; anything else is refused. */
export const queryBoolean = z.enum(["true", "false"], { message: "invalidOption" }).transform((v) => v === "true");

/** A page number from a query string. */
export const pageNumber = z.coerce.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(100_000, { message: "tooLarge" }).default(1);
