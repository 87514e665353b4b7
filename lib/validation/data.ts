// The municipality's data in and out: the initiative import's fields, mapping and limits,
// shared by the import page, the API and the server.
import { z } from "zod";

// The fields and limits without zod live in import-fields.ts, so the import and restore pages do
// not send zod to the browser for a few constants.
export { IMPORT_FIELDS, IMPORT_LIMITS, REQUIRED_IMPORT_FIELDS, RESTORE_MAX_BYTES, type ImportField } from "./import-fields";
import { IMPORT_FIELDS, IMPORT_LIMITS, type ImportField } from "./import-fields";

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
