// Formula injection ("CSV injection", OWASP): text that a spreadsheet program would run as a
// formula when it opens an exported file. Exports put a `'` before such text (table-export.ts);
// the import takes that `'` off again (import-values.ts), so a list exported and imported back is
// stored as it was typed. Pure: no server or browser code.

/**
 * = + - @ start a formula, and OWASP lists a leading tab and CR too. Programs that trim cells
 * (LibreOffice's "trim spaces" on opening a CSV) also find one after leading whitespace, so
 * spaces and line breaks (of any kind, zero-width included) before = + - @ count as well.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u200b]*[=+\-@])/;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
