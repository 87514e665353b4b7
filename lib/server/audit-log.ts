import "server-only";
// The audit log viewer (ADMIN; LEADERSHIP reads): every audit event, filtered by actor,
// entity, action and date, newest first. Paged by keyset (time, id) rather than by offset and
// without a total count, so a page costs the same at the millionth event as at the first;
// each filter has an index that starts with it and ends with the time (prisma/schema.prisma).
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { tokenActorLabel } from "@/lib/auth/api-token";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_PAGE_SIZE, auditExportQuery, auditQuery, type AuditQuery } from "@/lib/validation/audit";
import { parseInput } from "./errors";
import { CLI_ACTOR } from "./full-export";
import { ADMIN_CLI_ACTOR, SETUP_ACTOR } from "./password-links";
import { cachedUntilWrite } from "./snapshot-cache";
import { SSO_ACTOR } from "./sso";

export type AuditEventView = { id: string; at: Date; actorId: string | null; actorLabel: string; action: string; entityType: string; entityId: string; before: unknown; after: unknown };
export type AuditPage = { data: AuditEventView[]; older: string | null; newer: string | null; filter: AuditQuery };

type Key = { at: Date; id: string };
const encode = (k: Key) => Buffer.from(`${k.at.toISOString()}|${k.id}`, "utf8").toString("base64url");
function decode(cursor: string | undefined): Key | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) && !Number.isNaN(date.getTime()) ? { at: date, id } : null;
}

