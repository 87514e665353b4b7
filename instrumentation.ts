// Runs once when the server starts, before it serves requests: migrate the database
// (and seed the demo municipality on the embedded database's first start), then start the
// follow-up reminders.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/server/startup");
  await prepareDatabase();
  // Benefit owners are reminded of their follow-ups (and get a weekly digest by mail).
  const { startBenefitReminders } = await import("./lib/server/benefit-reminders");
  startBenefitReminders();
}
