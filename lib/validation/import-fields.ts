// The initiative import's fields and the upload limits, as plain constants: read by the pages in
// the browser as well as by the server (the schemas that use them are in data.ts).
export const IMPORT_LIMITS = {
  /** Bytes of an uploaded file (.xlsx or .csv). */
  fileBytes: 10 * 1024 * 1024,
  /** Data rows per file; a bigger list is split into several files. */
  rows: 10_000,
  /** Columns with text per row: the fields are 16, so this leaves room for columns not imported. */
  columns: 200,
  /** An .xlsx is a zip: what it may unpack to in all, pictures included (a zip bomb is refused). */
  unpackedBytes: 50 * 1024 * 1024,
  /** Entries (parts) of an .xlsx archive. */
  xlsxEntries: 1_000,
  /**
   * Cells and rows in an .xlsx, formatted empty ones included, and XML elements in all: reading
   * builds an object for each (about 300 bytes a cell), so these bound the memory one file takes.
   */
  xlsxCells: 300_000,
  xlsxElements: 1_000_000,
  /** Row problems listed in one answer; the count says how many there were in all. */
  issuesShown: 500,
} as const;

/**
 * Bytes of a full export that restore accepts over HTTP. Parsing and checking the JSON takes about
 * five times its size in memory; larger exports are restored with npm run data:restore.
 */
export const RESTORE_MAX_BYTES = 32 * 1024 * 1024;

/** The initiative fields a file's columns can fill, in the template's order. */
export const IMPORT_FIELDS = [
  "title",
  "need",
  "department",
  "benefitRecipient",
  "nature",
  "estimatedCostSek",
  "estimatedEffortHours",
  "desiredStartQuarter",
  "status",
  "contactPerson",
  "reachDescription",
  "reachCount",
  "dependencies",
  "isReplacement",
  "replacesSystem",
  "enablesDevelopment",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Columns without which no row can be imported. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ["title", "department"];
