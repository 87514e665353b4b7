import "server-only";
// Figures that are read far more often than written: the portfolio ranking with its
// sensitivity and the chart aggregates (a second or more over a few thousand
// initiatives), and the small lookups every portfolio view needs. They change only when
// someone writes. They are kept per database and recomputed when the database's
// snapshot shows any transaction committed or in flight since (pg_current_snapshot:
// "xmin:xmax:in-progress ids"; a new write takes a new transaction id, and a write in
// flight when we computed is in the list until it ends). Any write anywhere
// invalidates: coarse, but never stale, and it holds across several server processes.
import { cache } from "react";
import { database, prisma, type Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// While computing, an entry holds the computation's promise (concurrent callers share it); once
// settled, only the value. A promise keeps the async context it was made in (Node tags every
// promise with the AsyncLocalStorage stores, where Next keeps the request's whole render), so a
// kept promise would keep alive the render of the request that computed it, for as long as the
// entry lives: up to MAX_ENTRIES renders.
type Entry = { snapshot: string; pending: Promise<unknown> | null; value?: unknown };
const MAX_ENTRIES = 500;
const caches = new WeakMap<Database, Map<string, Entry>>();

export function databaseSnapshot(): Promise<string> {
  return database().snapshot();
}

// One snapshot per server render: a page asking for several cached figures makes one
// query, not one each. React's cache() only memoises inside a server-component render
// (a server action runs before the render that follows it, so that render sees the
// action's write); elsewhere (route handlers, tests) every call reads afresh.
const renderSnapshot = cache(databaseSnapshot);

/** `compute()` once per state of the database; concurrent callers share one computation. */
export async function cachedUntilWrite<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const db = database();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const snapshot = await renderSnapshot();
  const hit = cache.get(key);
  if (hit && hit.snapshot === snapshot) return (hit.pending ?? hit.value) as T;
  const pending = compute();
  const entry: Entry = { snapshot, pending };
  // Keys can come from a request (the list's filters): keep the newest MAX_ENTRIES, so no
  // sequence of requests makes the cache grow without bound. A Map iterates oldest first.
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  pending.then(
    (value) => {
      entry.value = value;
      entry.pending = null;
    },
    () => {
      if (cache.get(key) === entry) cache.delete(key);
    },
  );
  return pending;
}

/**
 * For a lookup that may run inside a transaction: outside one (pages, the API) kept until the
 * next write; inside one, read afresh, since the transaction may have written it.
 */
export function cachedOutsideTransaction<T>(key: string, db: Prisma.TransactionClient, read: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db === prisma ? cachedUntilWrite(key, () => read(prisma)) : read(db);
}
