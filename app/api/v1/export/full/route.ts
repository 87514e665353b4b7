import { api } from "@/lib/server/api";
import { exportAll } from "@/lib/server/full-export";
import { contentDisposition } from "@/lib/server/table-export";

/** Every table of the municipality's data as one JSON document (administrators; audited). */
export const GET = api(async ({ actor }) => {
  const document = await exportAll(actor);
  return new Response(JSON.stringify(document), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": contentDisposition(`portfoljen-export-${document.exportedAt.slice(0, 10)}.json`),
      "cache-control": "no-store",
    },
  });
});
