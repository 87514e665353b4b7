// Reads an uploaded spreadsheet (.xlsx or .csv) into a table of text cells: a header row
// and data rows numbered as the spreadsheet program shows them. Every way a file can be
// unreadable ends in an ImportFileError whose issue names the problem (data.issues.*).
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { IMPORT_LIMITS } from "@/lib/validation/data";
import { AppError } from "../errors";
import { serialQueue } from "../serial";
import { guardedWorkbook } from "./xlsx-guard";
import { ZipRefusal } from "./zip";

export type TableRow = { row: number; cells: string[] };
export type Table = { format: "csv" | "xlsx"; headers: string[]; rows: TableRow[] };

const MESSAGES: Record<string, string> = {
  fileEmpty: "The file is empty.",
  fileTooLarge: `The file is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB.`,
  wrongType: "Only Excel (.xlsx) and CSV (.csv) files can be imported.",
  legacyXls: "The file is in the old Excel format (.xls). Save it as .xlsx or .csv and try again.",
  brokenXlsx: "The Excel file cannot be read; it may be damaged or not an Excel file.",
  xlsxNamedCsv: "The file is named .csv but is an Excel file. Rename it to .xlsx, or save it as CSV, and try again.",
  unpackedTooLarge: `The Excel file is too large unpacked (more than ${IMPORT_LIMITS.unpackedBytes / 1024 / 1024} MB, ${IMPORT_LIMITS.xlsxCells} cells or ${IMPORT_LIMITS.xlsxEntries} parts). Copy just the list into a new workbook, or save it as CSV, and try again.`,
  notText: "The CSV file is not text (or not in UTF-8 or Windows-1252). Save it as CSV UTF-8 and try again.",
  invalidUtf8: "The CSV file is not valid UTF-8: it mixes UTF-8 with another encoding. Save it as CSV UTF-8 and try again.",
  utf16: "The CSV file is in UTF-16. Save it as CSV UTF-8 and try again.",
  malformedCsv: "The CSV file has a quote that is never closed.",
  noHeader: "The file has no header row.",
  noRows: "The file has a header row but no rows to import.",
  tooManyRows: `The file has more than ${IMPORT_LIMITS.rows} rows; split it into several files.`,
  tooManyColumns: `A row of the file has text in more than ${IMPORT_LIMITS.columns} columns; remove the columns that are not imported.`,
};

/** A file that cannot be imported at all; nothing is written. */
export class ImportFileError extends AppError {
  constructor(
    readonly key: keyof typeof MESSAGES,
    status = 400,
    details?: Record<string, unknown>,
  ) {
    super("IMPORT_FILE_INVALID", status, MESSAGES[key] ?? "The file cannot be imported.", [{ path: "file", message: key }], details);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const oneAtATime = serialQueue();

/**
 * Reads a file as a table, by its content (and its name where the content is ambiguous). One
 * file at a time: the largest workbook the limits allow takes up to a few hundred megabytes while
 * it is read, and several uploads at once should not add up to more.
 */
export function readTable(fileName: string, bytes: Uint8Array): Promise<Table> {
  return oneAtATime(() => readFile(fileName, bytes));
}

async function readFile(fileName: string, bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) throw new ImportFileError("fileEmpty");
  if (bytes.length > IMPORT_LIMITS.fileBytes) throw new ImportFileError("fileTooLarge", 413);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (startsWith(bytes, OLE)) throw new ImportFileError(extension === "xls" || extension === "xlsx" ? "legacyXls" : "wrongType");
  if (!["xlsx", "csv", "txt", ""].includes(extension)) throw new ImportFileError(extension === "xls" ? "legacyXls" : "wrongType");
  if (startsWith(bytes, ZIP)) {
    // Said to be text but is a workbook: say so rather than guess what the sender meant.
    if (extension === "csv" || extension === "txt") throw new ImportFileError("xlsxNamedCsv");
    return readXlsx(bytes);
  }
  if (extension === "xlsx") throw new ImportFileError("brokenXlsx");
  return readCsv(decodeText(bytes));
}

// ---- CSV ----------------------------------------------------------------------------

/**
 * The text of a CSV file: UTF-8 (with or without BOM), else Windows-1252, which is what
 * Swedish Excel writes when saving as plain "CSV". Binary content is refused.
 */
export function decodeText(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) bytes = bytes.subarray(3);
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new ImportFileError("utf16");
  if (looksBinary(bytes)) throw new ImportFileError("notText");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Meant as UTF-8 (a BOM, or UTF-8 characters elsewhere in the file) but broken: reading it as
    // Windows-1252 would garble every å, ä and ö that was right, so it is refused instead.
    if (bom || hasUtf8Sequence(bytes)) throw new ImportFileError("invalidUtf8");
    // Five bytes mean nothing in Windows-1252 (they would be stored as control characters).
    if (bytes.some((b) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d)) throw new ImportFileError("notText");
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * A well-formed UTF-8 sequence of two or more bytes somewhere. Swedish Windows-1252 text has
 * practically none: å, ä and ö (E5, E4, F6) are followed by ASCII letters, not continuation bytes.
 */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  const continuation = (i: number) => (bytes[i]! & 0xc0) === 0x80;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length && i + length <= bytes.length && Array.from({ length: length - 1 }, (_, k) => continuation(i + 1 + k)).every(Boolean)) return true;
  }
  return false;
}

