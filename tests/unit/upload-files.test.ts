// Hostile files to the import (issue #17): zip bombs and other .xlsx files built to make the reader
// take memory or time, files that are not what their names say, CSV that is not text. Each is
// refused with a clear issue and the reading stays bounded. Figures are printed for the record.
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/server/errors";
import { ImportFileError, readTable } from "@/lib/server/import/parse";
import { withoutExpandingBlocks } from "@/lib/server/import/xlsx-guard";
import { readZip, ZipRefusal } from "@/lib/server/import/zip";
import { IMPORT_LIMITS } from "@/lib/validation/data";
import { measured, refusal } from "../support/hostile";
import { deflated, deflatedRepeat, unzip, zip, zipOf, type ZipEntry } from "../support/zip";

const MB = 1024 * 1024;
const SHEET = "xl/worksheets/sheet1.xml";

const issueOf = async (promise: Promise<unknown>) => {
  const error = await refusal(promise);
  expect(error).toBeInstanceOf(ImportFileError);
  return [error.status, error.issues?.[0]?.message];
};

async function workbook(rows: ExcelJS.CellValue[][], extra?: (sheet: ExcelJS.Worksheet) => void): Promise<Map<string, Buffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Lista");
  for (const row of rows) sheet.addRow(row);
  extra?.(sheet);
  return unzip(new Uint8Array(await book.xlsx.writeBuffer()));
}

const LIST = [["Titel", "Förvaltning"], ["Digital frånvaroanmälan", "Socialförvaltningen"]];

// First in the file, so that the process's peak memory before it is not some other test's.
describe("a zip bomb as .xlsx", () => {
  let files: Map<string, Buffer>;
  let bomb: ZipEntry;
  const unpacked = 400 * MB;

  beforeAll(async () => {
    files = await workbook(LIST);
    const [head, tail] = files.get(SHEET)!.toString().split("</sheetData>");
    // A real workbook whose sheet is 400 MB: its rows, then spaces (valid XML), deflated to a few hundred kilobytes.
    bomb = await deflatedRepeat(SHEET, head!, " ".repeat(MB), unpacked / MB, `</sheetData>${tail}`);
  });
  const archive = (sheet: ZipEntry) => zip([...files].map(([name, content]) => (name === SHEET ? sheet : deflated(name, content))));

  it("is refused on its declared sizes, before inflating a byte", async () => {
    const file = archive(bomb);
    expect(file.length).toBeLessThan(MB);
    const refused = readZipRefusal(file);
    expect([refused.reason, refused.inflated]).toEqual(["tooLarge", 0]);
    const { value, ms, peakMB } = await measured(() => issueOf(readTable("lista.xlsx", file)));
    expect(value).toEqual([413, "unpackedTooLarge"]);
    console.log(`zip bomb, ${(file.length / 1024).toFixed(0)} kB unpacking to ${unpacked / MB} MB, sizes declared: 413 in ${ms} ms, 0 bytes inflated, peak memory +${peakMB} MB`);
  });

  it("is refused after inflating at most the limit when its sizes lie", async () => {
    const file = archive({ ...bomb, declaredSize: 2_000 });
    const refused = readZipRefusal(file);
    expect(refused.reason).toBe("tooLarge");
    expect(refused.inflated).toBeLessThanOrEqual(IMPORT_LIMITS.unpackedBytes);
    const { value, ms, peakMB, keptMB } = await measured(() => issueOf(readTable("lista.xlsx", file)));
    expect(value).toEqual([413, "unpackedTooLarge"]);
    expect(ms).toBeLessThan(5_000);
    console.log(
      `zip bomb, ${(file.length / 1024).toFixed(0)} kB unpacking to ${unpacked / MB} MB, sizes lying (2 kB): 413 in ${ms} ms after inflating ${(refused.inflated / MB).toFixed(0)} MB (the limit), peak memory +${peakMB} MB, kept +${keptMB} MB`,
    );
  });

  it("is refused when many small entries add up, or there are too many of them", async () => {
    const many = zip(Array.from({ length: IMPORT_LIMITS.xlsxEntries + 1 }, (_, i) => deflated(`xl/x${i}.xml`, "<x/>")));
    expect(await issueOf(readTable("lista.xlsx", many))).toEqual([413, "unpackedTooLarge"]);
    const parts = await Promise.all(Array.from({ length: 6 }, (_, i) => deflatedRepeat(`xl/media/image${i}.png`, "", "\0".repeat(MB), 10, "")));
    expect(await issueOf(readTable("lista.xlsx", zip([...[...files].map(([n, c]) => deflated(n, c)), ...parts])))).toEqual([413, "unpackedTooLarge"]);
  });

  it("is refused when entries share their compressed bytes (a zip bomb without lies in its sizes)", async () => {
    const file = zip([deflated("a.xml", "<a/>"), deflated("b.xml", "<a/>")]);
    // Point the second central directory entry at the first local header.
    const second = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 1);
    file.writeUInt32LE(0, second + 42);
    expect(readZipRefusal(file).reason).toBe("broken");
  });
});

