import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, normaliseLabel, parseChoice, parseQuarter, parseWholeNumber, parseYesNo } from "@/lib/domain/import-values";
import { suggestMapping } from "@/lib/server/import/mapping";
import { decodeText, detectDelimiter, ImportFileError, readTable, type Table } from "@/lib/server/import/parse";
import fc from "fast-check";
import { duplicateKey, mappingIssues, titleCells, titleSkeleton, validateRows } from "@/lib/server/import/rows";
import { readUpload } from "@/lib/server/import/upload";
import type { AppError } from "@/lib/server/errors";
import { IMPORT_LIMITS } from "@/lib/validation/data";

const bytes = (text: string) => new TextEncoder().encode(text);
const fileError = async (promise: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return (error as ImportFileError).issues![0]!.message;
  }
  throw new Error("expected an ImportFileError");
};

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Blad1");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("cell values", () => {
  it("normalises labels without case, accents or punctuation", () => {
    expect(normaliseLabel("  Förvaltning / Bolag ")).toBe("forvaltning bolag");
    expect(normaliseLabel("Kostnad (kr)")).toBe("kostnad kr");
  });

  it("takes off the quote our own exports put before formula-like text, and nothing else", () => {
    expect(cellText("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(cellText("'-5")).toBe("-5");
    expect(cellText("'tis")).toBe("'tis");
    // What the exports neutralise after leading whitespace comes back without the quote too.
    expect(cellText("' =1+1")).toBe("=1+1");
    expect(cellText("'\n@SUM(1)")).toBe("@SUM(1)");
    expect(cellText("'e-post")).toBe("'e-post");
    expect(cellText("  text ")).toBe("text");
  });

  it("reads whole numbers with spaces and units; refuses decimals, signs, words and formulas", () => {
    expect(parseWholeNumber("450 000 kr")).toEqual({ ok: true, value: 450000 });
    expect(parseWholeNumber("1\u00a0200")).toEqual({ ok: true, value: 1200 });
    expect(parseWholeNumber("300 timmar")).toEqual({ ok: true, value: 300 });
    expect(parseWholeNumber("")).toEqual({ ok: true, value: null });
    expect(parseWholeNumber("12,0")).toEqual({ ok: true, value: 12 });
    expect(parseWholeNumber("12,5")).toEqual({ ok: false, message: "notWhole" });
    expect(parseWholeNumber("12.5")).toEqual({ ok: false, message: "notWhole" });
    expect(parseWholeNumber("-5")).toEqual({ ok: false, message: "negative" });
    expect(parseWholeNumber("många")).toEqual({ ok: false, message: "notANumber" });
    expect(parseWholeNumber("=SUM(A1:A3)")).toEqual({ ok: false, message: "formulaNotAllowed" });
    expect(parseWholeNumber("99999999999999999999")).toEqual({ ok: false, message: "tooLarge" });
  });

  it("reads quarters in the usual spellings and from dates", () => {
    expect(parseQuarter("2027-Q1")).toEqual({ ok: true, value: "2027-Q1" });
    expect(parseQuarter("2027 q3")).toEqual({ ok: true, value: "2027-Q3" });
    expect(parseQuarter("2027Q4")).toEqual({ ok: true, value: "2027-Q4" });
    expect(parseQuarter("Q2 2026")).toEqual({ ok: true, value: "2026-Q2" });
    expect(parseQuarter("2027-05-10")).toEqual({ ok: true, value: "2027-Q2" });
    expect(parseQuarter("2027-12-31")).toEqual({ ok: true, value: "2027-Q4" });
    expect(parseQuarter("")).toEqual({ ok: true, value: null });
    expect(parseQuarter("2027-Q5")).toEqual({ ok: false, message: "invalidQuarter" });
    expect(parseQuarter("våren 2027")).toEqual({ ok: false, message: "invalidQuarter" });
  });

  it("recognises a choice by code or word, and yes/no", () => {
    const names = { INTERNAL: ["intern"], EXTERNAL: ["extern", "External benefit"] };
    expect(parseChoice("Extern", names)).toEqual({ ok: true, value: "EXTERNAL" });
    expect(parseChoice("external benefit", names)).toEqual({ ok: true, value: "EXTERNAL" });
    expect(parseChoice("INTERNAL", names)).toEqual({ ok: true, value: "INTERNAL" });
    expect(parseChoice("", names)).toEqual({ ok: true, value: null });
    expect(parseChoice("båda", names)).toEqual({ ok: false, message: "invalidOption" });
    // A name two values share goes to the first listed, also when asked again.
    const shared = { FIRST: ["gemensam"], SECOND: ["Gemensam", "andra"] };
    expect([parseChoice("GEMENSAM", shared), parseChoice("gemensam", shared), parseChoice("Andra", shared)]).toEqual([
      { ok: true, value: "FIRST" },
      { ok: true, value: "FIRST" },
      { ok: true, value: "SECOND" },
    ]);
    expect(parseYesNo("Ja")).toEqual({ ok: true, value: true });
    expect(parseYesNo("no")).toEqual({ ok: true, value: false });
    expect(parseYesNo("kanske")).toEqual({ ok: false, message: "invalidYesNo" });
  });
});

