// A small zip writer for tests that need hostile .xlsx files (zip bombs, lying sizes, truncated
// archives): built at test time, so no binary is committed. Sizes may be declared falsely on purpose.
import { once } from "node:events";
import zlib from "node:zlib";

export type ZipEntry = {
  name: string;
  /** The compressed bytes as stored (method 8: raw deflate; method 0: the data itself). */
  stored: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
  /** What the central directory and local header claim; by default the truth. */
  declaredSize?: number;
};

/** An entry from its content, deflated. */
export function deflated(name: string, content: string | Buffer): ZipEntry {
  const data = typeof content === "string" ? Buffer.from(content) : content;
  return { name, stored: zlib.deflateRawSync(data), method: 8, crc: zlib.crc32(data), size: data.length };
}

/**
 * An entry of `head`, then `chunk` `times` over, then `tail`, deflated as a stream: a few hundred
 * kilobytes that unpack to `times × chunk` bytes, without holding those bytes in memory here.
 */
export async function deflatedRepeat(name: string, head: string, chunk: string, times: number, tail: string): Promise<ZipEntry> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const block = Buffer.from(chunk);
  let crc = zlib.crc32(head);
  if (!deflate.write(head)) await once(deflate, "drain");
  for (let i = 0; i < times; i++) {
    crc = zlib.crc32(block, crc);
    if (!deflate.write(block)) await once(deflate, "drain");
  }
  crc = zlib.crc32(tail, crc);
  deflate.end(tail);
  await once(deflate, "end");
  return { name, stored: Buffer.concat(out), method: 8, crc, size: Buffer.byteLength(head) + block.length * times + Buffer.byteLength(tail) };
}

/** A zip archive of the entries, in order: local headers with data, central directory, end record. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt32LE(e.crc >>> 0, 16);
    header.writeUInt32LE(e.stored.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, e.stored);
    central.push(header, name);
    offset += local.length + name.length + e.stored.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a zip this writer or exceljs wrote (no zip64, no comment), to rebuild it with changes. */
export function unzip(archive: Uint8Array): Map<string, Buffer> {
  const bytes = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const skip = nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    out.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    p += 46 + skip;
  }
  return out;
}

/** An archive of these entries (name → content), each deflated. */
export function zipOf(files: Map<string, Buffer | string>): Buffer {
  return zip([...files].map(([name, content]) => deflated(name, content)));
}
