// Hostile uploads through the real route handlers (issue #17), on both engines, authenticated with
// API tokens as any client would be: a zip bomb, 50 MB bodies (Content-Length true, missing,
// lying), files that are not what their names say, broken exports. Each gets its 4xx in the
// documented error shape, on the streaming import too, and nothing is written: the database's
// full export is the same before and after. Times are printed for the record.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/import/initiatives/route";
import { POST as restoreRoute } from "@/app/api/v1/restore/route";
import { GET as exportRoute } from "@/app/api/v1/initiatives/export/route";
import type { Actor } from "@/lib/auth/roles";
import type { Database } from "@/lib/db";
import { createToken } from "@/lib/server/api-tokens";
import type { AppError } from "@/lib/server/errors";
import { databaseRowCounts, exportAll, restoreAll, type ExportDocument } from "@/lib/server/full-export";
import { errorBody } from "@/lib/validation/api";
import { IMPORT_LIMITS } from "@/lib/validation/data";
import { seedDemo } from "@/prisma/seed/demo";
import { counted } from "../support/hostile";
import { deflated, deflatedRepeat, unzip, zip, zipOf } from "../support/zip";
import { describeEachEngine, engines, type Engine } from "./engines";

const MB = 1024 * 1024;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };

type Body = Uint8Array<ArrayBuffer> | string | FormData | ReadableStream<Uint8Array>;
type Answer = { status: number; body: unknown; ms: number };

async function call(route: typeof importRoute, url: string, token: string, body: Body, headers: Record<string, string> = {}): Promise<Answer> {
  const start = performance.now();
  const request = new Request(`http://localhost${url}`, { method: "POST", headers: { authorization: `Bearer ${token}`, ...headers }, body, duplex: "half" } as RequestInit);
  const response = await route(request, noParams);
  const text = await response.text();
  const ms = Math.round(performance.now() - start);
  return { status: response.status, body: (response.headers.get("content-type") ?? "").includes("json") && !text.includes("\n{") ? JSON.parse(text) : text, ms };
}

/** The body must be the documented error shape and nothing more. */
function expectErrorShape(answer: Answer, where: string) {
  expect(typeof answer.body, `${where}: a JSON body`).toBe("object");
  expect(errorBody.safeParse(answer.body).success, `${where}: ${JSON.stringify(answer.body)}`).toBe(true);
  const error = (answer.body as { error: Record<string, unknown> }).error;
  expect(Object.keys(answer.body as object), where).toEqual(["error"]);
  expect(Object.keys(error).filter((k) => !["code", "message", "issues"].includes(k)), where).toEqual([]);
}

const form = (name: string, bytes: Uint8Array | string) => {
  const data = new FormData();
  data.set("file", new File([bytes as BlobPart], name));
  return data;
};