function readZipRefusal(file: Uint8Array): ZipRefusal {
  try {
    readZip(file, { entries: IMPORT_LIMITS.xlsxEntries, unpackedBytes: IMPORT_LIMITS.unpackedBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(ZipRefusal);
    return error as ZipRefusal;
  }
  throw new Error("expected a ZipRefusal");
}

describe("an .xlsx built to make exceljs build millions of objects", () => {
  /** The list's workbook with `sheet` and `book` changed, and the time reading it took. */
  async function readChanged(change: { sheet?: (xml: string) => string; book?: (xml: string) => string; styles?: (xml: string) => string }) {
    const files = await workbook(LIST);
    if (change.sheet) files.set(SHEET, Buffer.from(change.sheet(files.get(SHEET)!.toString())));
    if (change.book) files.set("xl/workbook.xml", Buffer.from(change.book(files.get("xl/workbook.xml")!.toString())));
    if (change.styles) files.set("xl/styles.xml", Buffer.from(change.styles(files.get("xl/styles.xml")!.toString())));
    const file = zipOf(files);
    return { file, ...(await measured(() => readTable("lista.xlsx", file).catch((e: unknown) => e))) };
  }

  it("reads the list and ignores merged ranges, validations, names and column ranges that would be expanded cell by cell", async () => {
    const whole = "A1:XFD1048576";
    for (const [what, change] of Object.entries({
      "a merged range of the whole sheet": { sheet: (x: string) => x.replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="${whole}"/></mergeCells >`) },
      "a validation of the whole sheet": {
        sheet: (x: string) => x.replace("<pageMargins", `<dataValidations count="1"><dataValidation type="whole" sqref="A1:Z40000 ${whole}"><formula1>1</formula1></dataValidation></dataValidations><pageMargins`),
      },
      "a name for the whole sheet": { book: (x: string) => x.replace("</sheets>", `</sheets><definedNames><definedName name="allt">Lista!$A$1:$XFD$1048576</definedName></definedNames>`) },
      "two billion column definitions": { sheet: (x: string) => x.replace("<sheetData>", '<cols><col min="1" max="2000000000" width="9"/></cols><sheetData>') },
    })) {
      const { file, value, ms, peakMB } = await readChanged(change);
      expect(value, what).toMatchObject({ format: "xlsx", headers: ["Titel", "Förvaltning"], rows: [{ row: 2, cells: ["Digital frånvaroanmälan", "Socialförvaltningen"] }] });
      expect(ms, what).toBeLessThan(3_000);
      console.log(`${what} (${file.length} bytes): read in ${ms} ms, peak memory +${peakMB} MB`);
    }
  });

  it("refuses a workbook with more cells or XML elements than allowed, before exceljs reads it", async () => {
    const cells = await readChanged({ sheet: (x) => x.replace("</sheetData>", `<row r="3">${'<c r="A3"/>'.repeat(IMPORT_LIMITS.xlsxCells)}</row></sheetData>`) });
    expect([(cells.value as AppError).status, (cells.value as AppError).issues?.[0]?.message]).toEqual([413, "unpackedTooLarge"]);
    const styles = await readChanged({ styles: (x) => x.replace(/<cellXfs count="\d+">/, (m) => m + "<xf/>".repeat(IMPORT_LIMITS.xlsxElements)) });
    expect([(styles.value as AppError).status, (styles.value as AppError).issues?.[0]?.message]).toEqual([413, "unpackedTooLarge"]);
    console.log(`${IMPORT_LIMITS.xlsxCells + 1} cells (${cells.file.length} bytes): 413 in ${cells.ms} ms; ${IMPORT_LIMITS.xlsxElements} style elements (${styles.file.length} bytes): 413 in ${styles.ms} ms`);
  });

  it("refuses a workbook whose XML is left unclosed to keep a block from being taken out", async () => {
    const { value } = await readChanged({ sheet: (x) => x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/>').replace(/<\/worksheet>$/, "") });
    expect((value as AppError).issues?.[0]?.message).toBe("brokenXlsx");
  });

  it("keeps a row as wide as its last cell with text, and refuses text beyond the column limit", async () => {
    const far = await readChanged({ sheet: (x) => x.replace("</sheetData>", '<row r="3"><c r="A3" t="inlineStr"><is><t>Chattbot</t></is></c><c r="XFD3" s="0"/></row></sheetData>') });
    expect((far.value as { rows: { cells: string[] }[] }).rows[1]!.cells).toEqual(["Chattbot"]);
    const wide = await readChanged({ sheet: (x) => x.replace("</sheetData>", '<row r="3"><c r="XFD3" t="inlineStr"><is><t>långt bort</t></is></c></row></sheetData>') });
    expect([(wide.value as AppError).status, (wide.value as AppError).issues?.[0]?.message]).toEqual([400, "tooManyColumns"]);
  });

  it("takes out only whole blocks, leaving other XML as it was", () => {
    const xml = '<a><colsX/><cols><col min="1"/></cols><b>å</b><mergeCells count="1"/><dataValidations><x/></dataValidations ></a>';
    expect(withoutExpandingBlocks(Buffer.from(xml)).toString()).toBe("<a><colsX/><b>å</b></a>");
  });
});

describe("formula cells in an uploaded workbook", () => {
  it("takes each as its formula's text or its value: a string, never an object", async () => {
    const files = await workbook([
      ["Titel", "Behov", "Kontaktperson", "Förvaltning"],
      [{ formula: 'HYPERLINK("http://evil.example","klicka")', result: "klicka" }, { formula: "1+1", result: 2 }, { error: "#N/A" }, "SOC"],
      [{ formula: "A2&B2", result: "x" }, { sharedFormula: "B2", result: 2 } as ExcelJS.CellValue, { text: "länk", hyperlink: "http://evil.example" }, "SOC"],
    ]);
    const table = await readTable("lista.xlsx", zipOf(files));
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['=HYPERLINK("http://evil.example","klicka")', "=1+1", "#N/A", "SOC"],
      ["=A2&B2", "=1+1", "länk", "SOC"],
    ]);
    for (const cell of table.rows.flatMap((r) => r.cells)) expect(typeof cell).toBe("string");
  });
});

describe("files that are not what their names say", () => {
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));

  it("names the problem of each", async () => {
    const xlsx = zipOf(await workbook(LIST));
    const cases: [string, Uint8Array, number, string][] = [
      ["bild.xlsx (a PNG)", png, 400, "brokenXlsx"],
      ["slump.xlsx (random bytes)", random, 400, "brokenXlsx"],
      ["lista.csv (an .xlsx)", xlsx, 400, "xlsxNamedCsv"],
      ["lista.txt (an .xlsx)", xlsx, 400, "xlsxNamedCsv"],
      ["bild.csv (a PNG)", png, 400, "notText"],
      ["tom.xlsx (empty)", new Uint8Array(), 400, "fileEmpty"],
      ["tom.csv (empty)", new Uint8Array(), 400, "fileEmpty"],
      ["avklippt.xlsx (the last 100 bytes cut off)", xlsx.subarray(0, xlsx.length - 100), 400, "brokenXlsx"],
      ["avklippt.xlsx (only the first half)", xlsx.subarray(0, xlsx.length / 2), 400, "brokenXlsx"],
      ["skadad.xlsx (a byte of the sheet changed)", Buffer.from(xlsx).fill(0x41, 200, 201), 400, "brokenXlsx"],
    ];
    for (const [label, bytes, status, message] of cases) {
      const name = label.split(" ")[0]!;
      expect(await issueOf(readTable(name, bytes)), label).toEqual([status, message]);
    }
  });
});

describe("CSV that is not (valid) text", () => {
  const utf8 = (s: string) => Buffer.from(s, "utf8");

  it("refuses broken UTF-8 when the file is meant as UTF-8, and undefined Windows-1252 bytes", async () => {
    const header = "Titel;Förvaltning\r\n";
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(header), Buffer.from([0x41, 0xc3, 0x28, 0x0d, 0x0a])]);
    expect(await issueOf(readTable("lista.csv", bom))).toEqual([400, "invalidUtf8"]);
    // "Förvaltning" in UTF-8, then a Windows-1252 ö (F6): two encodings in one file.
    const mixed = Buffer.concat([utf8(header), Buffer.from("Gr"), Buffer.from([0xf6]), Buffer.from("n;SOC\r\n")]);
    expect(await issueOf(readTable("lista.csv", mixed))).toEqual([400, "invalidUtf8"]);
    const undefinedByte = Buffer.concat([Buffer.from("Titel;F"), Buffer.from([0xf6]), Buffer.from("rvaltning\r\nA"), Buffer.from([0x81]), Buffer.from(";SOC\r\n")]);
    expect(await issueOf(readTable("lista.csv", undefinedByte))).toEqual([400, "notText"]);
    const lateNul = Buffer.concat([utf8(header), utf8(`${"Rad;SOC\r\n".repeat(10_000)}`), Buffer.from([0x41, 0x00, 0x3b, 0x42, 0x0d, 0x0a])]);
    expect(await issueOf(readTable("lista.csv", lateNul))).toEqual([400, "notText"]);
  });

  it("stops at the column limit: a line of five million separators is refused in about a second", async () => {
    const wide = utf8(`Titel;${"a;".repeat(5_000_000)}`);
    const { value, ms, peakMB } = await measured(() => issueOf(readTable("lista.csv", wide)));
    expect(value).toEqual([400, "tooManyColumns"]);
    console.log(`CSV of ${(wide.length / MB).toFixed(0)} MB in one line of 5,000,001 columns: 400 in ${ms} ms, peak memory +${peakMB} MB`);
  });

  it("keeps a row as wide as its last cell with text", async () => {
    const table = await readTable("lista.csv", utf8("Titel;Förvaltning;;;\r\nA;SOC;;;\r\n"));
    expect([table.headers, table.rows[0]!.cells]).toEqual([["Titel", "Förvaltning"], ["A", "SOC"]]);
  });
});

it("inflates with node's zlib, which honours maxOutputLength (what readZip relies on)", () => {
  const packed = zlib.deflateRawSync(Buffer.alloc(10 * MB));
  expect(() => zlib.inflateRawSync(packed, { maxOutputLength: MB })).toThrow(expect.objectContaining({ code: "ERR_BUFFER_TOO_LARGE" }));
});
