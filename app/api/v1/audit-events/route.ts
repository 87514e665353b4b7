import { api } from "@/lib/server/api";
import { auditLog } from "@/lib/server/audit-log";
import { searchObject } from "@/lib/server/query";

/** A page of the audit log, newest first, with cursors to the older and newer pages. */
export const GET = api(async ({ request, actor }) => {
  const page = await auditLog(actor, searchObject(request));
  return Response.json({ data: page.data, older: page.older, newer: page.newer });
});
