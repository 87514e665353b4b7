// `npm run admin:create -- --email <e-mail> --name "<name>"`: adds an administrator to the
// configured database (DATABASE_URL, else the embedded one under data/; never while a server
// owns it) and prints a one-time link, valid 72 hours, where they choose their password.
// For the first start of an empty database, or when every administrator has lost access.
import { parseArgs } from "node:util";
import { database } from "../lib/db";
import { createAdministrator } from "../lib/server/users";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email || !values.name) {
  console.error('Usage: npm run admin:create -- --email <e-mail> --name "<name>"');
  process.exit(2);
}
const db = database();
try {
  await db.migrate();
  const { user, link } = await createAdministrator({ email: values.email, name: values.name });
  console.log(`Created the administrator ${user.name} <${user.email}>.`);
  console.log(`They set their password within ${Math.round((link.expiresAt.getTime() - Date.now()) / 3_600_000)} h at (open it once; it works once):`);
  console.log(link.url);
} catch (error) {
  const e = error as { message?: string; issues?: { path: string; message: string }[] };
  console.error(`Not created: ${e.message ?? String(error)}${e.issues?.length ? ` (${e.issues.map((i) => `${i.path}: ${i.message}`).join(", ")})` : ""}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
