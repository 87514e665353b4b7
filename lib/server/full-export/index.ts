import "server-only";
// The municipality's data as one JSON document, and back: a full export of every table and a
// restore of such a document into an empty database, each in one transaction. Both stream: the
// export writes the document table by table, a page of rows at a time; the restore reads it as
// it arrives (reader.ts) and writes it in batches. Neither holds the document, nor a whole table,
// in memory, so their memory does not grow with the database.
import { once } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, type Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { z } from "zod";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma as defaultPrisma } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { actorUserId, recordAudit } from "../audit";
import { AppError, type FieldIssue } from "../errors";
import { readBody } from "../body";
import { bulkInsert } from "../bulk-insert";
import { textPaths, UNSTORABLE } from "@/lib/validation/common";
import { ENTITIES, type EntityDef } from "./entities";
import { documentEvents, objectEvents, type DocumentEvent } from "./reader";

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

/** The command line's transactions may run this long: a large database takes more than the API's 10 minutes. */
export const CLI_TIMEOUT_MS = 6 * 60 * 60 * 1000;

type Tx = Prisma.TransactionClient;
type Row = Record<string, unknown>;
const TX_OPTIONS = { timeout: 600_000, maxWait: 30_000 } as const;
const MAX_ISSUES = 50;
/** Rows fetched from the export's cursor at a time. */
const PAGE_ROWS = 2000;
/**
 * Rows written per INSERT (and per savepoint), or fewer once they reach BATCH_BYTES of text. Kept
 * small because the driver adapters log every query with its parameters to @prisma/debug, which
 * keeps the last 100 calls' arguments even with logging off: each batch stays referenced for a
 * while. At 4 MB a batch that held 100 MB more at 10,000 initiatives; at 256 kB ≈ 25 MB at most,
 * and no slower here.
 */
const BATCH_ROWS = 2000;
const BATCH_BYTES = 256 * 1024;

function plain(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out;
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

// ---- Export --------------------------------------------------------------------------

/** Where the export's text goes, piece by piece; a returned promise is awaited (backpressure). */
export type ExportSink = (text: string) => void | Promise<void>;
export type ExportSummary = { exportedAt: string; rows: number; counts: Record<string, number>; bytes: number };

/**
 * Writes every row of every table, in dependency order and by primary key within a table, read
 * in one repeatable-read transaction so the document is one consistent moment. The text is the
 * same, byte for byte, as JSON.stringify of the whole document was before the export streamed.
 * The export itself is audited (after the read, so the document does not contain its own event).
 */
export type ExportOptions = {
  /** Rows per page (tests make it small to see many pages). */
  pageRows?: number;
  /** How long the transaction may take (the command line allows a large database more). */
  timeoutMs?: number;
};

export async function writeExport(actor: Actor, sink: ExportSink, db: PrismaClient = defaultPrisma, options: ExportOptions = {}): Promise<ExportSummary> {
  authorize(actor, "data.export");
  return db.$transaction(
    async (tx) => {
      let bytes = 0;
      const write = async (text: string) => {
        bytes += Buffer.byteLength(text);
        await sink(text);
      };
      const exportedAt = new Date().toISOString();
      const head = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, schema: await latestMigration(tx), excluded: [], sensitive: SENSITIVE_FIELDS };
      // The header's members as JSON.stringify writes them, then "entities" as the last member.
      await write(`${JSON.stringify(head).slice(0, -1)},"entities":{`);
      const counts: Record<string, number> = {};
      for (const [index, entity] of ENTITIES.entries()) {
        await write(`${index ? "," : ""}${JSON.stringify(entity.key)}:[`);
        counts[entity.key] = await writeTable(tx, entity, write, options.pageRows ?? PAGE_ROWS);
        await write("]");
      }
      await write("}}");
      await recordAudit(tx, actor, { action: "data.export", entityType: "Database", entityId: "export", after: { exportedAt, rows: total(counts), counts } });
      return { exportedAt, rows: total(counts), counts, bytes };
    },
    { ...TX_OPTIONS, timeout: options.timeoutMs ?? TX_OPTIONS.timeout, isolationLevel: "RepeatableRead" },
  );
}

