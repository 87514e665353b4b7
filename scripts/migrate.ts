// `npm run db:migrate`: applies pending migrations to the configured database
// (DATABASE_URL, else the embedded one under data/; never while a server owns it).
import { database } from "../lib/db";

const db = database();
const applied = await db.migrate();
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
await db.close();
