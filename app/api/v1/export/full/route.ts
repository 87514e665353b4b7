import { api } from "@/lib/server/api";
import { exportDownload } from "@/lib/server/full-export";
import { contentDisposition } from "@/lib/server/table-export";

/** Every table of the municipality's data as one JSON document, streamed (administrators; audited). */
export const GET = api(async ({ actor }) => {
  const { body, bytes, exportedAt } = await exportDownload(actor);
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(bytes),
      "content-disposition": contentDisposition(`portfoljen-export-${exportedAt.slice(0, 10)}.json`),
      "cache-control": "no-store",
    },
  });
});
