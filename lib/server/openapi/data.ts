// /api/v1/import, /api/v1/export/full, /api/v1/restore: the municipality's data in and out.
import { z } from "zod";
import { IMPORT_FIELDS, IMPORT_LIMITS, RESTORE_MAX_BYTES, importResult } from "@/lib/validation/data";
import { ENTITIES } from "../full-export/entities";
import { error, FORMULAS_NEUTRALISED, json, op, type Paths } from "./common";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const L = IMPORT_LIMITS;
/** The limits of an uploaded file, in one place for the field and the operation. */
const fileLimits =
  `At most ${megabytes(L.fileBytes)} (413 fileTooLarge: refused as soon as more arrives, whatever Content-Length says), ${L.rows} rows and text in at most ${L.columns} columns a row (400 tooManyRows, tooManyColumns). ` +
  `An .xlsx (a zip) may unpack to at most ${megabytes(L.unpackedBytes)} in ${L.xlsxEntries} parts, ${L.xlsxCells} cells and rows (formatted empty ones included) and ${L.xlsxElements} XML elements (413 unpackedTooLarge, checked before it is read: a zip bomb is refused having unpacked at most the limit). ` +
  "Merged cells, data validations, column definitions and defined names are ignored; a formula is read as its text (=…), never evaluated. " +
  "The type is read from the content and must agree with the name: a workbook named .csv is refused (400 xlsxNamedCsv), so is CSV that is not text (notText), mixes UTF-8 with another encoding (invalidUtf8) or is UTF-16 (utf16).";

const upload = z.object({
  file: z.string().meta({ format: "binary", description: `The spreadsheet: .xlsx or .csv (UTF-8 with or without BOM, or Windows-1252; separator ; , or tab); row 1 holds the headers. ${fileLimits}` }),
  mapping: z.string().optional().meta({
    description: `JSON object: our field ← the file's header, for the fields ${IMPORT_FIELDS.join(", ")} (null = not imported). Left out: the caller's last mapping where it fits, else suggested from the headers (Swedish or English).`,
    example: JSON.stringify({ title: "Titel", department: "Förvaltning", estimatedCostSek: "Kostnad (kr)" }),
  }),
});

const exportDocument = z
  .object({
    format: z.literal("portfoljen-export"),
    version: z.literal(1),
    exportedAt: z.string().meta({ format: "date-time" }),
    schema: z.string().meta({ description: "The last database migration where the export was made; restore needs the same." }),
    excluded: z.array(z.string()).meta({ description: "Fields left out: always empty; nothing is left out." }),
    sensitive: z.array(z.string()).meta({ description: "Fields that let the holder sign in or call the API (bcrypt password hashes, token hashes) or identify people." }),
    entities: z
      .record(z.string(), z.array(z.record(z.string(), z.unknown())))
      .meta({
        description: `Every table, keyed ${ENTITIES.map((e) => e.key).join(", ")} (in this dependency order), rows sorted by primary key; each row has every column of the model, dates as ISO 8601 strings, JSON columns as stored.`,
      }),
  })
  .meta({ id: "FullExport" });

export const dataPaths: Paths = {
  "/api/v1/import/initiatives": {
    post: op({
      operationId: "importInitiatives",
      summary: "Import initiatives from Excel or CSV, all or nothing (DIG, admin)",
      description:
        "With dryRun=true nothing is written: the answer lists every problem by row and field and previews the first rows. Without, any problem refuses the whole file (400 IMPORT_INVALID, issue paths rows.<row>.<field>); otherwise every row is created in one transaction, with a status change and an audit event each, and the mapping is remembered for the caller. Rows without a status become drafts. Send Accept: application/x-ndjson to receive progress lines ({\"progress\":…}) and then one line with the result ({\"data\":…}) or the error ({\"status\",\"error\"}); a file that cannot be read and rows with problems are answered before the stream starts, with their 4xx. " +
        `A file that cannot be imported is 400 or 413 IMPORT_FILE_INVALID with one issue {path: "file", message: <why>}; nothing is written. ${fileLimits}`,
      requestParams: { query: z.object({ dryRun: z.enum(["true", "false"]).optional().meta({ description: "true: check and preview only" }) }) },
      requestBody: { content: { "multipart/form-data": { schema: upload } } },
      responses: {
        "200": {
          description: "Checked (dry run) or imported",
          content: { "application/json": { schema: z.object({ data: importResult }) }, "application/x-ndjson": { schema: z.string() } },
        },
        "400": error("A file that cannot be imported (IMPORT_FILE_INVALID, issue path \"file\"), rows with problems (IMPORT_INVALID, issue paths rows.<row>.<field>), a bad mapping or dryRun"),
        "413": error(`File larger than ${megabytes(L.fileBytes)} (fileTooLarge), or an .xlsx that unpacks to more than the limits (unpackedTooLarge)`),
        "415": error("Not multipart/form-data"),
      },
    }),
  },
  "/api/v1/import/initiatives/template": {
    get: op({
      operationId: "importTemplate",
      summary: "The import template with every column and one example row (DIG, admin)",
      description: FORMULAS_NEUTRALISED,
      requestParams: { query: z.object({ format: z.enum(["xlsx", "csv"]).optional(), lang: z.enum(["sv", "en"]).optional().meta({ description: "Header language; default the reader's" }) }) },
      responses: { "200": { description: "A file", content: { "text/csv": { schema: z.string() }, [XLSX]: { schema: z.string().meta({ format: "binary" }) } } } },
    }),
  },
  "/api/v1/export/full": {
    get: op({
      operationId: "exportFull",
      summary: "Every table of the municipality's data as one JSON document (admin; audited)",
      description: "Includes users' bcrypt password hashes and API tokens' secret hashes, so that sign-in and tokens work after a restore: keep the file safe.",
      responses: { "200": { description: "The export document, as a download", ...json(exportDocument) } },
    }),
  },
  "/api/v1/restore": {
    post: op({
      operationId: "restoreFull",
      summary: "Restore a full export into this database, which must be empty (admin; audited)",
      description: `Validated first (format, version, every field of every row, primary keys, references, JSON columns nested at most 100 levels), then written in one transaction; nothing is written if anything is wrong. The body: UTF-8 JSON, at most ${megabytes(RESTORE_MAX_BYTES)} here (413 PAYLOAD_TOO_LARGE, refused as soon as more arrives, whatever Content-Length says; larger exports: npm run data:restore).`,
      requestBody: json(exportDocument),
      responses: {
        "201": { description: "Restored", ...json(z.object({ data: z.object({ rows: z.number().int(), counts: z.record(z.string(), z.number().int()) }) })) },
        "400": error("Not valid UTF-8 (INVALID_ENCODING) or JSON (MALFORMED_JSON), not an export (NOT_AN_EXPORT), another format version or database version, or an invalid or inconsistent export (INVALID_EXPORT, issue paths entities.<table>.<row>.<field>)"),
        "409": error("The database is not empty (DATABASE_NOT_EMPTY)"),
        "413": error(`Larger than ${megabytes(RESTORE_MAX_BYTES)} (PAYLOAD_TOO_LARGE)`),
      },
    }),
  },
};
