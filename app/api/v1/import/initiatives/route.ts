import { authorize } from "@/lib/auth/policy";
import { api } from "@/lib/server/api";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { checkImport, importInitiatives, ImportRejectedError, writeImport } from "@/lib/server/import/initiatives";
import { readUpload } from "@/lib/server/import/upload";

function dryRunOf(url: URL): boolean {
  const value = url.searchParams.get("dryRun");
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw new AppError("VALIDATION_FAILED", 400, "dryRun must be true or false.", [{ path: "dryRun", message: "invalidOption" }]);
}

/**
 * Imports initiatives from an .xlsx or .csv file (multipart/form-data: file, mapping). With
 * `Accept: application/x-ndjson` a real import streams its writing progress, one JSON object a line.
 */
export const POST = api(async ({ request, actor }) => {
  authorize(actor, "data.import");
  const dryRun = dryRunOf(new URL(request.url));
  const upload = await readUpload(request);
  if (dryRun || !/application\/x-ndjson/.test(request.headers.get("accept") ?? "")) {
    return { data: await importInitiatives(actor, { ...upload, dryRun }) };
  }
  // Read and checked before the stream starts: a bad file or bad rows answer 4xx, not 200 with an error line.
  const checked = await checkImport(actor, { ...upload, dryRun });
  if (checked.issues.length) throw new ImportRejectedError(checked.issues, checked.issues.length);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        // The stream's documented first line, though the check itself ran before the stream began.
        send({ progress: { phase: "validating" } });
        const result = await writeImport(actor, checked, { fileName: upload.fileName, onProgress: (progress) => send({ progress }) });
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
