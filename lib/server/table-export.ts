import "server-only";
import ExcelJS from "exceljs";
import { startsLikeFormula } from "@/lib/domain/formula";

/**
 * Generic table export (CSV and Excel) for lists such as the filtered initiative list.
 *
 * The module is language-neutral: callers pass already translated headers and, where they
 * want wording such as "Ja"/"Nej", already formatted values. Raw values are written as:
 * - string: as is (after formula neutralisation, see below)
 * - number: a number (CSV: decimal comma by default, xlsx: a numeric cell); NaN/±Infinity → empty
 * - Date: a calendar date, CSV `YYYY-MM-DD`, xlsx a date cell. The UTC date is used, which is
 *   what Prisma returns for `@db.Date` columns (midnight UTC).
 * - boolean: CSV "true"/"false", xlsx a native boolean cell
 * - null/undefined: empty
 *
 * Formula injection (OWASP "CSV injection"): a text cell starting with = + - @ TAB or CR, or with
 * = + - @ after leading whitespace, could be run as a formula by a spreadsheet program, so it gets
 * a leading `'`. Values that should be
 * numbers must therefore be passed as numbers, not as strings ("-5" as a string becomes "'-5").
 */

export type ExportValue = string | number | boolean | Date | null | undefined;

export type ExportColumn<Row> = {
  header: string;
  value: (row: Row) => ExportValue;
  /** Column width in characters (xlsx only). Derived from the content when left out. */
  width?: number;
};

export type CsvOptions = {
  /**
   * Decimal separator for non-integer numbers. Defaults to "," because the file is meant for
   * Swedish Excel, which reads "1.5" as text or even as a date; "," pairs with the ";" separator.
   */
  decimalSeparator?: "," | ".";
};

/** Prefixes `'` to text that a spreadsheet could take for a formula (see lib/domain/formula.ts). */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

function isoDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  // toISOString is always UTC; years outside 0000–9999 get a sign and are neutralised later.
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/*
 * Separator: Excel opens a .csv with the list separator of the user's regional settings, and
 * for Swedish settings that is ";" (since "," is the decimal separator). With "," every row
 * would land in a single column. A "sep=;" first line would force it, but Excel then ignores
 * the BOM and mangles å/ä/ö, so the file relies on the Swedish default instead.
 */
