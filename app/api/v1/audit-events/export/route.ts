import { api } from "@/lib/server/api";
import { auditEventsForExport } from "@/lib/server/audit-log";
import { searchObject } from "@/lib/server/query";
import { contentDisposition, csvStream } from "@/lib/server/table-export";

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** Every event of the filter as CSV (streamed, newest first). */
export const GET = api(async ({ request, actor }) => {
  // Authorized and validated before the stream starts, so a bad filter is a 400, not a broken file.
  const rows = await auditEventsForExport(actor, searchObject(request));
  const body = csvStream(
    [
      { header: "at", value: (e) => e.at.toISOString() },
      { header: "actor", value: (e) => e.actorLabel },
      { header: "actorId", value: (e) => e.actorId },
      { header: "action", value: (e) => e.action },
      { header: "entityType", value: (e) => e.entityType },
      { header: "entityId", value: (e) => e.entityId },
      { header: "before", value: (e) => json(e.before) },
      { header: "after", value: (e) => json(e.after) },
    ],
    rows,
  );
  return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": contentDisposition(`audit-log-${new Date().toISOString().slice(0, 10)}.csv`) } });
});
