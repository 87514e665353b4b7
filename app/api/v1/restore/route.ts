import { authorize } from "@/lib/auth/policy";
import { api } from "@/lib/server/api";
import { readExportBody, restoreStream } from "@/lib/server/full-export";
import { RESTORE_MAX_BYTES } from "@/lib/validation/data";

/** Restores a full export into this database, which must be empty (administrators; audited). */
export const POST = api(async ({ request, actor }) => {
  authorize(actor, "data.restore");
  // At most RESTORE_MAX_BYTES, read before the transaction opens; parsed as a stream, row by row.
  const body = await readExportBody(request, RESTORE_MAX_BYTES);
  return { status: 201, data: await restoreStream(actor, [body]) };
});
