// Decides once per run whether the PostgreSQL-server half of the integration tests runs.
// With CI=true it must; elsewhere a missing server skips it with a printed notice.
import pg from "pg";
import type { TestProject } from "vitest/node";

export const DEFAULT_PG_ADMIN_URL = "postgresql://postgres:postgres@localhost:5432/postgres";

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_PG_ADMIN_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    project.provide("pgAdminUrl", url);
  } catch (error) {
    const reason = `PostgreSQL server not reachable at ${url.replace(/:[^:@/]*@/, ":***@")}: ${(error as Error).message}`;
    if (process.env.CI === "true") throw new Error(`${reason}. PostgreSQL tests are mandatory in CI.`);
    console.warn(`\n*** NOTICE: ${reason}\n*** The PostgreSQL-server integration tests are SKIPPED; only embedded PGlite runs.\n`);
    project.provide("pgAdminUrl", "");
  } finally {
    await client.end().catch(() => undefined);
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
