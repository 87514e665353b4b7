import "server-only";
import { IMPORT_LIMITS } from "@/lib/validation/data";
import { readBody } from "../body";
import { AppError, ValidationError } from "../errors";
import { ImportFileError } from "./parse";

export type Upload = { fileName: string; bytes: Uint8Array; mapping?: unknown };

/** Room for the multipart framing and the mapping beside the file itself. */
const FRAMING_BYTES = 256 * 1024;

/**
 * Reads a multipart/form-data upload: a `file` part and an optional `mapping` part (JSON).
 * Wrong content type, oversized or malformed bodies are clear 4xx errors, never a 500.
 */
export async function readUpload(request: Request): Promise<Upload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", 415, "Send the file as multipart/form-data with a part named 'file'.", [{ path: "file", message: "notMultipart" }]);
  }
  const body = await readBody(request, IMPORT_LIMITS.fileBytes + FRAMING_BYTES, () => new ImportFileError("fileTooLarge", 413));
  let form: FormData;
  try {
    // The bounded bytes, parsed as the multipart body they are.
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("MALFORMED_MULTIPART", 400, "The multipart body cannot be read.", [{ path: "file", message: "notMultipart" }]);
  }
  const file = form.get("file");
  if (!file || typeof file === "string") throw new ValidationError([{ path: "file", message: "required" }], "A part named 'file' with the spreadsheet is required.");
  if (file.size > IMPORT_LIMITS.fileBytes) throw new ImportFileError("fileTooLarge", 413);
  const rawMapping = form.get("mapping");
  let mapping: unknown;
  if (typeof rawMapping === "string" && rawMapping.trim() !== "") {
    try {
      mapping = JSON.parse(rawMapping);
    } catch {
      throw new ValidationError([{ path: "mapping", message: "badMapping" }], "The mapping part is not valid JSON.");
    }
  }
  return { fileName: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()), mapping };
}