/**
 * NUL bytes anywhere (PostgreSQL cannot store them), or more than 1 % control characters other
 * than tab, line breaks and form feed near the start.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length / 100;
}

/** The separator of the header line: the most frequent of ; , and tab outside quotes; ";" on a tie (Swedish Excel). */
export function detectDelimiter(text: string): ";" | "," | "\t" {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = Math.max(counts[";"], counts[","], counts["\t"]);
  if (best === 0 || counts[";"] === best) return ";";
  return counts[","] === best ? "," : "\t";
}

/**
 * Parsed a record at a time, so that a file over the row or column limit stops being read there
 * (a line of a million separators is one record of a million cells).
 */
export function readCsv(text: string): Table {
  const records: TableRow[] = [];
  let nonBlank = 0;
  let refusal: ImportFileError | null = null;
  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: false,
    step(result, parser) {
      const cells = trimRow(result.data);
      if (result.errors.some((e) => e.type === "Quotes")) refusal = new ImportFileError("malformedCsv");
      else if (cells.length > IMPORT_LIMITS.columns) refusal = new ImportFileError("tooManyColumns");
      // The header and one row too many are enough for toTable to say "too many rows".
      else if (cells.length && ++nonBlank > IMPORT_LIMITS.rows + 2) refusal = new ImportFileError("tooManyRows");
      if (refusal) return parser.abort();
      records.push({ row: records.length + 1, cells });
    },
  });
  if (refusal) throw refusal;
  return toTable("csv", records);
}

/** A row's cells up to the last one with text (a blank row has none). */
function trimRow(cells: (string | null | undefined)[]): string[] {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? "").trim() === "") width--;
  const out = new Array<string>(width);
  for (let i = 0; i < width; i++) out[i] = cells[i] ?? "";
  return out;
}

// ---- Excel -------------------------------------------------------------------------

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  let guarded: Buffer;
  try {
    guarded = guardedWorkbook(bytes, { entries: IMPORT_LIMITS.xlsxEntries, unpackedBytes: IMPORT_LIMITS.unpackedBytes, cells: IMPORT_LIMITS.xlsxCells, elements: IMPORT_LIMITS.xlsxElements });
  } catch (error) {
    if (error instanceof ZipRefusal) throw error.reason === "tooLarge" ? new ImportFileError("unpackedTooLarge", 413) : new ImportFileError("brokenXlsx");
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(guarded as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new ImportFileError("brokenXlsx");
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new ImportFileError(workbook.worksheets.length ? "noHeader" : "brokenXlsx");
  if (sheet.actualRowCount - 1 > IMPORT_LIMITS.rows) throw new ImportFileError("tooManyRows");
  const records: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const texts: (string | undefined)[] = [];
    // Only cells with text: one far-off cell (column XFD) must not make every row 16,384 cells long.
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell.value, cell);
      if (text.trim() !== "") texts[column - 1] = text;
    });
    if (texts.length > IMPORT_LIMITS.columns) throw new ImportFileError("tooManyColumns");
    records.push({ row: rowNumber, cells: Array.from(texts, (t) => t ?? "") });
  });
  return toTable("xlsx", records);
}

/**
 * A cell as the text a person sees or typed. A formula is kept as its text ("=HYPERLINK(…)"),
 * never evaluated: it is stored as plain text, and exports neutralise it again. A cell that shares
 * another's formula gets that formula as it applies to the cell (exceljs translates it), else its
 * last calculated value.
 */
export function cellText(value: ExcelJS.CellValue, cell?: Pick<ExcelJS.Cell, "formula">): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value && value.formula) return `=${value.formula}`;
  if ("sharedFormula" in value) {
    const translated = cell ? translatedFormula(cell) : undefined;
    return translated ? `=${translated}` : cellText(value.result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  return "";
}

/** exceljs throws when the shared formula's first cell is missing. */
function translatedFormula(cell: Pick<ExcelJS.Cell, "formula">): string | undefined {
  try {
    return cell.formula || undefined;
  } catch {
    return undefined;
  }
}

// ---- Both ----------------------------------------------------------------------------

function toTable(format: Table["format"], records: TableRow[]): Table {
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [header, ...rows] = nonBlank;
  if (!header) throw new ImportFileError("noHeader");
  if (rows.length === 0) throw new ImportFileError("noRows");
  if (rows.length > IMPORT_LIMITS.rows) throw new ImportFileError("tooManyRows");
  return { format, headers: header.cells.map((h) => h.replace(/^\uFEFF/, "").trim()), rows };
}
