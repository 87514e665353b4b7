// Helpers for tests of hostile uploads: a large body made as it is read (counting what was read),
// the error a promise is refused with, and time and memory of a run.
import type { AppError } from "@/lib/server/errors";

/** A body of `total` bytes, made as it is read, counting what was read. */
export function counted(total: number) {
  const read = { bytes: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (read.bytes >= total) return controller.close();
        const part = chunk.subarray(0, Math.min(chunk.length, total - read.bytes));
        read.bytes += part.length;
        controller.enqueue(part.slice());
      },
    },
    // Nothing is made until the reader asks for it.
    { highWaterMark: 0 },
  );
  return { stream, read };
}

export const post = (body: ReadableStream<Uint8Array>, headers: Record<string, string>) => new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) throw new Error("expected a refusal");
  return error as AppError;
}

const MB = 1024 * 1024;

/** Time, the process's peak resident memory growth, and the heap + buffers kept after. */
export async function measured<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; peakMB: number; keptMB: number }> {
  globalThis.gc?.();
  const peak = process.resourceUsage().maxRSS;
  const before = process.memoryUsage();
  const start = performance.now();
  const value = await run();
  const ms = Math.round(performance.now() - start);
  const after = process.memoryUsage();
  return {
    value,
    ms,
    peakMB: Math.round((process.resourceUsage().maxRSS - peak) / 1024),
    keptMB: Math.round((after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / MB),
  };
}

