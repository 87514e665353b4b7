import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { contentDisposition, csvStream, neutraliseFormula, toCsv, toXlsx, type ExportColumn } from "@/lib/server/table-export";

type Row = { name: string; cost: number | null; start: Date | null; active: boolean; note?: string };

const columns: ExportColumn<Row>[] = [
  { header: "Namn", value: (row) => row.name, width: 40 },
  { header: "Kostnad", value: (row) => row.cost },
  { header: "Start", value: (row) => row.start },
  { header: "Aktiv", value: (row) => row.active },
  { header: "Anteckning", value: (row) => row.note },
];

const rows: Row[] = [
  { name: "Självservice för äldreomsorgen", cost: 125000, start: new Date("2024-03-05T00:00:00Z"), active: true },
  { name: "=HYPERLINK(\"http://evil.example\",\"klicka\")", cost: -42.5, start: null, active: false, note: "a;b" },
];

const BOM = "\uFEFF";

function csvLines(csv: string): string[] {
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.endsWith("\r\n")).toBe(true);
  return csv.slice(1, -2).split("\r\n");
}

function single(value: string | number | boolean | Date | null | undefined): string {
  const csv = toCsv<null>([{ header: "h", value: () => value }], [null]);
  return csvLines(csv)[1]!;
}

describe("toCsv", () => {
  it("starts with a BOM, separates with ; and ends records with CRLF", () => {
    const csv = toCsv(columns, rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    const lines = csvLines(csv);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("Namn;Kostnad;Start;Aktiv;Anteckning");
    expect(lines[1]).toBe("Självservice för äldreomsorgen;125000;2024-03-05;true;");
  });

  it("quotes fields with ; \" , and newlines, doubling quotes", () => {
    expect(single("a;b")).toBe('"a;b"');
    expect(single('säger "hej"')).toBe('"säger ""hej"""');
    expect(single("a,b")).toBe('"a,b"');
    const csv = toCsv<null>([{ header: "h", value: () => "rad 1\nrad 2\r\nrad 3" }], [null]);
    expect(csv).toBe(`${BOM}h\r\n"rad 1\nrad 2\r\nrad 3"\r\n`);
    expect(single("plain")).toBe("plain");
  });

  it.each(["=", "+", "-", "@", "\t", "\r"])("neutralises a text cell starting with %j", (prefix) => {
    const text = `${prefix}1+1`;
    const field = single(text);
    const unquoted = field.startsWith('"') ? field.slice(1, -1) : field;
    expect(unquoted).toBe(`'${text}`);
  });

  it("neutralises a formula with a separator and quotes in it", () => {
    expect(single('=HYPERLINK("http://x";"y")')).toBe(`"'=HYPERLINK(""http://x"";""y"")"`);
  });

  it.each([" =1+1", "  @SUM(1)", "\n=1+1", "\u2028-2+3", "\u00a0+1+1", "\u3000=1", "\u200b=1", "\t"])(
    "neutralises = + - @ after leading whitespace a spreadsheet may trim: %j",
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      const field = single(text);
      expect(field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field).toBe(`'${text}`);
    },
  );

  it("leaves text alone that only contains = + - @ further in, or starts with something else", () => {
    for (const text of ["a=b", "1-2", "tis", "'=already quoted", "e-post@kommun.se", " text", "Q1 2027"]) expect(neutraliseFormula(text)).toBe(text);
  });

  it("neutralises the streamed CSV (the audit log export) the same way", async () => {
    const stream = csvStream<string>([{ header: "actor", value: (name) => name }], (async function* () {
      yield '=HYPERLINK("http://evil.example","klicka")';
      yield " @SUM(1)";
    })());
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
    expect(text).toBe(`\uFEFFactor\r\n"'=HYPERLINK(""http://evil.example"",""klicka"")"\r\n' @SUM(1)\r\n`);
  });

  it("neutralises headers too", () => {
    const csv = toCsv<null>([{ header: "=evil()", value: () => 1 }], []);
    expect(csvLines(csv)[0]).toBe("'=evil()");
  });

  it("leaves numbers alone, negative ones included, with a decimal comma by default", () => {
    expect(single(-5)).toBe("-5");
    expect(single(-42.5)).toBe('"-42,5"');
    expect(single(0)).toBe("0");
    const dot = toCsv<null>([{ header: "h", value: () => -42.5 }], [null], { decimalSeparator: "." });
    expect(csvLines(dot)[1]).toBe("-42.5");
    expect(single(Number.NaN)).toBe("");
  });

  it("writes dates as ISO dates, booleans as true/false and null/undefined as empty", () => {
    expect(single(new Date("2025-12-31T00:00:00Z"))).toBe("2025-12-31");
    expect(single(new Date("invalid"))).toBe("");
    expect(single(true)).toBe("true");
    expect(single(false)).toBe("false");
    expect(single(null)).toBe("");
    expect(single(undefined)).toBe("");
  });

  it("keeps Swedish characters as UTF-8", () => {
    const bytes = Buffer.from(toCsv<null>([{ header: "Förvaltning", value: () => "Åre–Öckerö" }], [null]), "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("Förvaltning\r\nÅre–Öckerö\r\n");
  });

  it("accepts any iterable of rows", () => {
    function* generate() {
      yield rows[0]!;
    }
    expect(csvLines(toCsv(columns, generate()))).toHaveLength(2);
  });
});

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  return sheet;
}