/** Midnight in Stockholm of a calendar day, as an instant. */
export function stockholmMidnight(day: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  // The offset of Stockholm time at that moment (1 or 2 hours), read from Intl.
  const local = new Date(utc.toLocaleString("en-US", { timeZone: "Europe/Stockholm" }));
  const asUtc = new Date(utc.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(utc.getTime() - (local.getTime() - asUtc.getTime()));
}

/** Service identities that act without being a person (see lib/server/audit.ts). */
const SERVICE_LABELS = [CLI_ACTOR.name, ADMIN_CLI_ACTOR.name, SETUP_ACTOR.name, SSO_ACTOR.name];

/** The people (ids) and service identities (labels) a "who" search means; kept until the next write. */
function actorsMatching(text: string): Promise<{ ids: string[]; labels: string[] }> {
  return cachedUntilWrite(`auditActors:${text.toLowerCase()}`, async () => {
    const [people, tokens] = await Promise.all([
      prisma.user.findMany({ where: { OR: [{ name: { contains: text, mode: "insensitive" } }, { email: { contains: text, mode: "insensitive" } }] }, select: { id: true }, take: 500 }),
      prisma.apiToken.findMany({ where: { name: { contains: text, mode: "insensitive" } }, select: { name: true }, take: 100 }),
    ]);
    const labels = [...tokens.map((t) => tokenActorLabel(t.name)), ...SERVICE_LABELS.filter((l) => l.toLowerCase().includes(text.toLowerCase()))];
    return { ids: people.map((p) => p.id), labels };
  });
}

/** The filter as SQL conditions (each served by an index that starts with it and ends with the time). */
async function conditions(filter: AuditQuery): Promise<Prisma.Sql[]> {
  const and: Prisma.Sql[] = [];
  if (filter.actor) {
    // Resolved to people and token names first, so the log itself is filtered by index.
    const { ids, labels } = await actorsMatching(filter.actor);
    const byId = ids.length ? Prisma.sql`"actorId" IN (${Prisma.join(ids)})` : null;
    const byLabel = labels.length ? Prisma.sql`("actorId" IS NULL AND "actorLabel" IN (${Prisma.join(labels)}))` : null;
    and.push(byId && byLabel ? Prisma.sql`(${byId} OR ${byLabel})` : (byId ?? byLabel ?? Prisma.sql`FALSE`));
  }
  if (filter.entityType) and.push(Prisma.sql`"entityType" = ${filter.entityType}`);
  if (filter.entityId) and.push(Prisma.sql`"entityId" = ${filter.entityId}`);
  if (filter.action) and.push(Prisma.sql`"action" = ${filter.action}`);
  if (filter.from) and.push(Prisma.sql`"at" >= ${stamp(stockholmMidnight(filter.from))}`);
  if (filter.to) {
    const next = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    and.push(Prisma.sql`"at" < ${stamp(stockholmMidnight(next))}`);
  }
  return and;
}

/** An instant as the column stores it (timestamp(3) without time zone, in UTC, as Prisma writes it). */
const stamp = (d: Date) => Prisma.sql`CAST(${d.toISOString().slice(0, 23)} AS timestamp(3))`;

/**
 * One page past a key, newest first (`older`) or oldest first (`newer`). Raw SQL for the row
 * comparison (at, id) < (…), which an index range scan serves; `at <= …` beside it lets an
 * index that starts with a filter column and ends with the time serve it too.
 */
async function page(and: Prisma.Sql[], after: Key | null, direction: "older" | "newer", take: number): Promise<AuditEventView[]> {
  const all = [...and];
  if (after) {
    all.push(direction === "older" ? Prisma.sql`"at" <= ${stamp(after.at)} AND ("at", "id") < (${stamp(after.at)}, ${after.id})` : Prisma.sql`"at" >= ${stamp(after.at)} AND ("at", "id") > (${stamp(after.at)}, ${after.id})`);
  }
  const where = all.length ? Prisma.sql`WHERE ${Prisma.join(all, " AND ")}` : Prisma.empty;
  const order = direction === "older" ? Prisma.sql`ORDER BY "at" DESC, "id" DESC` : Prisma.sql`ORDER BY "at" ASC, "id" ASC`;
  const rows = await prisma.$queryRaw<(Omit<AuditEventView, "at"> & { at: Date | string })[]>(
    Prisma.sql`SELECT "id", "at", "actorId", "actorLabel", "action", "entityType", "entityId", "before", "after" FROM "AuditEvent" ${where} ${order} LIMIT ${take}`,
  );
  // The column has no time zone; it holds UTC.
  return rows.map((r) => ({ ...r, at: r.at instanceof Date ? r.at : new Date(`${r.at}Z`) }));
}

/** One page of the log: `older` continues past the last event, `newer` goes back towards the newest. */
export async function auditLog(actor: Actor, query: unknown = {}): Promise<AuditPage> {
  authorize(actor, "audit.browse");
  const filter = parseInput(auditQuery, query);
  const and = await conditions(filter);
  const cursor = decode(filter.cursor);
  const size = filter.pageSize;
  const newer = filter.direction === "newer" && cursor !== null;
  const rows = await page(and, cursor, newer ? "newer" : "older", size + 1);
  const more = rows.length > size;
  const data = rows.slice(0, size);
  if (newer) data.reverse();
  const first = data[0];
  const last = data[data.length - 1];
  return {
    data,
    older: last && (newer || more) ? encode(last) : null,
    newer: first && (newer ? more : cursor !== null) ? encode(first) : null,
    filter,
  };
}

/**
 * Every event of the filter, newest first, read a thousand at a time: for the CSV export
 * (memory stays flat). Authorizes and validates at once, so a refusal comes before any row.
 */
export async function auditEventsForExport(actor: Actor, query: unknown = {}, max = 1_000_000): Promise<AsyncGenerator<AuditEventView>> {
  authorize(actor, "audit.browse");
  const filter = parseInput(auditExportQuery, query);
  const and = await conditions({ ...filter, direction: "older", pageSize: AUDIT_PAGE_SIZE });
  return (async function* () {
    let cursor: Key | null = null;
    for (let sent = 0; sent < max; ) {
      const rows = await page(and, cursor, "older", 1000);
      for (const event of rows) {
        yield event;
        if (++sent >= max) return;
      }
      if (rows.length < 1000) return;
      cursor = rows[rows.length - 1]!;
    }
  })();
}

/**
 * The entity types and actions the filter offers: the ones in use. Read by skipping from one
 * distinct value to the next through the index (a loose index scan), so it costs a probe per
 * value, not a pass over a million events.
 */
export async function auditVocabulary(actor: Actor): Promise<{ entityTypes: string[]; actions: string[] }> {
  authorize(actor, "audit.browse");
  const distinct = (column: "entityType" | "action") =>
    prisma.$queryRawUnsafe<{ v: string }[]>(`WITH RECURSIVE t AS (
        (SELECT "${column}" AS v FROM "AuditEvent" ORDER BY "${column}" LIMIT 1)
        UNION ALL
        SELECT (SELECT "${column}" FROM "AuditEvent" WHERE "${column}" > t.v ORDER BY "${column}" LIMIT 1) FROM t WHERE t.v IS NOT NULL
      ) SELECT v FROM t WHERE v IS NOT NULL`);
  // Kept until the next write: the vocabulary changes only when something is written.
  return cachedUntilWrite("auditVocabulary", async () => {
    const [types, actions] = await Promise.all([distinct("entityType"), distinct("action")]);
    return { entityTypes: types.map((r) => r.v), actions: actions.map((r) => r.v) };
  });
}