describe("reading files", () => {
  it("detects the CSV separator from the header line, ignoring quoted text", () => {
    expect(detectDelimiter("Titel;Behov;Kostnad\n1,5;2;3")).toBe(";");
    expect(detectDelimiter("Title,Need,Cost\r\na;b,c,d")).toBe(",");
    expect(detectDelimiter('"Titel; med semikolon",Behov,Kostnad')).toBe(",");
    expect(detectDelimiter("Titel\tBehov")).toBe("\t");
    expect(detectDelimiter("Titel")).toBe(";");
    expect(detectDelimiter("a;b,c")).toBe(";");
  });

  it("decodes UTF-8 with and without BOM, and Windows-1252 from Swedish Excel", () => {
    const text = "Förvaltning\nFörskola & Grundskola; Växjö; Åre";
    expect(decodeText(bytes(text))).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]))).toBe(text);
    // "Förskola & Grundskola; Växjö; Åre" as Windows-1252: ö = F6, ä = E4, Å = C5.
    const cp1252 = [...bytes("F"), 0xf6, ...bytes("rskola & Grundskola; V"), 0xe4, ...bytes("xj"), 0xf6, ...bytes("; "), 0xc5, ...bytes("re")];
    expect(decodeText(new Uint8Array(cp1252))).toBe("Förskola & Grundskola; Växjö; Åre");
  });

  it("refuses binary content and UTF-16 as CSV", async () => {
    expect(await fileError(() => decodeText(new Uint8Array([0x54, 0x00, 0x69, 0x00])))).toBe("notText");
    expect(await fileError(() => decodeText(new Uint8Array([0xff, 0xfe, 0x54, 0x00])))).toBe("utf16");
    expect(await fileError(readTable("data.csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])))).toBe("notText");
  });

  it("reads a Windows-1252 CSV with ; into rows numbered as in the spreadsheet, skipping blank lines", async () => {
    const csv = [...new TextEncoder().encode("Titel;F"), 0xf6, ...new TextEncoder().encode('rvaltning\r\nE-tj'), 0xe4, ...new TextEncoder().encode('nst;"F'), 0xf6, ...new TextEncoder().encode('rskola & Grundskola"\r\n;\r\nTv'), 0xe5, ...new TextEncoder().encode(";Socialf"), 0xf6, ...new TextEncoder().encode("rvaltningen\r\n")];
    const table = await readTable("lista.csv", new Uint8Array(csv));
    expect(table).toEqual({
      format: "csv",
      headers: ["Titel", "Förvaltning"],
      rows: [
        { row: 2, cells: ["E-tjänst", "Förskola & Grundskola"] },
        { row: 4, cells: ["Två", "Socialförvaltningen"] },
      ],
    });
  });

  it("refuses wrong types, old and broken Excel files, empty files and header-only files", async () => {
    expect(await fileError(readTable("rapport.pdf", bytes("%PDF-1.7")))).toBe("wrongType");
    expect(await fileError(readTable("lista.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe("legacyXls");
    expect(await fileError(readTable("lista.xlsx", bytes("Titel;Behov\nx;y")))).toBe("brokenXlsx");
    expect(await fileError(readTable("lista.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])))).toBe("brokenXlsx");
    expect(await fileError(readTable("lista.csv", new Uint8Array()))).toBe("fileEmpty");
    expect(await fileError(readTable("lista.csv", bytes("Titel;Förvaltning\r\n")))).toBe("noRows");
    expect(await fileError(readTable("lista.csv", bytes('Titel;Behov\r\n"öppet citat;x\r\n')))).toBe("malformedCsv");
    const big = new Uint8Array(IMPORT_LIMITS.fileBytes + 1).fill(0x61);
    const error = (await readTable("stor.csv", big).catch((e) => e)) as ImportFileError;
    expect([error.status, error.issues?.[0]?.message]).toEqual([413, "fileTooLarge"]);
  });

  it("accepts 10,000 rows and refuses 10,001 with the limit stated", async () => {
    const csv = (n: number) => bytes(["Titel;Förvaltning", ...Array.from({ length: n }, (_, i) => `Initiativ ${i};Socialförvaltningen`)].join("\n"));
    expect((await readTable("a.csv", csv(10_000))).rows).toHaveLength(10_000);
    const error = (await readTable("a.csv", csv(10_001)).catch((e) => e)) as ImportFileError;
    expect(error.issues?.[0]?.message).toBe("tooManyRows");
    expect(error.message).toContain("10000");
    expect((await readTable("a.xlsx", await xlsx([["Titel"], ...Array.from({ length: 10_001 }, (_, i) => [`I ${i}`])])).catch((e) => e)).issues[0].message).toBe("tooManyRows");
  }, 30_000);

  it("reads xlsx cells as text: formulas as their text, never evaluated; numbers, dates, rich text", async () => {
    const file = await xlsx([
      ["Titel", "Kostnad (kr)", "Önskad start", "Behov"],
      [{ formula: 'HYPERLINK("http://evil.example","klicka")', result: "klicka" }, 250000, new Date(Date.UTC(2027, 4, 10)), { richText: [{ text: "Fet " }, { text: "text" }] }],
      ["+46 70 123 45 67", 12.5, "2027-Q1", "@SUM(A1)"],
    ]);
    const table = await readTable("lista.xlsx", file);
    expect(table.format).toBe("xlsx");
    expect(table.rows).toEqual([
      { row: 2, cells: ['=HYPERLINK("http://evil.example","klicka")', "250000", "2027-05-10", "Fet text"] },
      { row: 3, cells: ["+46 70 123 45 67", "12.5", "2027-Q1", "@SUM(A1)"] },
    ]);
  });
});

describe("column mapping", () => {
  const swedish = ["Titel", "Behov", "Förvaltning", "Nyttomottagare", "Karaktär", "Kostnad (kr)", "Insats (timmar)", "Önskad start", "Status", "Kontaktperson"];

  it("suggests fields from Swedish headers", () => {
    const m = suggestMapping(swedish);
    expect(m).toMatchObject({
      title: "Titel",
      need: "Behov",
      department: "Förvaltning",
      benefitRecipient: "Nyttomottagare",
      nature: "Karaktär",
      estimatedCostSek: "Kostnad (kr)",
      estimatedEffortHours: "Insats (timmar)",
      desiredStartQuarter: "Önskad start",
      status: "Status",
      contactPerson: "Kontaktperson",
      reachCount: null,
    });
  });

  it("suggests fields from English headers and the form's own labels, each header once", () => {
    expect(suggestMapping(["Title", "Need", "Department", "Benefit recipient", "Nature", "Cost (SEK)", "Effort (hours)", "Desired start", "Contact person"])).toMatchObject({
      title: "Title",
      need: "Need",
      department: "Department",
      benefitRecipient: "Benefit recipient",
      nature: "Nature",
      estimatedCostSek: "Cost (SEK)",
      estimatedEffortHours: "Effort (hours)",
      desiredStartQuarter: "Desired start",
      contactPerson: "Contact person",
      status: null,
    });
    expect(suggestMapping(["Rubrik", "Uppskattad kostnad (kr)", "Kostnad totalt", "Okänd kolumn"])).toMatchObject({ title: "Rubrik", estimatedCostSek: "Uppskattad kostnad (kr)", need: null });
  });

  it("prefers the remembered mapping where its header is still there", () => {
    const m = suggestMapping(["Namn på initiativet", "Titel", "Förvaltning", "Status"], { title: "Namn på initiativet", status: null, need: "Saknas i filen" });
    expect([m.title, m.department, m.status, m.need]).toEqual(["Namn på initiativet", "Förvaltning", null, null]);
  });

  it("names missing, unknown and doubly used columns", () => {
    expect(mappingIssues(["Titel", "Behov"], { title: "Titel", need: "Titel", contactPerson: "Kontakt" })).toEqual([
      { row: 0, field: "need", message: "columnUsedTwice" },
      { row: 0, field: "department", message: "missingColumn" },
      { row: 0, field: "contactPerson", message: "unknownColumn" },
    ]);
  });
});

describe("row validation", () => {
  const departments = [
    { id: "d-skola", name: "Förskola & Grundskola", shortName: "FGS" },
    { id: "d-soc", name: "Socialförvaltningen", shortName: "SOC" },
  ];
  const headers = ["Titel", "Behov", "Förvaltning", "Nyttomottagare", "Karaktär", "Kostnad (kr)", "Önskad start", "Status", "Kontaktperson"];
  const mapping = suggestMapping(headers);
  const table = (...rows: string[][]): Table => ({ format: "csv", headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });
  const validate = (t: Table, existing: string[] = []) => validateRows(t, mapping, { departments, existing: new Set(existing) });
  const need = "Vårdnadshavare ringer in frånvaro varje morgon.";

  it("turns a good row into what is stored; departments match by name or short name, any case", () => {
    const { candidates, issues } = validate(
      table(
        ["Digital frånvaroanmälan", need, "förskola & grundskola", "extern", "Effektivisering", "250 000", "2027 q1", "", "Anna"],
        ["Chattbot", "", "soc", "", "", "", "", "", ""],
        ["Inskickad rad", need, "SOC", "Intern", "innovation", "", "", "Inskickad", ""],
      ),
    );
    expect(issues).toEqual([]);
    expect(candidates.map((c) => [c.row, c.data.ownerDepartmentId, c.data.status])).toEqual([
      [2, "d-skola", "DRAFT"],
      [3, "d-soc", "DRAFT"],
      [4, "d-soc", "SUBMITTED"],
    ]);
    expect(candidates[0]!.data).toMatchObject({ title: "Digital frånvaroanmälan", benefitRecipient: "EXTERNAL", nature: "EFFICIENCY", estimatedCostSek: 250000, desiredStartQuarter: "2027-Q1", contactPerson: "Anna", need });
    expect(candidates[1]!.data).toMatchObject({ need: "", benefitRecipient: null, estimatedCostSek: null, contactPerson: null, isReplacement: false });
  });

  it("stores formula-like text as plain text", () => {
    const { candidates, issues } = validate(table(['=HYPERLINK("http://evil.example","klicka")', "@SUM(A1)", "SOC", "", "", "", "", "", "+46 70 123 45 67"]));
    expect(issues).toEqual([]);
    expect(candidates[0]!.data).toMatchObject({ title: '=HYPERLINK("http://evil.example","klicka")', need: "@SUM(A1)", contactPerson: "+46 70 123 45 67" });
  });

  it("names each problem by row and field", () => {
    const { candidates, issues } = validate(
      table(
        ["Okänd förvaltning", "", "Kulturförvaltningen", "", "", "", "", "", ""],
        ["Fel värden", "", "SOC", "båda", "kanske", "12,5", "2027-Q5", "Okänd status", ""],
        ["x".repeat(201), "", "SOC", "", "", "-3", "", "", ""],
        ["", "", "", "", "", "", "", "", ""],
        ["Ej komplett", "kort", "SOC", "", "", "", "", "SUBMITTED", ""],
      ),
    );
    expect(candidates).toEqual([]);
    expect(issues).toEqual([
      { row: 2, field: "department", message: "unknownDepartment" },
      { row: 3, field: "benefitRecipient", message: "invalidOption" },
      { row: 3, field: "nature", message: "invalidOption" },
      { row: 3, field: "estimatedCostSek", message: "notWhole" },
      { row: 3, field: "desiredStartQuarter", message: "invalidQuarter" },
      { row: 3, field: "status", message: "invalidOption" },
      { row: 4, field: "title", message: "tooLong" },
      { row: 4, field: "estimatedCostSek", message: "negative" },
      { row: 5, field: "title", message: "required" },
      { row: 5, field: "department", message: "required" },
      { row: 6, field: "need", message: "needTooShort" },
      { row: 6, field: "benefitRecipient", message: "requiredUnlessDraft" },
      { row: 6, field: "nature", message: "requiredUnlessDraft" },
    ]);
  });

  it("flags the same title and department twice in the file, and titles that already exist", () => {
    const { issues } = validate(
      table(
        ["E-tjänst för bygglov", "", "SOC", "", "", "", "", "", ""],
        ["E-tjänst för bygglov", "", "FGS", "", "", "", "", "", ""],
        ["e-tjänst  för BYGGLOV ", "", "Socialförvaltningen", "", "", "", "", "", ""],
        ["Befintligt initiativ", "", "SOC", "", "", "", "", "", ""],
      ),
      [duplicateKey("d-soc", "befintligt initiativ")],
    );
    expect(issues).toEqual([
      { row: 4, field: "title", message: "duplicateInFile", params: { row: 2 } },
      { row: 5, field: "title", message: "duplicateExisting" },
    ]);
  });
});

describe("title skeleton (the database's first cut of the duplicate check)", () => {
  it("keeps the ASCII letters and digits of the lower-cased title, İ and the Kelvin sign as i and k", () => {
    expect(titleSkeleton("  E-tjänst för BYGGLOV 2.0 ")).toBe("etjnstfrbygglov20");
    expect(titleSkeleton("\u0130nloggning med \u212Aod")).toBe("inloggningmedkod");
    expect(titleSkeleton("Åäö – ✓")).toBe("");
  });

  it("is the same for any two titles that are duplicates", () => {
    // Titles from characters where case, spacing and Unicode make duplicates hard to see.
    const char = fc.constantFrom(..."aAiIkKzZ09 \t\u00a0\u2009\u3000åÅöÖ\u0130\u0131\u0307\u212A\u212BΣσς-".split(""));
    const title = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(""));
    const variant = (t: string) => fc.tuple(fc.boolean(), fc.constantFrom(" ", "  ", "\u00a0", "\t")).map(([upper, space]) => ` ${(upper ? t.toUpperCase() : t.toLowerCase()).replace(/ /g, space)} `);
    fc.assert(
      fc.property(title.chain((t) => fc.tuple(fc.constant(t), variant(t))), ([a, b]) => {
        if (duplicateKey("d", a) === duplicateKey("d", b)) expect(titleSkeleton(a)).toBe(titleSkeleton(b));
      }),
      { seed: 18, numRuns: 2000 },
    );
    fc.assert(
      fc.property(title, title, (a, b) => {
        if (duplicateKey("d", a) === duplicateKey("d", b)) expect(titleSkeleton(a)).toBe(titleSkeleton(b));
      }),
      { seed: 18, numRuns: 2000 },
    );
  });

  it("reads the title cells that validation will read", () => {
    const t: Table = { format: "csv", headers: ["Förvaltning", "Titel"], rows: [{ row: 2, cells: ["SOC", " Chattbot "] }, { row: 3, cells: ["SOC"] }, { row: 4, cells: ["SOC", "'=1+1"] }] };
    expect(titleCells(t, { title: "Titel" })).toEqual(["Chattbot", "=1+1"]);
    expect(titleCells(t, { title: "Saknas" })).toEqual([]);
  });
});

describe("reading an upload", () => {
  const form = (parts: Record<string, string | Blob>, name = "lista.csv") => {
    const data = new FormData();
    for (const [k, v] of Object.entries(parts)) {
      if (typeof v === "string") data.append(k, v);
      else data.append(k, v, name);
    }
    return new Request("http://localhost/api/v1/import/initiatives", { method: "POST", body: data });
  };
  const refused = async (request: Request) => {
    const error = (await readUpload(request).catch((e) => e)) as AppError;
    return [error.status, error.code, error.issues?.[0]?.message];
  };

  it("reads the file and the mapping", async () => {
    const upload = await readUpload(form({ file: new Blob(["Titel;Förvaltning\nA;B"]), mapping: JSON.stringify({ title: "Titel" }) }));
    expect([upload.fileName, new TextDecoder().decode(upload.bytes), upload.mapping]).toEqual(["lista.csv", "Titel;Förvaltning\nA;B", { title: "Titel" }]);
  });

  it("answers wrong content type, missing file, bad mapping and oversized bodies with a clear 4xx", async () => {
    expect(await refused(new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }))).toEqual([415, "UNSUPPORTED_MEDIA_TYPE", "notMultipart"]);
    expect(await refused(new Request("http://localhost/x", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "garbage" }))).toEqual([400, "MALFORMED_MULTIPART", "notMultipart"]);
    expect(await refused(form({ mapping: "{}" }))).toEqual([400, "VALIDATION_FAILED", "required"]);
    expect(await refused(form({ file: new Blob(["x"]), mapping: "{not json" }))).toEqual([400, "VALIDATION_FAILED", "badMapping"]);
    expect(await refused(form({ file: new Blob([new Uint8Array(IMPORT_LIMITS.fileBytes + 1)]) }))).toEqual([413, "IMPORT_FILE_INVALID", "fileTooLarge"]);
    const declared = new Request("http://localhost/x", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) }, body: "x" });
    expect(await refused(declared)).toEqual([413, "IMPORT_FILE_INVALID", "fileTooLarge"]);
  });
});
