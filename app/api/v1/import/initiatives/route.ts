import { authorize } from "@/lib/auth/policy";
import { api } from "@/lib/server/api";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { importInitiatives } from "@/lib/server/import/initiatives";
import { readUpload } from "@/lib/server/import/upload";

function dryRunOf(url: URL): boolean {
  const value = url.searchParams.get("dryRun");
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw new AppError("VALIDATION_FAILED", 400, "dryRun must be true or false.", [{ path: "dryRun", message: "invalidOption" }]);
}

/**
 * Imports initiatives from an .xlsx or .csv file (multipart/form-data: file, mapping). With
 * `Accept: application/x-ndjson` a real import streams its progress, one JSON object a line.
 */
export const POST = api(async ({ request, actor }) => {
  authorize(actor, "data.import");
  const dryRun = dryRunOf(new URL(request.url));
  const upload = await readUpload(request);
  if (dryRun || !/application\/x-ndjson/.test(request.headers.get("accept") ?? "")) {
    return { data: await importInitiatives(actor, { ...upload, dryRun }) };
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const result = await importInitiatives(actor, { ...upload, dryRun, onProgress: (progress) => send({ progress }) });
        send({ data: result });
      } catch (error) {
        const { status, body } = toErrorResponse(error);
        send({ status, ...body });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
});
