// `npm run db:seed:demo`: seeds the demo municipality (idempotent) into the configured database.
import { database } from "../lib/db";
import { seedDemo } from "../prisma/seed/demo";

const db = database();
await db.migrate();
const result = await seedDemo(db.prisma);
console.log(result.seeded ? `Seeded the demo municipality (${result.initiatives} initiatives).` : "Demo data already present; nothing written.");
await db.close();
