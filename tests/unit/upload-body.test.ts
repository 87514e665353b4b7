// Oversized bodies (issue #17): refused with 413 whatever Content-Length says, having read at
// most a little past the limit. What was read and how long it took are printed for the record.
import { describe, expect, it } from "vitest";
import { readJson } from "@/lib/server/api";
import { readBody } from "@/lib/server/body";
import { readExportBody } from "@/lib/server/full-export";
import { eventsOf } from "../support/export-events";
import { readUpload } from "@/lib/server/import/upload";
import { IMPORT_LIMITS, RESTORE_MAX_BYTES } from "@/lib/validation/data";
import { counted, measured, post, refusal } from "../support/hostile";

const MB = 1024 * 1024;

describe("reading a body with a limit", () => {
  it("refuses a Content-Length over the limit before reading anything", async () => {
    const { stream, read } = counted(50 * MB);
    const error = await refusal(readBody(post(stream, { "content-length": String(50 * MB) }), 10 * MB, () => new Error("too large")));
    expect([error.message, read.bytes]).toEqual(["too large", 0]);
  });

  it("stops reading just past the limit when Content-Length is missing or lies", async () => {
    for (const headers of [{}, { "content-length": "100" }] as Record<string, string>[]) {
      const { stream, read } = counted(50 * MB);
      const { value: error, ms } = await measured(() => refusal(readBody(post(stream, headers), 10 * MB, () => new Error("too large"))));
      expect(error.message).toBe("too large");
      expect(read.bytes).toBeLessThanOrEqual(10 * MB + 64 * 1024 * 4);
      console.log(`50 MB body, Content-Length ${JSON.stringify(headers)}: refused after reading ${(read.bytes / MB).toFixed(2)} MB in ${ms} ms`);
    }
  });

  it("reads a body within the limit whole", async () => {
    const { stream } = counted(300_000);
    expect((await readBody(post(stream, {}), 300_000, () => new Error("too large"))).byteLength).toBe(300_000);
  });

  it("refuses 50 MB to the import, the restore and a JSON body with 413, streamed or declared", async () => {
    for (const headers of [{ "content-length": String(50 * MB) }, {}, { "content-length": "1000" }] as Record<string, string>[]) {
      const upload = counted(50 * MB);
      const importError = await refusal(readUpload(post(upload.stream, { "content-type": "multipart/form-data; boundary=x", ...headers })));
      expect([importError.status, importError.code, importError.issues]).toEqual([413, "IMPORT_FILE_INVALID", [{ path: "file", message: "fileTooLarge" }]]);
      expect(upload.read.bytes).toBeLessThanOrEqual(IMPORT_LIMITS.fileBytes + 512 * 1024);

      const restore = counted(50 * MB);
      const restoreError = await refusal(readExportBody(post(restore.stream, { "content-type": "application/json", ...headers }), RESTORE_MAX_BYTES));
      expect([restoreError.status, restoreError.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
      expect(restore.read.bytes).toBeLessThanOrEqual(RESTORE_MAX_BYTES + 256 * 1024);

      const json = counted(50 * MB);
      expect((await refusal(readJson(post(json.stream, { "content-type": "application/json", ...headers })))).status).toBe(413);
      expect(json.read.bytes).toBeLessThanOrEqual(512 * 1024);
    }
  });

  it("refuses a restore body that is not UTF-8", async () => {
    const body = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), c.close()) });
    const bytes = await readExportBody(post(body, { "content-type": "application/json" }), 1000);
    expect((await refusal(eventsOf([bytes]))).code).toBe("INVALID_ENCODING");
  });
});
