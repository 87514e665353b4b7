import "server-only";
// The municipality's data as one JSON document, and back: a full export of every table
// and a restore of such a document into an empty database, all in one transaction.
import { z } from "zod";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma as defaultPrisma } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { actorUserId, recordAudit } from "../audit";
import { AppError, type FieldIssue } from "../errors";
import { readBody } from "../body";
import { bulkInsert } from "../bulk-insert";
import { ENTITIES } from "./entities";

export const EXPORT_FORMAT = "portfoljen-export";
export const EXPORT_VERSION = 1;
/** Fields that are in the document but deserve care: they let the holder sign in or call the API. */
export const SENSITIVE_FIELDS = ["users.passwordHash", "users.email", "passwordLinks.secretHash", "apiTokens.secretHash"];

export type ExportDocument = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** The last database migration applied where the export was made. */
  schema: string;
  /** Fields left out of the export: none. Listed so that a reader never has to guess. */
  excluded: string[];
  sensitive: string[];
  entities: Record<string, Record<string, unknown>[]>;
};

/** Who runs the command-line export and restore: the database's owner, acting as no user. */
export const CLI_ACTOR: Actor = { id: "cli:data", role: "ADMIN", departmentId: null, name: "Kommandoraden (npm run data:export / data:restore)" };

type Tx = Prisma.TransactionClient;
const TX_OPTIONS = { timeout: 600_000, maxWait: 30_000 } as const;
const MAX_ISSUES = 50;


function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out;
}

/** By primary key, compared by code unit: the same order on every engine and collation. */
function byPrimaryKey(primaryKey: string[]) {
  return (a: Record<string, unknown>, b: Record<string, unknown>) => {
    for (const key of primaryKey) {
      const x = a[key] as string | number;
      const y = b[key] as string | number;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}

async function latestMigration(db: Tx): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return rows[0]?.name ?? "";
}

async function countAll(db: Tx): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of ENTITIES) counts[entity.key] = await entity.count(db);
  return counts;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Rows in the database, per entity: restore needs every one of them to be 0. */
export async function databaseRowCounts(actor: Actor, db: PrismaClient = defaultPrisma): Promise<Record<string, number>> {
  authorize(actor, "data.export");
  return countAll(db);
}

/**
 * Every row of every table, in dependency order and by primary key within a table, read
 * in one repeatable-read transaction so the document is one consistent moment. The export
 * itself is audited (after the read, so the document does not contain its own event).
 */
export async function exportAll(actor: Actor, db: PrismaClient = defaultPrisma): Promise<ExportDocument> {
  authorize(actor, "data.export");
  return db.$transaction(
    async (tx) => {
      const entities: ExportDocument["entities"] = {};
      for (const entity of ENTITIES) entities[entity.key] = (await entity.read(tx)).map(plain).sort(byPrimaryKey(entity.primaryKey));
      const document: ExportDocument = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: new Date().toISOString(),
        schema: await latestMigration(tx),
        excluded: [],
        sensitive: SENSITIVE_FIELDS,
        entities,
      };
      const counts = Object.fromEntries(Object.entries(entities).map(([k, rows]) => [k, rows.length]));
      await recordAudit(tx, actor, { action: "data.export", entityType: "Database", entityId: "export", after: { exportedAt: document.exportedAt, rows: total(counts), counts } });
      return document;
    },
    { ...TX_OPTIONS, isolationLevel: "RepeatableRead" },
  );
}

// ---- Restore -------------------------------------------------------------------------

const documentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.iso.datetime(),
    schema: z.string(),
    excluded: z.array(z.string()).max(0, { message: "This restore cannot fill in excluded fields." }),
    sensitive: z.array(z.string()),
    entities: z.object(Object.fromEntries(ENTITIES.map((e) => [e.key, z.array(e.row)]))).strict(),
  })
  .strict();

const schemaMismatch = (made: string, current: string) =>
  new AppError("SCHEMA_MISMATCH", 400, `The export was made at database version "${made}"; this database is at "${current}". Restore with the Portföljen version that made the export.`);

