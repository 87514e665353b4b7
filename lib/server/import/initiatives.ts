import "server-only";
import { randomUUID } from "node:crypto";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { IMPORT_FIELDS, IMPORT_LIMITS, importMapping, type ImportField, type ImportIssue, type ImportMapping, type ImportResult } from "@/lib/validation/data";
import { actorUserId } from "../audit";
import { bulkInsert } from "../bulk-insert";
import { anyText } from "../sql";
import { AppError, parseInput } from "../errors";
import { suggestMapping } from "./mapping";
import { readTable, type Table } from "./parse";
import { DEFAULT_IMPORT_STATUS, duplicateKey, mappingIssues, TITLE_SKELETON_SQL, titleCells, titleSkeleton, validateRows, type ImportCandidate } from "./rows";

export type ImportProgress = { phase: "validating" } | { phase: "writing"; done: number; total: number };

export type ImportRequest = {
  fileName: string;
  bytes: Uint8Array;
  /** Our field ← the file's header. Left out: the remembered or suggested mapping. */
  mapping?: unknown;
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
};

/** Rows per write and progress step: progress every 1,000 rows; one JSON parameter per table and chunk. */
const CHUNK = 1000;
const PREVIEW_ROWS = 10;

/** The problems of a refused import, as the API's error shape: path "rows.<row>.<field>". */
export class ImportRejectedError extends AppError {
  constructor(issues: ImportIssue[], issueCount: number) {
    super(
      "IMPORT_INVALID",
      400,
      `The file has ${issueCount} problem(s); nothing was imported. Run with dryRun=true to see them by row.`,
      issues.slice(0, IMPORT_LIMITS.issuesShown).map((i) => ({ path: i.row === 0 ? `mapping.${i.field}` : `rows.${i.row}.${i.field}`, message: i.message })),
      { issueCount },
    );
  }
}

const mappingKey = (actor: Actor) => `import.initiatives.mapping:${actorUserId(actor) ?? actor.id}`;

/** The mapping this user imported with last time (per user, in Setting). */
export async function rememberedMapping(actor: Actor): Promise<ImportMapping> {
  const row = await prisma.setting.findUnique({ where: { key: mappingKey(actor) } });
  const parsed = row ? importMapping.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : {};
}

function completeMapping(mapping: ImportMapping): Record<ImportField, string | null> {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, mapping[f] ?? null])) as Record<ImportField, string | null>;
}

function previewOf(candidates: ImportCandidate[]): Record<string, string | null>[] {
  return candidates.slice(0, PREVIEW_ROWS).map((c) => {
    const { ownerDepartmentId: _id, ...data } = c.data;
    return {
      row: String(c.row),
      ...Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === null ? null : String(v)])),
      department: c.departmentName,
    };
  });
}

/**
 * The duplicateKeys of the stored initiatives in these departments whose titles may equal one of
 * these: one query through the index on the title's skeleton, so its cost follows the file, not
 * the number of initiatives already stored (it read every title of every department before).
 */
async function existingTitles(db: Prisma.TransactionClient, departmentIds: string[], titles: string[]): Promise<Set<string>> {
  if (departmentIds.length === 0 || titles.length === 0) return new Set();
  const skeletons = [...new Set(titles.map(titleSkeleton))];
  const rows = await db.$queryRaw<{ ownerDepartmentId: string; title: string }[]>(Prisma.sql`
    SELECT "ownerDepartmentId", "title" FROM "Initiative"
    WHERE ${Prisma.raw(TITLE_SKELETON_SQL)} ${anyText(skeletons)} AND "ownerDepartmentId" ${anyText(departmentIds)}`);
  return new Set(rows.map((r) => duplicateKey(r.ownerDepartmentId, r.title)));
}

/** A file read and checked, not yet written: what checkImport gives writeImport. */
export type CheckedImport = {
  result: Omit<ImportResult, "issueCount" | "issues" | "preview" | "created">;
  candidates: ImportCandidate[];
  issues: ImportIssue[];
};