const SEPARATOR = ";";
const LINE_END = "\r\n";
const BOM = "\uFEFF";
const NEEDS_QUOTING = /[;,"\r\n]/;

function csvField(value: ExportValue, options: Required<CsvOptions>): string {
  let text: string;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    text = String(value);
    if (options.decimalSeparator === ",") text = text.replace(".", ",");
  } else if (typeof value === "boolean") {
    text = value ? "true" : "false";
  } else if (value instanceof Date) {
    const iso = isoDate(value);
    if (iso === null) return "";
    text = neutraliseFormula(iso);
  } else {
    text = neutraliseFormula(String(value));
  }
  return NEEDS_QUOTING.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV with ";" as separator, CRLF after every record (the last one too) and a UTF-8
 * BOM so that Excel reads the file as UTF-8.
 */
export function toCsv<Row>(columns: ExportColumn<Row>[], rows: Iterable<Row>, options: CsvOptions = {}): string {
  const resolved: Required<CsvOptions> = { decimalSeparator: options.decimalSeparator ?? "," };
  const lines: string[] = [columns.map((column) => csvField(column.header, resolved)).join(SEPARATOR)];
  for (const row of rows) {
    lines.push(columns.map((column) => csvField(column.value(row), resolved)).join(SEPARATOR));
  }
  return BOM + lines.join(LINE_END) + LINE_END;
}

/**
 * The same CSV as toCsv, streamed: rows are read and written a page at a time, so memory does
 * not grow with the number of rows (an audit log of a million events).
 */
export function csvStream<Row>(columns: ExportColumn<Row>[], rows: AsyncIterable<Row>, options: CsvOptions = {}): ReadableStream<Uint8Array> {
  const resolved: Required<CsvOptions> = { decimalSeparator: options.decimalSeparator ?? "," };
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + columns.map((column) => csvField(column.header, resolved)).join(SEPARATOR) + LINE_END));
      }
      const lines: string[] = [];
      while (lines.length < 500) {
        const next = await iterator.next();
        if (next.done) {
          if (lines.length) controller.enqueue(encoder.encode(lines.join("")));
          controller.close();
          return;
        }
        lines.push(columns.map((column) => csvField(column.value(next.value), resolved)).join(SEPARATOR) + LINE_END);
      }
      controller.enqueue(encoder.encode(lines.join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Excel (.xlsx)
// ---------------------------------------------------------------------------------------------

/** Excel refuses to open files whose cells hold more characters than this. */
const XLSX_MAX_CELL_TEXT = 32_767;
const DATE_FORMAT = "yyyy-mm-dd";
const MIN_AUTO_WIDTH = 8;
const MAX_AUTO_WIDTH = 60;

type XlsxCell = string | number | boolean | Date | null;

function xlsxCell(value: ExportValue): XlsxCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  // A plain string is written as a shared string cell: exceljs only writes formulas for
  // { formula } objects, so text is never evaluated. The quote prefix still guards the value
  // when a user edits the cell or saves the sheet as CSV.
  // Line breaks become LF: a raw CR does not survive XML (parsers turn it into LF anyway).
  return neutraliseFormula(String(value)).replace(/\r\n?/g, "\n").slice(0, XLSX_MAX_CELL_TEXT);
}

function displayLength(cell: XlsxCell): number {
  if (cell === null) return 0;
  if (cell instanceof Date) return DATE_FORMAT.length;
  const text = String(cell);
  let longest = 0;
  for (const line of text.split("\n")) longest = Math.max(longest, line.length);
  return longest;
}

/** Excel sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]\u0000-\u001f]/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .slice(0, 31)
    .trim();
  return cleaned.length > 0 && cleaned.toLowerCase() !== "history" ? cleaned : "Export";
}

/**
 * A real .xlsx workbook with one sheet: bold, frozen header row, numbers as numeric cells,
 * dates as date cells, text as plain text cells.
 */
export async function toXlsx<Row>(
  columns: ExportColumn<Row>[],
  rows: Iterable<Row>,
  options: { sheetName: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeSheetName(options.sheetName), {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
  });

  const header = sheet.addRow(columns.map((column) => xlsxCell(column.header)));
  header.font = { bold: true };

  const widths = columns.map((column) => displayLength(xlsxCell(column.header)));
  for (const row of rows) {
    const cells = columns.map((column) => xlsxCell(column.value(row)));
    const added = sheet.addRow(cells);
    cells.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, displayLength(cell));
      if (cell instanceof Date) added.getCell(index + 1).numFmt = DATE_FORMAT;
    });
  }

  columns.forEach((column, index) => {
    const auto = Math.min(MAX_AUTO_WIDTH, Math.max(MIN_AUTO_WIDTH, (widths[index] ?? 0) + 2));
    sheet.getColumn(index + 1).width = column.width ?? auto;
  });

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// Content-Disposition
// ---------------------------------------------------------------------------------------------

const ASCII_REPLACEMENTS: Record<string, string> = {
  "–": "-",
  "—": "-",
  "‐": "-",
  "‑": "-",
  "−": "-",
  "’": "'",
  "‘": "'",
  "“": "'",
  "”": "'",
  "ß": "ss",
  "æ": "ae",
  "Æ": "AE",
  "ø": "o",
  "Ø": "O",
  "đ": "d",
  "Đ": "D",
  "ł": "l",
  "Ł": "L",
};

function asciiFallback(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\u0000-\u007f]/g, (char) => ASCII_REPLACEMENTS[char] ?? "_")
    // A quoted-string may not hold " or \ unescaped; drop them rather than rely on escaping.
    .replace(/["\\]/g, "_");
  return ascii.trim().length > 0 ? ascii.trim() : "download";
}

/** RFC 5987 value-chars: everything outside attr-char is percent-encoded as UTF-8. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition` value for a download, e.g.
 * `attachment; filename="Initiativ - Socialforvaltningen.xlsx"; filename*=UTF-8''Initiativ%20%E2%80%93%20Socialf%C3%B6rvaltningen.xlsx`.
 * Browsers that know RFC 6266 use `filename*`; the ASCII `filename` is the fallback.
 */
export function contentDisposition(filename: string): string {
  const name = filename
    .toWellFormed()
    .normalize("NFC")
    // No control characters (header injection) and no path separators.
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[/\\]/g, "_")
    .trim();
  const safe = name.length > 0 ? name : "download";
  return `attachment; filename="${asciiFallback(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