/** A document that is not a restorable export; nothing was written. */
export class InvalidExportError extends AppError {
  constructor(message: string, issues?: FieldIssue[], code = "INVALID_EXPORT") {
    super(code, 400, message, issues?.slice(0, MAX_ISSUES));
  }
}

function checkHeader(input: unknown): void {
  const head = (input ?? {}) as Record<string, unknown>;
  if (typeof input !== "object" || Array.isArray(input) || head.format !== EXPORT_FORMAT) {
    throw new InvalidExportError(`This is not a Portföljen export (expected "format": "${EXPORT_FORMAT}").`, [{ path: "format", message: "notAnExport" }], "NOT_AN_EXPORT");
  }
  if (head.version !== EXPORT_VERSION) {
    throw new InvalidExportError(`The export has format version ${JSON.stringify(head.version)}; this Portföljen restores version ${EXPORT_VERSION}.`, [{ path: "version", message: "unsupportedVersion" }], "UNSUPPORTED_VERSION");
  }
}

/** Duplicate primary keys and references to rows that are not in the document. */
export function integrityIssues(entities: Record<string, Record<string, unknown>[]>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = new Map<string, Set<unknown>>();
  for (const entity of ENTITIES) {
    const seen = new Set<string>();
    const single = entity.primaryKey.length === 1 ? new Set<unknown>() : null;
    // A table that refers to itself (a department's parent): its own keys are known first.
    if (single && Object.values(entity.references).includes(entity.key)) {
      for (const row of entities[entity.key] ?? []) single.add(row[entity.primaryKey[0]!]);
      ids.set(entity.key, single);
    }
    (entities[entity.key] ?? []).forEach((row, index) => {
      const key = JSON.stringify(entity.primaryKey.map((k) => row[k]));
      if (seen.has(key)) issues.push({ path: `entities.${entity.key}.${index}`, message: `duplicate primary key ${entity.primaryKey.join("+")} = ${key}` });
      seen.add(key);
      single?.add(row[entity.primaryKey[0]!]);
      for (const [field, target] of Object.entries(entity.references)) {
        const value = row[field];
        if (value === null || value === undefined) continue;
        // Dependency order: the referenced entity's keys are known by now.
        if (!ids.get(target)?.has(value)) issues.push({ path: `entities.${entity.key}.${index}.${field}`, message: `refers to ${target} "${String(value)}", which is not in the export` });
      }
    });
    if (single) ids.set(entity.key, single);
  }
  return issues;
}

type DbError = { code?: string; meta?: { modelName?: string; driverAdapterError?: { cause?: DbCause } }; cause?: DbCause };
type DbCause = { code?: string; originalCode?: string; kind?: string; message?: string; detail?: string; constraint?: { fields?: string[] } };

const CONSTRAINT_CODES = new Set(["P2002", "P2003", "23505", "23503", "UniqueConstraintViolation", "ForeignKeyConstraintViolation"]);

/** PostgreSQL's words for a broken unique or foreign key, through either driver adapter; null for other errors. */
function constraintViolation(error: unknown): string | null {
  const e = (error ?? {}) as DbError;
  const cause = e.cause ?? e.meta?.driverAdapterError?.cause;
  if (![e.code, cause?.code, cause?.originalCode, cause?.kind].some((c) => c && CONSTRAINT_CODES.has(c))) return null;
  const what = [cause?.message, cause?.detail].filter(Boolean).map((s) => s!.replace(/\.$/, "")).join(": ");
  return what || `${e.meta?.modelName ?? "a table"}${cause?.constraint?.fields ? ` (${cause.constraint.fields.join(", ")})` : ""}`;
}

/**
 * Restores a full export into an empty database in one transaction: validated first
 * (format, version, every row's fields, primary keys, references), refused if the target
 * holds any row, then written table by table in dependency order. Serial numbers continue
 * after the highest restored one. The restore is audited in the restored database.
 */
