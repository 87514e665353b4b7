import "server-only";
// An .xlsx file is a zip archive. exceljs (through JSZip) unpacks every entry in full, whatever
// its size, so a zip bomb of a few hundred kilobytes can take gigabytes and minutes. Here the
// archive is read first with bounds: the central directory's sizes are checked, every entry is
// inflated with a ceiling on the bytes it may produce, and its CRC is checked. exceljs then gets
// a new archive written from those entries (storedZip), so it never reads the original's
// structure: what it unpacks is exactly what was counted here.
import zlib from "node:zlib";

export type ZipEntry = {
  /** The name's bytes as in the archive; `name` is them read as Latin-1, enough to match ASCII paths. */
  rawName: Buffer;
  name: string;
  /** Bit 11 of the general purpose flags: the name is UTF-8. Kept for the archive written again. */
  utf8: boolean;
  data: Buffer;
};

/** Why an archive is refused: it cannot be read as a zip, or it unpacks to more than allowed. */
export class ZipRefusal extends Error {
  constructor(
    readonly reason: "broken" | "tooLarge",
    /** Bytes inflated before the refusal (tests show the reading stayed bounded). */
    readonly inflated: number,
    message: string,
  ) {
    super(message);
  }
}

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * Every entry of the archive, unpacked, or a ZipRefusal. At most `limits.entries` entries and
 * `limits.unpackedBytes` bytes unpacked in all: a larger archive is refused on its declared
 * sizes before anything is inflated, and one whose sizes lie, as soon as inflating passes the limit.
 * Zip64, encryption, several disks and compression other than deflate are refused as broken: an
 * .xlsx of at most a few megabytes written by a spreadsheet program uses none of them.
 */
export function readZip(bytes: Uint8Array, limits: { entries: number; unpackedBytes: number }): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflated = 0;
  const broken = (why: string) => new ZipRefusal("broken", inflated, why);
  const tooLarge = (why: string) => new ZipRefusal("tooLarge", inflated, why);

  let end = -1;
  for (let p = buf.length - END_SIZE; p >= Math.max(0, buf.length - END_SIZE - MAX_COMMENT); p--) {
    if (buf.readUInt32LE(p) === END) {
      end = p;
      break;
    }
  }
  if (end < 0) throw broken("no end of central directory (truncated?)");
  const disk = buf.readUInt16LE(end + 4);
  const directoryDisk = buf.readUInt16LE(end + 6);
  const onDisk = buf.readUInt16LE(end + 8);
  const count = buf.readUInt16LE(end + 10);
  const directorySize = buf.readUInt32LE(end + 12);
  const directoryOffset = buf.readUInt32LE(end + 16);
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count) throw broken("several disks");
  // Zip64 marks these with all ones; data before the archive would shift every offset.
  if (directoryOffset + directorySize !== end) throw broken("central directory not where the end record says (zip64 or prepended data)");
  if (count > limits.entries) throw tooLarge(`more than ${limits.entries} entries`);

  type Header = { rawName: Buffer; name: string; utf8: boolean; method: number; crc: number; compressed: number; size: number; local: number };
  const headers: Header[] = [];
  let declared = 0;
  let p = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL) throw broken("central directory entry missing");
    const flags = buf.readUInt16LE(p + 8);
    const nameLength = buf.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (next > end) throw broken("central directory entry overruns");
    const rawName = buf.subarray(p + 46, p + 46 + nameLength);
    const header: Header = {
      rawName,
      name: rawName.toString("latin1"),
      utf8: (flags & 0x0800) !== 0,
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      local: buf.readUInt32LE(p + 42),
    };
    if (flags & 0x0001) throw broken("encrypted entry");
    if (header.method !== 0 && header.method !== 8) throw broken(`compression method ${header.method}`);
    declared += header.size;
    if (declared > limits.unpackedBytes) throw tooLarge(`declared sizes exceed ${limits.unpackedBytes} bytes`);
    headers.push(header);
    p = next;
  }
  if (p !== end) throw broken("central directory size does not match its entries");
  if (new Set(headers.map((h) => h.name)).size !== headers.length) throw broken("an entry name occurs twice");

  // Where each entry's data lies; entries may not share bytes (a "better zip bomb" reuses one
  // compressed block for many entries) nor reach into the central directory.
  const spans = headers.map((h) => {
    if (h.local + 30 > directoryOffset || buf.readUInt32LE(h.local) !== LOCAL) throw broken(`no local header for ${h.name}`);
    const start = h.local + 30 + buf.readUInt16LE(h.local + 26) + buf.readUInt16LE(h.local + 28);
    if (start + h.compressed > directoryOffset) throw broken(`data of ${h.name} overruns`);
    return { header: h, from: h.local, start, to: start + h.compressed };
  });
  const ordered = [...spans].sort((a, b) => a.from - b.from);
  for (let i = 1; i < ordered.length; i++) if (ordered[i]!.from < ordered[i - 1]!.to) throw broken("entries overlap");

  return spans.map(({ header: h, start, to }) => {
    const packed = buf.subarray(start, to);
    const room = limits.unpackedBytes - inflated;
    let data: Buffer;
    if (h.method === 0) data = Buffer.from(packed);
    else {
      try {
        data = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, room) });
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          inflated += room;
          throw tooLarge(`${h.name} unpacks to more than the ${limits.unpackedBytes} bytes allowed`);
        }
        throw broken(`${h.name} cannot be inflated (truncated or damaged)`);
      }
    }
    inflated += data.length;
    if (inflated > limits.unpackedBytes) throw tooLarge(`unpacks to more than ${limits.unpackedBytes} bytes`);
    if (data.length !== h.size || zlib.crc32(data) !== h.crc) throw broken(`${h.name} does not match its size or checksum`);
    return { rawName: h.rawName, name: h.name, utf8: h.utf8, data };
  });
}

/** A zip archive of the entries, stored without compression, in the given order. */
export function storedZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const crc = zlib.crc32(e.data);
    const flags = e.utf8 ? 0x0800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(10, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(e.rawName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(10, 4);
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(e.rawName.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, e.rawName, e.data);
    directory.push(central, e.rawName);
    offset += 30 + e.rawName.length + e.data.length;
  }
  const dir = Buffer.concat(directory);
  const endRecord = Buffer.alloc(END_SIZE);
  endRecord.writeUInt32LE(END, 0);
  endRecord.writeUInt16LE(entries.length, 8);
  endRecord.writeUInt16LE(entries.length, 10);
  endRecord.writeUInt32LE(dir.length, 12);
  endRecord.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, endRecord]);
}
