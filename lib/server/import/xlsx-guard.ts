import "server-only";
// What exceljs may be given. Unpacking is bounded by readZip; this bounds what exceljs builds
// from the XML. Its in-memory workbook costs about 300 bytes per cell and row, so cells, rows and
// elements are counted before it starts; and some small XML makes it build a cell object for every
// address of a range however large (a merged range, a data validation, a defined name: one
// `<mergeCell ref="A1:XFD1048576"/>` is 17 billion cells) or a column object for every column up
// to <col max>. None of those matter to an import, so they are taken out before exceljs reads.
import { readZip, storedZip, ZipRefusal } from "./zip";

export type WorkbookLimits = { entries: number; unpackedBytes: number; cells: number; elements: number };

const LT = 0x3c;
/** After a tag name: whitespace, `>` or `/` (or the end). */
const endsName = (b: number | undefined) => b === undefined || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3e || b === 0x2f;
const startsName = (b: number | undefined) => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f);

/** Start tags, and among them `<c` (cells) and `<row` (rows), as exceljs sees them (no prefix). */
export function countElements(data: Buffer, counts: { cells: number; elements: number }): void {
  for (let i = data.indexOf(LT); i !== -1; i = data.indexOf(LT, i + 1)) {
    const b = data[i + 1];
    if (!startsName(b)) continue;
    counts.elements++;
    if (b === 0x63 && endsName(data[i + 2])) counts.cells++;
    else if (b === 0x72 && data[i + 2] === 0x6f && data[i + 3] === 0x77 && endsName(data[i + 4])) counts.cells++;
  }
}

/** Blocks exceljs expands per address or per column (see above); in sheets and in workbook.xml. */
const EXPANDING = ["mergeCells", "dataValidations", "cols", "definedNames"];

/** Just after the `</tag>` (or `</tag >`) that closes a block opened before `from`; -1 if none. */
function afterClose(text: string, tag: string, from: number): number {
  for (let at = text.indexOf(`</${tag}`, from); at !== -1; at = text.indexOf(`</${tag}`, at + 1)) {
    let i = at + tag.length + 2;
    while (/\s/.test(text[i] ?? "")) i++;
    if (text[i] === ">") return i + 1;
  }
  return -1;
}

/**
 * The XML without the EXPANDING blocks. By indexOf, not a regular expression, so that an
 * unclosed block costs one pass, not one pass per occurrence. Latin-1 keeps every byte as it was.
 * Whatever is cut wrongly (a `>` inside an attribute) leaves XML that exceljs refuses as broken.
 */
export function withoutExpandingBlocks(data: Buffer): Buffer {
  if (!EXPANDING.some((tag) => data.includes(`<${tag}`))) return data;
  let text = data.toString("latin1");
  for (const tag of EXPANDING) {
    const open = `<${tag}`;
    const kept: string[] = [];
    let from = 0;
    for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, from)) {
      const next = text.charCodeAt(at + open.length);
      if (!endsName(Number.isNaN(next) ? undefined : next)) {
        kept.push(text.slice(from, at + open.length));
        from = at + open.length;
        continue;
      }
      const tagEnd = text.indexOf(">", at);
      const end = tagEnd === -1 ? -1 : text[tagEnd - 1] === "/" ? tagEnd + 1 : afterClose(text, tag, tagEnd);
      // Unclosed: the XML is broken and exceljs refuses it before building anything from it.
      if (end === -1) break;
      kept.push(text.slice(from, at));
      from = end;
    }
    kept.push(text.slice(from));
    text = kept.join("");
  }
  return Buffer.from(text, "latin1");
}

/**
 * The workbook as exceljs may read it: unpacked within the limits, counted, without the blocks it
 * would expand, and packed again without compression. Throws ZipRefusal.
 */
export function guardedWorkbook(bytes: Uint8Array, limits: WorkbookLimits): Buffer {
  const entries = readZip(bytes, limits);
  const counts = { cells: 0, elements: 0 };
  const unpacked = entries.reduce((sum, e) => sum + e.data.length, 0);
  for (const entry of entries) {
    // Pictures are kept as bytes by exceljs, not parsed.
    if (/(^|\/)xl\/media\//.test(entry.name)) continue;
    countElements(entry.data, counts);
    if (counts.cells > limits.cells) throw new ZipRefusal("tooLarge", unpacked, `more than ${limits.cells} cells and rows`);
    if (counts.elements > limits.elements) throw new ZipRefusal("tooLarge", unpacked, `more than ${limits.elements} XML elements`);
    entry.data = withoutExpandingBlocks(entry.data);
  }
  return storedZip(entries);
}
