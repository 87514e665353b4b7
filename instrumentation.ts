// Runs once when the server starts, before it serves requests: migrate the database
// (and seed the demo municipality on the embedded database's first start), then start the
// follow-up reminders and index the texts that similar initiatives are found by.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/server/startup");
  await prepareDatabase();
  // Benefit owners are reminded of their follow-ups (and get a weekly digest by mail).
  const { startBenefitReminders } = await import("./lib/server/benefit-reminders");
  startBenefitReminders();
  // In the background: the server already answers while similar initiatives are indexed.
  const { warmSimilarInitiatives } = await import("./lib/server/similar-initiatives");
  const started = Date.now();
  warmSimilarInitiatives().then(
    () => console.log(`[portföljen] similar initiatives indexed in ${Date.now() - started} ms`),
    (error) => console.error("[portföljen] indexing similar initiatives failed; it is retried on first use", error),
  );
}
