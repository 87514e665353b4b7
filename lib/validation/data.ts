// The municipality's data in and out: the initiative import's fields, mapping and limits,
// shared by the import page, the API and the server.
import { z } from "zod";

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

/** Our field ← the file's column header (null: not imported). */
export const importMapping = z
  .object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().max(200).nullable().optional()])) as Record<ImportField, z.ZodOptional<z.ZodNullable<z.ZodString>>>)
  .strict();
export type ImportMapping = Partial<Record<ImportField, string | null>>;

/** One problem in one row: the row number as the spreadsheet shows it (the header is row 1). */
export const importIssue = z.object({
  row: z.number().int().meta({ description: "Row number in the file; the header row is 1. 0 = the file as a whole." }),
  field: z.string().meta({ description: "Our field (see IMPORT_FIELDS) or 'file'" }),
  message: z.string().meta({ description: "An i18n message key (data.issues.* or validation.*)" }),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional().meta({ description: "Values for the message, e.g. the first row of a duplicate" }),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importResult = z.object({
  dryRun: z.boolean(),
  format: z.enum(["csv", "xlsx"]),
  headers: z.array(z.string()),
  mapping: importMapping,
  rowCount: z.number().int(),
  issueCount: z.number().int(),
  issues: z.array(importIssue).meta({ description: `At most ${IMPORT_LIMITS.issuesShown} problems, by row` }),
  preview: z.array(z.record(z.string(), z.string().nullable())).meta({ description: "The first rows as they will be stored (dry run)" }),
  created: z.number().int().meta({ description: "Initiatives written (0 for a dry run)" }),
  status: z.string().meta({ description: "Status given to rows without a status column" }),
});
export type ImportResult = z.infer<typeof importResult>;
