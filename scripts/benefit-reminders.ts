// `npm run benefits:remind`: runs the follow-up reminders once (due, overdue, the weekly digest)
// against the configured database, for a cron job where the servers' own timer is turned off
// (PORTFOLJEN_REMINDERS=0). Not while a server owns the embedded database.
import { database } from "../lib/db";
import { runBenefitReminders } from "../lib/server/benefit-reminders";

const db = database();
try {
  await db.migrate();
  const run = await runBenefitReminders();
  console.log(`Follow-up reminders: ${run.due} fell due, ${run.overdue} overdue, ${run.mailed} mails and ${run.digests} digests sent.`);
} finally {
  await db.close();
}