describeEachEngine("hostile uploads", (ctx) => {
  const a: Record<string, Actor> = {};
  const tokens: Record<string, string> = {};
  const opened: Awaited<ReturnType<Engine["open"]>>[] = [];
  let files: Map<string, Buffer>;

  /** The database as a full export, less what reading it changes (the export's own event, tokens' last use). */
  const checksum = async () => {
    const { entities } = await exportAll(a.admin!);
    const { apiTokens: _tokens, auditEvents, ...rest } = entities;
    return JSON.stringify({ ...rest, auditEvents: (auditEvents as { action: string }[]).filter((e) => e.action !== "data.export") });
  };

  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    for (const u of await ctx.db.prisma.user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
    tokens.admin = (await createToken(a.admin!, { name: "Uppladdning admin", role: "ADMIN", scopes: ["READ", "WRITE"], expiresAt: inDays(30) })).secret;
    tokens.dig = (await createToken(a.admin!, { name: "Uppladdning DIG", role: "DIG", scopes: ["READ", "WRITE"], expiresAt: inDays(30) })).secret;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Lista");
    sheet.addRow(["Titel", "Förvaltning"]);
    sheet.addRow(["Uppladdning: ska inte sparas", "Socialförvaltningen"]);
    files = unzip(new Uint8Array(await book.xlsx.writeBuffer()));
  });
  afterAll(async () => {
    for (const target of opened) await target.dispose();
  });

  it("refuses every hostile import and restore with a 4xx in the documented shape, and writes nothing", async () => {
    const sheetXml = files.get("xl/worksheets/sheet1.xml")!.toString();
    const [head, tail] = sheetXml.split("</sheetData>");
    const bomb = await deflatedRepeat("xl/worksheets/sheet1.xml", head!, " ".repeat(MB), 400, `</sheetData>${tail}`);
    const archive = (declaredSize?: number) => zip([...files].map(([n, c]) => (n === "xl/worksheets/sheet1.xml" ? { ...bomb, declaredSize } : deflated(n, c))));
    const xlsx = zipOf(files);
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
    const random = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 251));
    const brokenUtf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Titel;Förvaltning\r\nUppladdning: "), Buffer.from([0xc3, 0x28]), Buffer.from(";Socialförvaltningen\r\n")]);

    const files413: [string, string, Uint8Array, string][] = [
      ["a zip bomb (400 MB unpacked, sizes declared)", "bomb.xlsx", archive(), "unpackedTooLarge"],
      ["a zip bomb (400 MB unpacked, sizes lying)", "bomb.xlsx", archive(2_000), "unpackedTooLarge"],
    ];
    const files400: [string, string, Uint8Array, string][] = [
      ["a PNG named .xlsx", "lista.xlsx", png, "brokenXlsx"],
      ["random bytes named .xlsx", "lista.xlsx", random, "brokenXlsx"],
      ["an .xlsx named .csv", "lista.csv", xlsx, "xlsxNamedCsv"],
      ["a CSV with invalid UTF-8", "lista.csv", brokenUtf8, "invalidUtf8"],
      ["an empty file", "lista.csv", new Uint8Array(), "fileEmpty"],
      ["a truncated .xlsx", "lista.xlsx", xlsx.subarray(0, Math.floor(xlsx.length * 0.7)), "brokenXlsx"],
    ];

    const before = await checksum();
    const figures: string[] = [];
    for (const [what, name, bytes, message] of [...files413, ...files400]) {
      const status = files413.some((f) => f[0] === what) ? 413 : 400;
      // The dry run, and the real import as the page sends it (streamed progress): the same 4xx.
      for (const [mode, query, headers] of [
        ["dry run", "?dryRun=true", {}],
        ["import, streamed", "?dryRun=false", { accept: "application/x-ndjson" }],
      ] as const) {
        const answer = await call(importRoute, `/api/v1/import/initiatives${query}`, tokens.dig!, form(name, bytes), headers);
        const where = `${what} (${mode})`;
        expect([answer.status, (answer.body as { error?: { issues?: unknown } }).error?.issues], where).toEqual([status, [{ path: "file", message }]]);
        expectErrorShape(answer, where);
        if (mode === "dry run") figures.push(`${what}, ${bytes.length} bytes: ${answer.status} ${message} in ${answer.ms} ms`);
      }
    }

    // 50 MB to the import and to the restore: Content-Length true, missing, and lying.
    for (const [label, headers] of [
      ["Content-Length 50 MB", { "content-length": String(50 * MB) }],
      ["no Content-Length", {}],
      ["Content-Length lying (1 kB)", { "content-length": "1024" }],
    ] as [string, Record<string, string>][]) {
      const upload = counted(50 * MB);
      const imported = await call(importRoute, "/api/v1/import/initiatives?dryRun=true", tokens.dig!, upload.stream, { "content-type": "multipart/form-data; boundary=x", ...headers });
      expect([imported.status, (imported.body as { error: { code: string } }).error.code], label).toEqual([413, "IMPORT_FILE_INVALID"]);
      expectErrorShape(imported, `import, ${label}`);
      expect(upload.read.bytes).toBeLessThanOrEqual(IMPORT_LIMITS.fileBytes + MB);
      const restore = counted(50 * MB);
      const restored = await call(restoreRoute, "/api/v1/restore", tokens.admin!, restore.stream, { "content-type": "application/json", ...headers });
      expect([restored.status, (restored.body as { error: { code: string } }).error.code], label).toEqual([413, "PAYLOAD_TOO_LARGE"]);
      expectErrorShape(restored, `restore, ${label}`);
      figures.push(
        `50 MB, ${label}: import ${imported.status} in ${imported.ms} ms (read ${(upload.read.bytes / MB).toFixed(1)} MB), restore ${restored.status} in ${restored.ms} ms (read ${(restore.read.bytes / MB).toFixed(1)} MB)`,
      );
    }

    // Restore bodies that are not an export: invalid UTF-8, not JSON, JSON nested a million deep.
    for (const [what, body, code] of [
      ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), "INVALID_ENCODING"],
      ["not JSON", "{ nope", "MALFORMED_JSON"],
      ["nested a million deep", "[".repeat(1_000_000) + "]".repeat(1_000_000), "NOT_AN_EXPORT"],
    ] as const) {
      const answer = await call(restoreRoute, "/api/v1/restore", tokens.admin!, body, { "content-type": "application/json" });
      expect([answer.status, (answer.body as { error: { code: string } }).error.code], what).toEqual([400, code]);
      expectErrorShape(answer, `restore, ${what}`);
    }

    expect(await checksum()).toBe(before);
    console.log(`[${ctx.engine}]\n  ${figures.join("\n  ")}`);
  });

  it("refuses an export whose JSON columns nest too deep, into an empty database, writing nothing (it was a 500)", async () => {
    const engine = engines().find((e) => e.name === ctx.engine)!;
    const target = await engine.open();
    opened.push(target);
    const empty: Database = target.db;
    const doc = JSON.parse(JSON.stringify(await exportAll(a.admin!))) as ExportDocument;
    let deep: unknown = "botten";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    doc.entities.auditEvents![0]!.after = deep as never;
    const error = (await restoreAll(a.admin!, doc, empty.prisma).catch((e: unknown) => e)) as AppError;
    expect([error.status, error.code, error.issues?.[0]]).toEqual([400, "INVALID_EXPORT", { path: "entities.auditEvents.0.after", message: "nestedTooDeep" }]);
    expect(Object.values(await databaseRowCounts(a.admin!, empty.prisma)).reduce((x, y) => x + y, 0)).toBe(0);
  });

  it("stores formula-like cells as the text typed, and every export neutralises them: import → export → a cell starting with '", async () => {
    const tag = "Formelprov";
    const csv = [
      "Titel;Förvaltning;Kontaktperson;Behov",
      `"=HYPERLINK(""http://evil.example/${tag}"";""klicka"")";Socialförvaltningen;+46 70 123 45 67;@SUM(1)`,
      `@SUM(1) ${tag};Socialförvaltningen;-2+3;=1+1`,
      `+1+1 ${tag};Socialförvaltningen;;`,
      `-2+3 ${tag};Socialförvaltningen;;`,
      `"\t=3+3 ${tag}";Socialförvaltningen;;`,
      `"\r=4+4 ${tag}";Socialförvaltningen;;`,
    ].join("\r\n");
    const fromCsv = await call(importRoute, "/api/v1/import/initiatives?dryRun=false", tokens.dig!, form("formler.csv", `\uFEFF${csv}\r\n`));
    expect([fromCsv.status, (fromCsv.body as { data: { created: number } }).data.created]).toEqual([200, 6]);

    // In an .xlsx the cells are formulas as exceljs reads them: objects, taken as their text.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Lista");
    sheet.addRow(["Titel", "Förvaltning", "Kontaktperson"]);
    sheet.addRow([{ formula: `HYPERLINK("http://evil.example/x","${tag} i Excel")`, result: `${tag} i Excel` }, "Socialförvaltningen", { formula: "1+1", result: 2 }]);
    sheet.addRow([{ richText: [{ text: "@SUM(2) " }, { text: `${tag} i Excel` }] }, "Socialförvaltningen", "+46 8 123 456"]);
    const fromXlsx = await call(importRoute, "/api/v1/import/initiatives?dryRun=false", tokens.dig!, form("formler.xlsx", new Uint8Array(await book.xlsx.writeBuffer())));
    expect([fromXlsx.status, (fromXlsx.body as { data: { created: number } }).data.created]).toEqual([200, 2]);

    const stored = await ctx.db.prisma.initiative.findMany({ where: { title: { contains: tag } }, orderBy: { number: "asc" }, select: { title: true, contactPerson: true, need: true } });
    expect(stored).toEqual([
      { title: `=HYPERLINK("http://evil.example/${tag}";"klicka")`, contactPerson: "+46 70 123 45 67", need: "@SUM(1)" },
      { title: `@SUM(1) ${tag}`, contactPerson: "-2+3", need: "=1+1" },
      { title: `+1+1 ${tag}`, contactPerson: null, need: "" },
      { title: `-2+3 ${tag}`, contactPerson: null, need: "" },
      // Cells are trimmed, as every imported cell is: the text typed, without the tab or CR before it.
      { title: `=3+3 ${tag}`, contactPerson: null, need: "" },
      { title: `=4+4 ${tag}`, contactPerson: null, need: "" },
      { title: `=HYPERLINK("http://evil.example/x","${tag} i Excel")`, contactPerson: "=1+1", need: "" },
      { title: `@SUM(2) ${tag} i Excel`, contactPerson: "+46 8 123 456", need: "" },
    ]);

    const exported = async (format: "csv" | "xlsx") => {
      const response = await exportRoute(new Request(`http://localhost/api/v1/initiatives/export?format=${format}&lang=sv&q=${tag}`, { headers: { authorization: `Bearer ${tokens.dig}` } }), noParams);
      expect(response.status).toBe(200);
      if (format === "csv") {
        const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { delimiter: ";", skipEmptyLines: true }).data;
        return rows.slice(1).map((r) => r[1]!);
      }
      const read = new ExcelJS.Workbook();
      await read.xlsx.load((await response.arrayBuffer()) as Parameters<typeof read.xlsx.load>[0]);
      const titles: unknown[] = [];
      read.worksheets[0]!.eachRow((row, n) => n > 1 && titles.push(row.getCell(2).value));
      return titles;
    };
    const expected = stored.map((i) => `'${i.title}`).sort();
    expect((await exported("csv")).sort()).toEqual(expected);
    expect((await exported("xlsx")).sort()).toEqual(expected);
  });
});
