// The two ways Portföljen reaches PostgreSQL: an embedded PGlite database in this
// process (the zero-setup default) or a PostgreSQL server when DATABASE_URL is set.
// Used by the app's Prisma client, the Prisma CLI (prisma.config.ts), seeds and tests.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import type { SqlConnection } from "./migrate";
import { CatalogTypePool } from "./pg-migration-shim";

/** The adapter factory type that PrismaClient accepts. */
export type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;

/** The contrib extensions the migrations create (pg_trgm for free-text search), loaded into every PGlite. */
export const PGLITE_EXTENSIONS = { pg_trgm };

export function embeddedDataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), "data", "pglite");
}

/**
 * Opens (creating if needed) an embedded database; "memory://" keeps it in memory.
 * A commit PGlite has answered survives the process being killed: on Node its filesystem writes
 * straight through to the files (no cache in JavaScript, so `relaxedDurability` has nothing to
 * relax) and a commit writes its WAL before it answers; the next open replays the WAL
 * (tests/e2e/crash.spec.ts). PGlite runs with fsync off, so a power cut or an OS crash can
 * still lose the last commits: where that matters, use a PostgreSQL server.
 */
export function openEmbedded(dir = embeddedDataDir()): PGlite {
  if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  return new PGlite(dir, { extensions: PGLITE_EXTENSIONS });
}

/**
 * pglite-prisma-adapter was built against an older @prisma/driver-adapter-utils; its
 * factory is correct at runtime, so this is the one place that casts it.
 */
export function pgliteAdapter(client: PGlite): AdapterFactory {
  return new PrismaPGlite(client) as unknown as AdapterFactory;
}

export function serverPool(connectionString: string, max = Number(process.env.DATABASE_POOL_SIZE ?? 10)): pg.Pool {
  // JIT compilation pays off for long analytic queries; the app's are short, and on the bigger
  // aggregates over 50,000 initiatives PostgreSQL's cost estimate switched it on and spent
  // more time compiling (56 ms) than executing. `options=` in DATABASE_URL still overrides this.
  const pool = new pg.Pool({ connectionString, max, options: "-c jit=off" });
  // An idle connection the server ends (a restart, a failover, an administrator) is dropped by
  // the pool and replaced on next use; without a listener its error would end the whole process.
  pool.on("error", (error) => console.warn(`[db] a pooled connection was closed by the server: ${error.message}`));
  return pool;
}

export function serverAdapter(pool: pg.Pool): AdapterFactory {
  return new PrismaPg(pool);
}

/** For the Prisma CLI only: catalog columns of type `name` need the shim there. */
export function migrationAdapter(): AdapterFactory {
  const url = process.env.DATABASE_URL;
  if (url) return new PrismaPg(new CatalogTypePool({ connectionString: url, max: 2 }));
  // Opened on first use, so commands that never touch the database never lock it.
  let inner: AdapterFactory | undefined;
  const lazy = () => (inner ??= pgliteAdapter(openEmbedded()));
  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: () => lazy().connect(),
  } as AdapterFactory;
}

export function pgliteConnection(db: PGlite): SqlConnection {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

export function pgConnection(client: pg.ClientBase): SqlConnection {
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
}
