// Runs once when the server starts, before it serves requests: migrate the database
// (and seed the demo municipality on the embedded database's first start).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/server/startup");
  await prepareDatabase();
}
