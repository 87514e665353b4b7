import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/server/errors";
import { checkImport, importInitiatives, rememberedMapping, writeImport } from "@/lib/server/import/initiatives";
import { TITLE_SKELETON_SQL, titleSkeleton } from "@/lib/server/import/rows";
import { exportInitiatives, type InitiativeListRow } from "@/lib/server/initiatives";
import { toCsv, toXlsx } from "@/lib/server/table-export";
import { parseFilter } from "@/lib/validation/initiative";
import { seedDemo } from "@/prisma/seed/demo";
import { describeEachEngine } from "./engines";

const HEADER = "Titel;Behov;Förvaltning;Nyttomottagare;Karaktär;Kostnad (kr);Insats (timmar);Önskad start;Status;Kontaktperson";
const NEED = "Vårdnadshavare ringer in frånvaro varje morgon och personalen för listor för hand.";
const csv = (...rows: string[]) => new TextEncoder().encode(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`);

describeEachEngine("import of initiatives", (ctx) => {
  const a: Record<string, Actor> = {};
  const counts = async () => ({
    initiatives: await ctx.db.prisma.initiative.count(),
    statusChanges: await ctx.db.prisma.statusChange.count(),
    audit: await ctx.db.prisma.auditEvent.count(),
  });

  beforeAll(async () => {
    await seedDemo(ctx.db.prisma);
    for (const u of await ctx.db.prisma.user.findMany()) a[u.email.split("@")[0]!] = { id: u.id, role: u.role, departmentId: u.departmentId, name: u.name };
  });

  it("previews without writing, then imports every row with status changes, audit events and the mapping remembered", async () => {
    const file = csv(
      `Digital frånvaroanmälan i förskolan;${NEED};Förskola & Grundskola;extern;effektivisering;250 000;400;2027-Q1;;Anna Andersson`,
      `"=HYPERLINK(""http://evil.example"";""klicka"")";;socialförvaltningen;;;;;;;+46 70 123 45 67`,
      `E-tjänst för bygglov;Ansökningar kommer på papper och skannas in av handläggarna.;Samhällsbyggnadsförvaltningen;Extern;Effektivisering;;;;Inskickad;`,
    );
    const before = await counts();
    const preview = await importInitiatives(a.dig!, { fileName: "lista.csv", bytes: file, dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, format: "csv", rowCount: 3, issueCount: 0, issues: [], created: 0, status: "DRAFT" });
    expect(preview.mapping).toMatchObject({ title: "Titel", department: "Förvaltning", status: "Status", estimatedCostSek: "Kostnad (kr)" });
    expect(preview.preview[0]).toMatchObject({ row: "2", title: "Digital frånvaroanmälan i förskolan", department: "Förskola & Grundskola", estimatedCostSek: "250000", status: "DRAFT" });
    expect(await counts()).toEqual(before);

    const result = await importInitiatives(a.dig!, { fileName: "lista.csv", bytes: file, dryRun: false });
    expect([result.dryRun, result.created]).toEqual([false, 3]);
    expect(await counts()).toEqual({ initiatives: before.initiatives + 3, statusChanges: before.statusChanges + 3, audit: before.audit + 4 });

    const imported = await ctx.db.prisma.initiative.findMany({ where: { createdById: a.dig!.id, createdAt: { gte: new Date(Date.now() - 60_000) } }, orderBy: { number: "asc" }, include: { ownerDepartment: true, statusChanges: true } });
    expect(imported.map((i) => [i.title, i.ownerDepartment.name, i.status, i.submittedAt !== null])).toEqual([
      ["Digital frånvaroanmälan i förskolan", "Förskola & Grundskola", "DRAFT", false],
      ['=HYPERLINK("http://evil.example";"klicka")', "Socialförvaltningen", "DRAFT", false],
      ["E-tjänst för bygglov", "Samhällsbyggnadsförvaltningen", "SUBMITTED", true],
    ]);
    expect(imported[0]).toMatchObject({ benefitRecipient: "EXTERNAL", nature: "EFFICIENCY", estimatedCostSek: 250000, estimatedEffortHours: 400, desiredStartQuarter: "2027-Q1", contactPerson: "Anna Andersson" });
    expect(imported[1]!.contactPerson).toBe("+46 70 123 45 67");
    expect(imported.map((i) => i.statusChanges.map((s) => [s.fromStatus, s.toStatus, s.actorId]))).toEqual([
      [[null, "DRAFT", a.dig!.id]],
      [[null, "DRAFT", a.dig!.id]],
      [[null, "SUBMITTED", a.dig!.id]],
    ]);
    const numbers = imported.map((i) => i.number);
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
    const audit = await ctx.db.prisma.auditEvent.findMany({ where: { entityId: { in: imported.map((i) => i.id) } } });
    expect(audit.map((e) => e.action)).toEqual(["initiative.import", "initiative.import", "initiative.import"]);
    const summary = await ctx.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "data.import" } });
    expect([summary.actorId, summary.entityType, (summary.after as { created: number }).created]).toEqual([a.dig!.id, "Import", 3]);
    expect(await rememberedMapping(a.dig!)).toMatchObject({ title: "Titel", department: "Förvaltning", reachCount: null });

    // The list export neutralises the formula that was stored as plain text.
    const rows: InitiativeListRow[] = [];
    for await (const row of exportInitiatives(a.insyn!, parseFilter({ q: "HYPERLINK" }))) rows.push(row);
    expect(rows).toHaveLength(1);
    const columns = [{ header: "Rubrik", value: (r: InitiativeListRow) => r.title }];
    expect(toCsv(columns, rows)).toContain(`"'=HYPERLINK(""http://evil.example"";""klicka"")"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(columns, rows, { sheetName: "Initiativ" })) as unknown as Parameters<typeof book.xlsx.load>[0]);
    expect(book.worksheets[0]!.getCell("A2").value).toBe(`'=HYPERLINK("http://evil.example";"klicka")`);
  });

  it("imports from Excel too, using the remembered mapping for renamed headers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Lista");
    sheet.addRow(["Namn på initiativet", "Förvaltning", "Kostnad (kr)", "Önskad start"]);
    sheet.addRow(["Chattbot för felanmälan", "Tekniska förvaltningen", 120000, new Date(Date.UTC(2027, 7, 1))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const mapping = { title: "Namn på initiativet", department: "Förvaltning", estimatedCostSek: "Kostnad (kr)", desiredStartQuarter: "Önskad start" };
    expect((await importInitiatives(a.admin!, { fileName: "lista.xlsx", bytes, dryRun: false, mapping })).created).toBe(1);
    const stored = await ctx.db.prisma.initiative.findFirstOrThrow({ where: { title: "Chattbot för felanmälan" } });
    expect([stored.estimatedCostSek, stored.desiredStartQuarter, stored.status]).toEqual([120000, "2027-Q3", "DRAFT"]);
    // Next time the same admin gets that mapping without sending it.
    const again = await importInitiatives(a.admin!, { fileName: "lista.xlsx", bytes, dryRun: true });
    expect(again.mapping).toMatchObject(mapping);
    expect(again.issues).toEqual([{ row: 2, field: "title", message: "duplicateExisting" }]);
  });

  it("writes nothing when any row is bad, and names the rows", async () => {
    const before = await counts();
    const file = csv(
      `Bra rad;;Socialförvaltningen;;;;;;;`,
      `Dålig rad;;Kulturförvaltningen;intern;kanske;12,5;;2027-Q9;;`,
      `Bra rad;;Socialförvaltningen;;;;;;;`,
      `Digital frånvaroanmälan i förskolan;;Förskola & Grundskola;;;;;;;`,
    );
    const preview = await importInitiatives(a.dig!, { fileName: "lista.csv", bytes: file, dryRun: true });
    expect(preview.issues).toEqual([
      { row: 3, field: "department", message: "unknownDepartment" },
      { row: 3, field: "nature", message: "invalidOption" },
      { row: 3, field: "estimatedCostSek", message: "notWhole" },
      { row: 3, field: "desiredStartQuarter", message: "invalidQuarter" },
      { row: 4, field: "title", message: "duplicateInFile", params: { row: 2 } },
      { row: 5, field: "title", message: "duplicateExisting" },
    ]);
    const refused = (await importInitiatives(a.dig!, { fileName: "lista.csv", bytes: file, dryRun: false }).catch((e) => e)) as AppError;
    expect([refused.status, refused.code, refused.issues?.length]).toEqual([400, "IMPORT_INVALID", 6]);
    expect(refused.issues?.[0]).toEqual({ path: "rows.3.department", message: "unknownDepartment" });
    const missing = (await importInitiatives(a.dig!, { fileName: "lista.csv", bytes: file, dryRun: false, mapping: { title: "Titel" } }).catch((e) => e)) as AppError;
    expect(missing.issues).toEqual([{ path: "mapping.department", message: "missingColumn" }]);
    const broken = (await importInitiatives(a.dig!, { fileName: "lista.xlsx", bytes: new TextEncoder().encode("inte excel"), dryRun: false }).catch((e) => e)) as AppError;
    expect([broken.status, broken.code, broken.issues]).toEqual([400, "IMPORT_FILE_INVALID", [{ path: "file", message: "brokenXlsx" }]]);
    expect(await counts()).toEqual(before);
  });

  it("finds stored titles in any case and spacing through the database's skeleton, in the file's department only", async () => {
    const soc = await ctx.db.prisma.department.findFirstOrThrow({ where: { name: "Socialförvaltningen" } });
    const stored = ["Ärendehantering för ÖVERFÖRMYNDARE", "İnloggning med \u212Aod", "Åäö", "Tjänst 24/7  för\u00a0alla"];
    await ctx.db.prisma.initiative.createMany({ data: stored.map((title) => ({ title, ownerDepartmentId: soc.id })) });
    const file = csv(
      `  ärendehantering   för överförmyndare ;;Socialförvaltningen;;;;;;;`,
      `i\u0307nloggning med kod;;Socialförvaltningen;;;;;;;`,
      `ÅÄÖ;;Socialförvaltningen;;;;;;;`,
      `TJÄNST 24/7 FÖR ALLA;;Socialförvaltningen;;;;;;;`,
      `Ärendehantering för överförmyndare;;Förskola & Grundskola;;;;;;;`,
      `Ärendehantering för överförmyndarna;;Socialförvaltningen;;;;;;;`,
    );
    const preview = await importInitiatives(a.dig!, { fileName: "lista.csv", bytes: file, dryRun: true });
    expect(preview.issues).toEqual([2, 3, 4, 5].map((row) => ({ row, field: "title", message: "duplicateExisting" })));
  });

  it("refuses, writing nothing, a title stored by someone else between the check and the write", async () => {
    const before = await counts();
    const request = { fileName: "lista.csv", bytes: csv(`Sen dubblett;;Socialförvaltningen;;;;;;;`, `Ingen dubblett;;Socialförvaltningen;;;;;;;`), dryRun: false };
    const checked = await checkImport(a.dig!, request);
    expect(checked.issues).toEqual([]);
    const soc = await ctx.db.prisma.department.findFirstOrThrow({ where: { name: "Socialförvaltningen" } });
    await ctx.db.prisma.initiative.create({ data: { title: "SEN  DUBBLETT", ownerDepartmentId: soc.id } });
    const refused = (await writeImport(a.dig!, checked, request).catch((e) => e)) as AppError;
    expect([refused.status, refused.code, refused.issues]).toEqual([400, "IMPORT_INVALID", [{ path: "rows.2.title", message: "duplicateExisting" }]]);
    expect(await counts()).toEqual({ ...before, initiatives: before.initiatives + 1 });
  });

  it("computes the title skeleton in SQL exactly as titleSkeleton does, for every character", async () => {
    // One text per Unicode plane that has letters: 0–3 and 14 (4–13 are unassigned, 15–16 private
    // use). No NUL, which PostgreSQL cannot store, and no lone surrogates.
    const planes: string[] = [];
    for (const plane of [0, 1, 2, 3, 14]) {
      const chars: string[] = [];
      for (let cp = Math.max(1, plane * 0x10000); cp < (plane + 1) * 0x10000; cp++) if (cp < 0xd800 || cp > 0xdfff) chars.push(String.fromCodePoint(cp));
      planes.push(chars.join(""));
    }
    const rows = await ctx.db.prisma.$queryRawUnsafe<{ skeleton: string }[]>(
      `SELECT ${TITLE_SKELETON_SQL} AS skeleton FROM (SELECT value AS "title", ordinality FROM json_array_elements_text($1::json) WITH ORDINALITY) t ORDER BY ordinality`,
      JSON.stringify(planes),
    );
    expect(rows.map((r) => r.skeleton)).toEqual(planes.map(titleSkeleton));
  });

  it("lets only DIG and admin import", async () => {
    const file = csv(`Obehörig import;;Socialförvaltningen;;;;;;;`);
    for (const who of ["chef", "ledning", "insyn"]) {
      await expect(importInitiatives(a[who]!, { fileName: "lista.csv", bytes: file, dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(importInitiatives(a[who]!, { fileName: "lista.csv", bytes: file, dryRun: false })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await ctx.db.prisma.initiative.count({ where: { title: "Obehörig import" } })).toBe(0);
  });
});