/**
 * One table's rows, a page at a time from a cursor, each row as Prisma's findMany gives it.
 * Ordered as the export always was: text by code unit (collation "C", whatever the database's
 * own collation; the two differ only between characters beyond U+FFFF and U+E000–U+FFFF), enums
 * by their name, numbers by value. A cursor, not keyset pages: the primary key's index is in the
 * database's collation, so a page "after key k in C order" would scan and sort the whole table
 * each time, where the cursor sorts it once.
 */
async function writeTable(tx: Tx, entity: EntityDef, write: (text: string) => Promise<void>, pageRows: number): Promise<number> {
  const shape = entity.row.shape as Record<string, z.ZodType>;
  const numeric = (field: string) => shape[field] instanceof z.ZodNumber;
  // An array of enum values comes through a raw query as its text form ("{READ,WRITE}") on
  // PGlite; as text[] it arrives as the array findMany gives.
  const enumArray = (field: string) => {
    const type = shape[field];
    return type instanceof z.ZodArray && type.element instanceof z.ZodEnum;
  };
  const list = entity.columns.map((c) => (enumArray(c) ? `"${c}"::text[] AS "${c}"` : `"${c}"`)).join(", ");
  const order = entity.primaryKey.map((k) => (numeric(k) ? `"${k}"` : `"${k}"::text COLLATE "C"`)).join(", ");
  await tx.$executeRawUnsafe(`DECLARE portfoljen_export NO SCROLL CURSOR FOR SELECT ${list} FROM "${entity.model}" ORDER BY ${order}`);
  let rows = 0;
  for (;;) {
    const page = await tx.$queryRawUnsafe<Row[]>(`FETCH ${Math.floor(pageRows)} FROM portfoljen_export`);
    if (page.length) await write((rows ? "," : "") + page.map((row) => JSON.stringify(plain(row))).join(","));
    rows += page.length;
    if (page.length < pageRows) break;
  }
  await tx.$executeRawUnsafe(`CLOSE portfoljen_export`);
  return rows;
}

/** A sink into a Node stream (a file, stdout) that waits while the stream's buffer is full. */
export function streamSink(out: Writable): ExportSink {
  let failed: unknown = null;
  // Recorded here and thrown at the next write, so a failing disk is an error, not a crash.
  out.on("error", (error) => (failed = error));
  return async (text) => {
    if (failed) throw failed;
    if (!out.write(text)) await once(out, "drain");
  };
}

/** The export into a file, readable by its owner only; the summary once it is complete on disk. */
export async function exportToFile(actor: Actor, file: string, db: PrismaClient = defaultPrisma, options: ExportOptions = {}): Promise<ExportSummary> {
  authorize(actor, "data.export");
  const out = fs.createWriteStream(file, { mode: 0o600 });
  try {
    const summary = await writeExport(actor, streamSink(out), db, options);
    out.end();
    await finished(out);
    return summary;
  } catch (error) {
    out.destroy();
    throw error;
  }
}

/**
 * The export as a download. It is written to a private temporary file first and then sent from
 * there, still streamed: the database's transaction then lasts as long as the database needs,
 * not as long as the client takes to download (on the embedded database a transaction holds up
 * every other request), and an export that fails half-way is an error answer, not a truncated file.
 */