/** Reads the file and checks every row against the mapping; writes nothing. */
export async function checkImport(actor: Actor, request: Omit<ImportRequest, "onProgress">): Promise<CheckedImport> {
  authorize(actor, "data.import");
  const table: Table = await readTable(request.fileName, request.bytes);
  const mapping = completeMapping(
    request.mapping === undefined || request.mapping === null ? suggestMapping(table.headers, await rememberedMapping(actor)) : parseInput(importMapping, request.mapping),
  );
  // Only active units take new initiatives; a deactivated one reads as unknown in the file.
  const departments = await prisma.department.findMany({ where: { active: true }, select: { id: true, name: true, shortName: true } });
  const result = { dryRun: request.dryRun, format: table.format, headers: table.headers, mapping, rowCount: table.rows.length, status: DEFAULT_IMPORT_STATUS };

  const problems = mappingIssues(table.headers, mapping);
  const { candidates, issues } = problems.length
    ? { candidates: [], issues: problems }
    : validateRows(table, mapping, { departments, existing: await existingTitles(prisma, departments.map((d) => d.id), titleCells(table, mapping)) });
  return { result, candidates, issues };
}

/**
 * Imports initiatives from a spreadsheet, all or nothing. With dryRun it only reports what
 * would be stored and every problem by row; without, any problem refuses the whole file.
 */
export async function importInitiatives(actor: Actor, request: ImportRequest): Promise<ImportResult> {
  const checked = await checkImport(actor, request);
  request.onProgress?.({ phase: "validating" });
  if (request.dryRun) {
    const { result, candidates, issues } = checked;
    return { ...result, issueCount: issues.length, issues: issues.slice(0, IMPORT_LIMITS.issuesShown), preview: issues.length ? [] : previewOf(candidates), created: 0 };
  }
  return writeImport(actor, checked, request);
}

/**
 * Writes a checked import in one transaction; refuses (writing nothing) if the check found any
 * problem. The API checks first and streams only this part, so a bad file is a plain 4xx.
 */
export async function writeImport(actor: Actor, checked: CheckedImport, request: Pick<ImportRequest, "fileName" | "onProgress">): Promise<ImportResult> {
  authorize(actor, "data.import");
  const { result: base, candidates, issues } = checked;
  const { mapping } = base;
  if (issues.length) throw new ImportRejectedError(issues, issues.length);

  const created = await prisma.$transaction(
    async (tx) => {
      // Someone may have added a same-titled initiative since the file was checked.
      const existing = await existingTitles(
        tx,
        [...new Set(candidates.map((c) => c.data.ownerDepartmentId))],
        candidates.map((c) => c.data.title),
      );
      const late = candidates.filter((c) => existing.has(duplicateKey(c.data.ownerDepartmentId, c.data.title)));
      if (late.length) throw new ImportRejectedError(late.map((c) => ({ row: c.row, field: "title", message: "duplicateExisting" })), late.length);

      const now = new Date();
      const userId = actorUserId(actor);
      const importId = randomUUID();
      const total = candidates.length;
      for (let start = 0; start < total; start += CHUNK) {
        const chunk = candidates.slice(start, start + CHUNK).map((c) => ({ ...c, id: randomUUID() }));
        // One statement per table and chunk (see bulkInsert); numbers follow the file's order.
        await bulkInsert(
          tx,
          "Initiative",
          chunk.map((c) => ({ ...c.data, id: c.id, createdById: userId, submittedAt: c.data.status === "DRAFT" ? null : now, createdAt: now, updatedAt: now })),
        );
        await bulkInsert(tx, "StatusChange", chunk.map((c) => ({ id: randomUUID(), initiativeId: c.id, fromStatus: null, toStatus: c.data.status, actorId: userId, reason: null, at: now })));
        await bulkInsert(
          tx,
          "AuditEvent",
          chunk.map((c) => ({
            id: randomUUID(),
            at: now,
            actorId: userId,
            actorLabel: actor.name,
            action: "initiative.import",
            entityType: "Initiative",
            entityId: c.id,
            before: null,
            after: { ...c.data, importId, row: c.row },
          })),
        );
        request.onProgress?.({ phase: "writing", done: Math.min(start + CHUNK, total), total });
      }
      await tx.auditEvent.create({
        data: {
          at: now,
          actorId: userId,
          actorLabel: actor.name,
          action: "data.import",
          entityType: "Import",
          entityId: importId,
          after: { fileName: request.fileName, format: base.format, rows: total, created: total, mapping } as Prisma.InputJsonValue,
        },
      });
      const remembered = { value: mapping as Prisma.InputJsonValue, updatedById: userId };
      await tx.setting.upsert({ where: { key: mappingKey(actor) }, create: { key: mappingKey(actor), ...remembered }, update: remembered });
      return total;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  return { ...base, dryRun: false, issueCount: 0, issues: [], preview: [], created };
}