describe("toXlsx", () => {
  it("produces a zip-based workbook that reads back with typed cells", async () => {
    const buffer = await toXlsx(columns, rows, { sheetName: "Initiativ" });
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");

    const sheet = await readBack(buffer);
    expect(sheet.name).toBe("Initiativ");
    expect(sheet.rowCount).toBe(3);

    const header = sheet.getRow(1);
    expect([1, 2, 3, 4, 5].map((i) => header.getCell(i).value)).toEqual(["Namn", "Kostnad", "Start", "Aktiv", "Anteckning"]);
    expect(header.getCell(1).font?.bold).toBe(true);

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe("Självservice för äldreomsorgen");
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(2).value).toBe(125000);
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(3).value).toBeInstanceOf(Date);
    expect((first.getCell(3).value as Date).toISOString()).toBe("2024-03-05T00:00:00.000Z");
    expect(first.getCell(3).numFmt).toBe("yyyy-mm-dd");
    expect(first.getCell(4).value).toBe(true);

    const second = sheet.getRow(3);
    expect(second.getCell(2).value).toBe(-42.5);
    expect(second.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(second.getCell(3).value).toBeNull();
    expect(second.getCell(5).value).toBe("a;b");
  });

  it("writes formula-looking text as a neutralised string, never a formula", async () => {
    const buffer = await toXlsx(columns, rows, { sheetName: "Initiativ" });
    const cell = (await readBack(buffer)).getRow(3).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe("'=HYPERLINK(\"http://evil.example\",\"klicka\")");

  });

  it.each(["=", "+", "-", "@", "\t", "\r"])("neutralises xlsx text starting with %j", async (prefix) => {
    const buffer = await toXlsx<null>([{ header: "h", value: () => `${prefix}cmd` }], [null], { sheetName: "S" });
    const cell = (await readBack(buffer)).getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    // A CR inside xlsx text is written as a line break (LF), like Excel's own line breaks.
    expect(cell.value).toBe(`'${prefix === "\r" ? "\n" : prefix}cmd`);
  });

  it.each([" =1+1", "\n@SUM(1)", "\u00a0-2+3"])("neutralises xlsx text with = + - @ after leading whitespace: %j", async (text) => {
    const cell = (await readBack(await toXlsx<null>([{ header: "h", value: () => text }], [null], { sheetName: "S" }))).getRow(2).getCell(1);
    expect([cell.type, cell.value]).toEqual([ExcelJS.ValueType.String, `'${text}`]);
  });

  it("freezes the header row and sets column widths", async () => {
    const sheet = await readBack(await toXlsx(columns, rows, { sheetName: "Initiativ" }));
    const view = sheet.views[0];
    expect(view?.state).toBe("frozen");
    expect(view && "ySplit" in view ? view.ySplit : undefined).toBe(1);
    expect(sheet.getColumn(1).width).toBe(40);
    // Derived widths: the longest of header and values plus 2 ("Anteckning" = 10, "2024-03-05" = 10).
    expect(sheet.getColumn(3).width).toBe(12);
    expect(sheet.getColumn(5).width).toBe(12);

    const long = "x".repeat(200);
    const wide = await readBack(await toXlsx<null>([{ header: "h", value: () => long }], [null], { sheetName: "S" }));
    expect(wide.getColumn(1).width).toBe(60);
  });

  it("keeps Swedish characters in sheet name, headers and values, and cleans an invalid sheet name", async () => {
    const sheet = await readBack(
      await toXlsx<null>([{ header: "Förvaltning", value: () => "Åre–Öckerö" }], [null], { sheetName: "Socialförvaltningen" }),
    );
    expect(sheet.name).toBe("Socialförvaltningen");
    expect(sheet.getRow(1).getCell(1).value).toBe("Förvaltning");
    expect(sheet.getRow(2).getCell(1).value).toBe("Åre–Öckerö");

    const odd = await readBack(await toXlsx<null>([{ header: "h", value: () => 1 }], [], { sheetName: "Q1/Q2: [utkast]?" }));
    expect(odd.name).not.toMatch(/[:\\/?*[\]]/);
    expect(odd.name.length).toBeLessThanOrEqual(31);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and an RFC 5987 UTF-8 filename", () => {
    const header = contentDisposition("Initiativ – Socialförvaltningen.xlsx");
    expect(header).toBe(
      `attachment; filename="Initiativ - Socialforvaltningen.xlsx"; filename*=UTF-8''Initiativ%20%E2%80%93%20Socialf%C3%B6rvaltningen.xlsx`,
    );
    // Valid as a header value: ASCII only.
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    const encoded = header.split("filename*=UTF-8''")[1]!;
    expect(decodeURIComponent(encoded)).toBe("Initiativ – Socialförvaltningen.xlsx");
  });

  it("handles å, ä, ö and characters outside attr-char", () => {
    const header = contentDisposition(`Åtgärder (ö) "x"'s*.csv`);
    expect(header).toContain(`filename="Atgarder (o) _x_'s*.csv"`);
    const encoded = header.split("filename*=UTF-8''")[1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe(`Åtgärder (ö) "x"'s*.csv`);
  });

  it("strips line breaks and path separators and never returns an empty name", () => {
    const header = contentDisposition("a\r\nSet-Cookie: x/../b.csv");
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).not.toContain("/");
    expect(contentDisposition("")).toContain('filename="download"');
  });
});