export async function exportDownload(actor: Actor, db: PrismaClient = defaultPrisma): Promise<ExportSummary & { body: ReadableStream<Uint8Array> }> {
  authorize(actor, "data.export");
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "portfoljen-export-"));
  try {
    const file = path.join(dir, "export.json");
    const summary = await exportToFile(actor, file, db);
    const handle = await fsp.open(file, "r");
    return { ...summary, body: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array> };
  } finally {
    // The open handle reads the file to its end; its name is gone at once, so nothing stays behind.
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

/** The whole document as an object, for tests and small databases: this one is held in memory. */
export async function exportAll(actor: Actor, db: PrismaClient = defaultPrisma): Promise<ExportDocument> {
  const parts: string[] = [];
  await writeExport(actor, (text) => void parts.push(text), db);
  return JSON.parse(parts.join("")) as ExportDocument;
}

// ---- Restore -------------------------------------------------------------------------

const headerSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.iso.datetime(),
    schema: z.string(),
    excluded: z.array(z.string()).max(0, { message: "This restore cannot fill in excluded fields." }),
    sensitive: z.array(z.string()),
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

/** Problems found while reading: the first MAX_ISSUES kept, all counted. */
class Issues {
  readonly list: FieldIssue[] = [];
  count = 0;
  add(...issues: FieldIssue[]): void {
    for (const issue of issues) if (this.count++ < MAX_ISSUES) this.list.push(issue);
  }
  error(what: string, separator: string): InvalidExportError {
    const first = this.list[0]!;
    const more = this.count > 1 ? ` (and ${this.count - 1} more)` : "";
    return new InvalidExportError(`The export is ${what}: ${first.path}${separator}${first.message}${more}.`, this.list);
  }
}

const received = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

const duplicateIssue = (entity: EntityDef, index: number, key: string): FieldIssue => ({
  path: `entities.${entity.key}.${index}`,
  message: `duplicate primary key ${entity.primaryKey.join("+")} = ${key}`,
});
const referenceIssue = (entity: EntityDef, index: number, field: string, value: unknown): FieldIssue => ({
  path: `entities.${entity.key}.${index}.${field}`,
  message: `refers to ${entity.references[field]} "${String(value)}", which is not in the export`,
});

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

export type RestoreResult = { rows: number; counts: Record<string, number> };
export type RestoreOptions = {
  /** Rows per INSERT (tests make it small to see several batches). */
  batchRows?: number;
  /** Called after each batch is written (inside the transaction), with the rows written so far. */
  onProgress?: (rows: number) => void;
  /** How long the transaction may take (the command line allows a large document more). */
  timeoutMs?: number;
};

/** The staging table of rows' references to their own table (a department's parent). */
const SELF_REFS = "portfoljen_restore_self_refs";

/**
 * Restores a full export into an empty database in one transaction, reading the document as
 * it arrives (`chunks`: UTF-8 bytes, e.g. a file's read stream): format and version first, then
 * every row checked against its schema and written in batches; primary keys and references are
 * the database's to check, and a batch it refuses is rolled back to its savepoint and examined,
 * so the issue names the row and field as before. Any issue, even in the last row, rolls the
 * whole restore back: nothing half-written. The restore is audited in the restored database.
 */
export async function restoreStream(
  actor: Actor,
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  db: PrismaClient = defaultPrisma,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  authorize(actor, "data.restore");
  return restoreEvents(actor, documentEvents(chunks), db, options);
}

/** Restores a document already in memory (tests; the same checks and writes as restoreStream). */
export async function restoreAll(actor: Actor, input: unknown, db: PrismaClient = defaultPrisma, options: RestoreOptions = {}): Promise<RestoreResult> {
  authorize(actor, "data.restore");
  return restoreEvents(actor, objectEvents(input), db, options);
}

async function restoreEvents(actor: Actor, source: AsyncGenerator<DocumentEvent>, db: PrismaClient, options: RestoreOptions): Promise<RestoreResult> {
  try {
    return await restoreFrom(actor, source, db, options);
  } finally {
    // A refused restore need not read the rest of the document (and closes what it reads from).
    await source.return(undefined);
  }
}

async function restoreFrom(actor: Actor, source: AsyncGenerator<DocumentEvent>, db: PrismaClient, options: RestoreOptions): Promise<RestoreResult> {
  // The header, up to "entities", is checked before a transaction opens.
  const head: Record<string, unknown> = {};
  const issues = new Issues();
  let next = await source.next();
  for (; !next.done && next.value.type !== "entitiesStart"; next = await source.next()) {
    const event = next.value;
    if (event.type === "notAnObject") checkHeader(null);
    if (event.type !== "field") continue;
    if (event.key in head) issues.add({ path: event.key, message: "duplicate key" });
    else if (event.key === "entities") issues.add({ path: "entities", message: `Invalid input: expected object, received ${received(event.value)}` });
    else head[event.key] = event.value;
  }
  checkHeader(head);
  // An export of another database version has other fields: say that, not which field differs.
  const current = await latestMigration(db);
  if (typeof head.schema === "string" && head.schema !== current) throw schemaMismatch(head.schema, current);
  const parsedHead = headerSchema.safeParse(head);
  if (!parsedHead.success) {
    for (const i of parsedHead.error.issues) {
      const key = String(i.path[0] ?? "");
      // A streamed restore reads the header before the rows: a member after "entities" is too late.
      issues.add({ path: i.path.join("."), message: !next.done && key && !(key in head) ? `${i.message} (it must come before "entities")` : i.message });
    }
  }
  if (next.done && !issues.list.some((i) => i.path === "entities")) issues.add({ path: "entities", message: "Invalid input: expected object, received undefined" });
  if (issues.count) throw issues.error("not valid", ": ");
  const madeAt = { exportedAt: head.exportedAt as string, schema: head.schema as string };

  const counts: Record<string, number> = Object.fromEntries(ENTITIES.map((e) => [e.key, 0]));
  try {
    await db.$transaction(async (tx) => {
      const schema = await latestMigration(tx);
      if (madeAt.schema !== schema) throw schemaMismatch(madeAt.schema, schema);
      const present = await countAll(tx);
      if (total(present) > 0) {
        const where = Object.entries(present).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ");
        throw new AppError("DATABASE_NOT_EMPTY", 409, `Restore only writes into an empty database; this one holds ${total(present)} rows (${where}). Nothing was written.`);
      }
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE "${SELF_REFS}" (idx integer, id text, field text, value text) ON COMMIT DROP`);
      const broken = new Issues();
      let written = 0;
      const progress = (rows: number) => options.onProgress?.((written += rows));
      const seen = new Set<string>();
      let position = -1;
      let table: TableWriter | null = null;
      /** The entity of an "entities" member, if it may be written: known, once, in dependency order. */
      const open = (key: string): EntityDef | null => {
        const index = ENTITIES.findIndex((e) => e.key === key);
        if (index < 0) issues.add({ path: "entities", message: `Unrecognized key: "${key}"` });
        else if (seen.has(key)) issues.add({ path: `entities.${key}`, message: "duplicate key" });
        else if (index < position) issues.add({ path: `entities.${key}`, message: `must come before "${ENTITIES[position]!.key}" (the entities are restored in the order an export writes them)` });
        else {
          seen.add(key);
          position = index;
          return ENTITIES[index]!;
        }
        return null;
      };
      const writing = () => issues.count === 0 && broken.count === 0;

      for (next = await source.next(); !next.done; next = await source.next()) {
        const event = next.value;
        if (event.type === "entityStart") {
          const entity = open(event.key);
          table = entity ? new TableWriter(tx, entity, broken, options.batchRows ?? BATCH_ROWS, progress) : null;
        } else if (event.type === "entityValue") {
          if (open(event.key)) issues.add({ path: `entities.${event.key}`, message: `Invalid input: expected array, received ${received(event.value)}` });
        } else if (event.type === "row") {
          if (!table) continue;
          const parsed = table.entity.row.safeParse(event.value);
          if (!parsed.success) {
            issues.add(...parsed.error.issues.map((i) => ({ path: ["entities", event.key, event.index, ...i.path].join("."), message: i.message })));
            continue;
          }
          // Text and JSON fields may carry, through JSON's escapes, what PostgreSQL cannot store.
          const unstorable = textPaths(event.value, UNSTORABLE, ["entities", event.key, event.index]);
          if (unstorable.length) {
            issues.add(...unstorable.map((path) => ({ path, message: "holds characters that cannot be stored (a NUL byte or half of a UTF-16 pair)" })));
            continue;
          }
          counts[event.key]! += 1;
          // The validated row as it came: the database converts it (see bulkInsert).
          if (writing()) await table.add(event.value as Row, event.index, event.bytes);
        } else if (event.type === "entityEnd") {
          if (table && writing()) await table.finish();
          table = null;
        } else if (event.type === "entitiesEnd") {
          for (const entity of ENTITIES) if (!seen.has(entity.key)) issues.add({ path: `entities.${entity.key}`, message: "Invalid input: expected array, received undefined" });
        } else if (event.type === "field") {
          issues.add(event.key in head || event.key === "entities" ? { path: event.key, message: "duplicate key" } : { path: "", message: `Unrecognized key: "${event.key}"` });
        }
      }
      if (issues.count) throw issues.error("not valid", ": ");
      if (broken.count) throw broken.error("not consistent", " ");

      for (const entity of ENTITIES) for (const column of entity.serials ?? []) await continueSequence(tx, entity.model, column);
      const actorId = actorUserId(actor);
      const actorRestored = actorId !== null && (await tx.user.count({ where: { id: actorId } })) > 0;
      await tx.auditEvent.create({
        data: {
          actorId: actorRestored ? actorId : null,
          actorLabel: actor.name,
          action: "data.restore",
          entityType: "Database",
          entityId: "restore",
          after: { ...madeAt, rows: total(counts), counts },
        },
      });
    }, { ...TX_OPTIONS, timeout: options.timeoutMs ?? TX_OPTIONS.timeout });
  } catch (error) {
    const broken = constraintViolation(error);
    if (broken) throw new InvalidExportError(`The export breaks a rule of the database: ${broken}. Nothing was written.`, [{ path: "entities", message: "constraintViolation" }]);
    throw error;
  }
  return { rows: total(counts), counts };
}

/**
 * One entity's rows on their way into the database, a batch at a time, each batch under a
 * savepoint: a batch the database refuses is rolled back to it and examined for the rows at fault.
 * A row's reference to its own table (a department's parent, a measurement's correction) may point
 * at a row further on, so it is written as null, staged in a temporary table and set once the
 * whole table is in (these columns are nullable).
 */
class TableWriter {
  private rows: Row[] = [];
  private indexes: number[] = [];
  private bytes = 0;
  private readonly selfRefs: string[];

  constructor(
    private readonly tx: Tx,
    readonly entity: EntityDef,
    private readonly broken: Issues,
    private readonly batchRows: number,
    private readonly progress: (rows: number) => void,
  ) {
    this.selfRefs = Object.entries(entity.references).filter(([, target]) => target === entity.key).map(([field]) => field);
  }

  async add(row: Row, index: number, bytes: number): Promise<void> {
    this.rows.push(row);
    this.indexes.push(index);
    this.bytes += bytes;
    if (this.rows.length >= this.batchRows || this.bytes >= BATCH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    const { rows, indexes } = this;
    if (!rows.length) return;
    this.rows = [];
    this.indexes = [];
    this.bytes = 0;
    const key = this.entity.primaryKey[0]!;
    const refs: Row[] = [];
    const insert = !this.selfRefs.length
      ? rows
      : rows.map((row, i) => {
          let copy = row;
          for (const field of this.selfRefs) {
            if (row[field] === null || row[field] === undefined) continue;
            refs.push({ idx: indexes[i], id: row[key], field, value: row[field] });
            copy = { ...copy, [field]: null };
          }
          return copy;
        });
    await this.tx.$executeRawUnsafe("SAVEPOINT portfoljen_batch");
    try {
      await bulkInsert(this.tx, this.entity.model, insert, insert.length);
      await bulkInsert(this.tx, SELF_REFS, refs);
      await this.tx.$executeRawUnsafe("RELEASE SAVEPOINT portfoljen_batch");
    } catch (error) {
      await this.tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT portfoljen_batch").catch(() => {
        throw error;
      });
      const found = await batchIssues(this.tx, this.entity, rows, indexes);
      if (!found.length) throw error;
      this.broken.add(...found);
      return;
    }
    this.progress(rows.length);
  }

  /** The last batch, then the references within the table. */
  async finish(): Promise<void> {
    await this.flush();
    if (!this.selfRefs.length || this.broken.count) return;
    const { model, primaryKey } = this.entity;
    const key = primaryKey[0]!;
    const missing = await this.tx.$queryRawUnsafe<{ idx: number; field: string; value: string }[]>(
      `SELECT r.idx, r.field, r.value FROM "${SELF_REFS}" r WHERE NOT EXISTS (SELECT 1 FROM "${model}" t WHERE t."${key}" = r.value) ORDER BY r.idx LIMIT ${MAX_ISSUES}`,
    );
    if (missing.length) return this.broken.add(...missing.map((m) => referenceIssue(this.entity, m.idx, m.field, m.value)));
    for (const field of this.selfRefs) {
      await this.tx.$executeRawUnsafe(`UPDATE "${model}" t SET "${field}" = r.value FROM "${SELF_REFS}" r WHERE r.field = $1 AND t."${key}" = r.id`, field);
    }
    await this.tx.$executeRawUnsafe(`DELETE FROM "${SELF_REFS}"`);
  }
}

/** The rows of a refused batch whose primary key is taken or whose reference leads nowhere. */
async function batchIssues(tx: Tx, entity: EntityDef, rows: Row[], indexes: number[]): Promise<FieldIssue[]> {
  const found: { at: number; issue: FieldIssue }[] = [];
  const keys = rows.map((row) => JSON.stringify(entity.primaryKey.map((k) => row[k])));
  const match = entity.primaryKey.map((k, i) => `t."${k}"::text = k.v->>${i}`).join(" AND ");
  const taken = await tx.$queryRawUnsafe<{ i: number }[]>(
    `SELECT (k.i - 1)::int AS i FROM json_array_elements($1::json) WITH ORDINALITY AS k(v, i) WHERE EXISTS (SELECT 1 FROM "${entity.model}" t WHERE ${match})`,
    `[${keys.join(",")}]`,
  );
  const earlier = new Set(taken.map((r) => r.i));
  const inBatch = new Set<string>();
  keys.forEach((key, i) => {
    if (earlier.has(i) || inBatch.has(key)) found.push({ at: i, issue: duplicateIssue(entity, indexes[i]!, key) });
    inBatch.add(key);
  });
  for (const [field, target] of Object.entries(entity.references)) {
    if (target === entity.key) continue; // staged, checked once the table is in
    const model = ENTITIES.find((e) => e.key === target)!.model;
    const values = rows.map((row) => row[field] ?? null);
    const missing = await tx.$queryRawUnsafe<{ i: number }[]>(
      `SELECT (k.i - 1)::int AS i FROM json_array_elements_text($1::json) WITH ORDINALITY AS k(v, i) WHERE k.v IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${model}" t WHERE t.id = k.v)`,
      JSON.stringify(values),
    );
    for (const { i } of missing) found.push({ at: i, issue: referenceIssue(entity, indexes[i]!, field, values[i]) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.issue);
}

/** The next number after the highest restored one (PostgreSQL and PGlite alike). */
async function continueSequence(tx: Tx, table: string, column: string): Promise<void> {
  await tx.$queryRawUnsafe(
    `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), COALESCE(MAX("${column}"), 1), MAX("${column}") IS NOT NULL)::text AS value FROM "${table}"`,
  );
}

/**
 * Reads a restore body: JSON content type, at most `maxBytes` (read no further), else a clear
 * 4xx. The bytes are bounded, so they are read whole before the restore's transaction opens (a
 * slow upload must not hold the database); the restore then parses them as a stream, which
 * refuses invalid UTF-8 and malformed JSON with a 400, never building the document as objects.
 */
export async function readExportBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415, "Send the export with Content-Type: application/json.");
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", 413, `The export may be at most ${Math.round(maxBytes / 1024 / 1024)} MB here; restore larger ones with npm run data:restore.`);
  return readBody(request, maxBytes, tooLarge);
}
