import { database } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/demo";
import { ensureSetupLink } from "./password-links";

/**
 * Brings this process's database up to date. The embedded database is the zero-setup
 * demo, so its first start seeds the demo municipality; a PostgreSQL server is never
 * seeded with demo users unless asked (`npm run db:seed:demo`); with nobody in it, it prints
 * the link that creates the first administrator.
 */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  const db = database();
  const applied = await db.migrate();
  if (applied.length) log(`[portföljen] applied migrations: ${applied.join(", ")}`);
  // Only a new, empty database gets the demo: never one restored from a municipality's export.
  if (db.engine === "embedded" && process.env.PORTFOLJEN_SEED_DEMO !== "0" && (await db.prisma.user.count()) === 0) {
    const result = await seedDemo(db.prisma);
    if (result.seeded) log(`[portföljen] seeded the demo municipality (${result.initiatives} initiatives)`);
  }
  // An empty database (a new municipality): the first administrator is created through a
  // one-time setup link printed here. There is no default password.
  await ensureSetupLink(log, db.prisma);
  log(`[portföljen] database ready (${db.engine}) in ${Date.now() - started} ms`);
}