export async function restoreAll(actor: Actor, input: unknown, db: PrismaClient = defaultPrisma): Promise<{ rows: number; counts: Record<string, number> }> {
  authorize(actor, "data.restore");
  checkHeader(input);
  // An export of another database version has other fields: say that, not which field differs.
  const made = (input as { schema?: unknown }).schema;
  const current = await latestMigration(db);
  if (typeof made === "string" && made !== current) throw schemaMismatch(made, current);
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new InvalidExportError(`The export is not valid: ${issues[0]!.path}: ${issues[0]!.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}.`, issues);
  }
  const raw = (input as ExportDocument).entities;
  const broken = integrityIssues(raw);
  if (broken.length) {
    throw new InvalidExportError(`The export is not consistent: ${broken[0]!.path} ${broken[0]!.message}${broken.length > 1 ? ` (and ${broken.length - 1} more)` : ""}.`, broken);
  }
  const document = parsed.data;
  const counts = Object.fromEntries(ENTITIES.map((e) => [e.key, document.entities[e.key]!.length]));
  try {
    await db.$transaction(async (tx) => {
      const schema = await latestMigration(tx);
      if (document.schema !== schema) throw schemaMismatch(document.schema, schema);
      const present = await countAll(tx);
      if (total(present) > 0) {
        const where = Object.entries(present).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ");
        throw new AppError("DATABASE_NOT_EMPTY", 409, `Restore only writes into an empty database; this one holds ${total(present)} rows (${where}). Nothing was written.`);
      }
      // The validated rows as they came: the database converts them (see bulkInsert).
      for (const entity of ENTITIES) await bulkInsert(tx, entity.model, parentsFirst(entity, raw[entity.key]!));
      for (const entity of ENTITIES) for (const column of entity.serials ?? []) await continueSequence(tx, entity.model, column);
      const userIds = new Set(raw.users?.map((u) => u.id));
      const actorId = actorUserId(actor);
      await tx.auditEvent.create({
        data: {
          actorId: actorId && userIds.has(actorId) ? actorId : null,
          actorLabel: actor.name,
          action: "data.restore",
          entityType: "Database",
          entityId: "restore",
          after: { exportedAt: document.exportedAt, schema: document.schema, rows: total(counts), counts },
        },
      });
    }, TX_OPTIONS);
  } catch (error) {
    const broken = constraintViolation(error);
    if (broken) throw new InvalidExportError(`The export breaks a rule of the database: ${broken}. Nothing was written.`, [{ path: "entities", message: "constraintViolation" }]);
    throw error;
  }
  return { rows: total(counts), counts };
}

/** Rows of a table that refers to itself, ordered so that a row comes after the row it refers to. */
export function parentsFirst(entity: (typeof ENTITIES)[number], rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const self = Object.entries(entity.references).filter(([, target]) => target === entity.key).map(([field]) => field);
  if (!self.length) return rows;
  const key = entity.primaryKey[0]!;
  const byId = new Map(rows.map((r) => [r[key], r]));
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  const place = (row: Record<string, unknown>, depth: number) => {
    if (placed.has(row[key]) || depth > rows.length) return;
    for (const field of self) {
      const parent = byId.get(row[field]);
      if (parent && parent !== row) place(parent, depth + 1);
    }
    placed.add(row[key]);
    out.push(row);
  };
  for (const row of rows) place(row, 0);
  return out;
}

/** The next number after the highest restored one (PostgreSQL and PGlite alike). */
async function continueSequence(tx: Tx, table: string, column: string): Promise<void> {
  await tx.$queryRawUnsafe(
    `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), COALESCE(MAX("${column}"), 1), MAX("${column}") IS NOT NULL)::text AS value FROM "${table}"`,
  );
}

/**
 * Reads a restore body: JSON content type, at most `maxBytes` (read no further), UTF-8, well-formed;
 * else a clear 4xx.
 */
export async function readExportBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415, "Send the export with Content-Type: application/json.");
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", 413, `The export may be at most ${Math.round(maxBytes / 1024 / 1024)} MB here; restore larger ones with npm run data:restore.`);
  const bytes = await readBody(request, maxBytes, tooLarge);
  let text: string;
  try {
    // Invalid UTF-8 is refused, not restored as U+FFFD.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_ENCODING", 400, "The body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("MALFORMED_JSON", 400, "The body is not valid JSON.");
  }
}
