import "server-only";
import { AppError } from "./errors";

/**
 * The body's bytes, at most `maxBytes`: a larger Content-Length is refused before reading, and
 * reading stops as soon as more arrives than allowed, whatever Content-Length said (it may be
 * missing, with a chunked body, or lie). So a refused upload is never held in memory whole.
 */
export async function readBody(request: Request, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      // The client went away or the connection broke mid-body.
      throw new AppError("BODY_UNREADABLE", 400, "The body could not be read to its end.");
    }
    const { done, value } = next;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
