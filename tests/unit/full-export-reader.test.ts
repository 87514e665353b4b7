// The streamed reading of an export document (lib/server/full-export/reader.ts): the same rows as
// JSON.parse however the bytes are cut, and the same 400s for what is not UTF-8 or not JSON.
import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/server/errors";
import { objectEvents, type DocumentEvent } from "@/lib/server/full-export/reader";
import { eventsOf } from "../support/export-events";

const document = {
  format: "portfoljen-export",
  version: 1,
  sensitive: ["users.email"],
  entities: {
    departments: [
      { id: "d1", name: "Socialförvaltningen", parentId: null, active: true },
      { id: "d2", name: "Förskola & \"Grundskola\"\n", parentId: "d1", active: false },
    ],
    users: [],
    notifications: [{ id: "n1", params: { nested: [1, 2.5, -3e-7, { deep: [[["😀 \u00e9 \ud800"]]] }], none: null } }],
    odd: 5,
  },
  after: { x: [1] },
};
const text = JSON.stringify(document);
const bytes = new TextEncoder().encode(text);

const withoutSizes = (events: DocumentEvent[]) => events.map((e) => (e.type === "row" ? { ...e, bytes: 0 } : e));
async function fromObject(input: unknown): Promise<DocumentEvent[]> {
  const events: DocumentEvent[] = [];
  for await (const event of objectEvents(input)) events.push(event);
  return events;
}
function cut(data: Uint8Array, size: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += size) parts.push(data.slice(i, i + size));
  return parts;
}
const refusal = async (chunks: Iterable<Uint8Array | string>) => {
  const error = (await eventsOf(chunks).then(
    () => null,
    (e: unknown) => e,
  )) as AppError | null;
  return error && [error.status, error.code];
};

describe("reading an export document as a stream", () => {
  it("gives the rows and members JSON.parse gives, in order, however the bytes are cut (inside characters too)", async () => {
    const expected = await fromObject(JSON.parse(text));
    expect(expected.map((e) => e.type)).toEqual([
      "field", "field", "field", "entitiesStart",
      "entityStart", "row", "row", "entityEnd", "entityStart", "entityEnd", "entityStart", "row", "entityEnd", "entityValue",
      "entitiesEnd", "field",
    ]);
    for (const size of [1, 2, 3, 7, 64, bytes.length]) expect([size, withoutSizes(await eventsOf(cut(bytes, size)))]).toEqual([size, expected]);
    // Text in pieces cut between the halves of a surrogate pair reads the same.
    const pieces = [...Array(Math.ceil(text.length / 5)).keys()].map((i) => text.slice(i * 5, i * 5 + 5));
    expect(withoutSizes(await eventsOf(pieces))).toEqual(expected);
  });

  it("measures each row by its length in the document", async () => {
    const rows = (await eventsOf([bytes])).filter((e) => e.type === "row");
    const expected = [...document.entities.departments, ...document.entities.notifications].map((row) => new TextEncoder().encode(JSON.stringify(row)).length);
    expect(rows.map((e) => e.bytes)).toEqual(expected);
  });

  it("accepts whitespace around the document and a byte order mark", async () => {
    const spaced = `\ufeff \n{ "format" : "x" ,\t"entities" : { "a" : [ ] } }\r\n  `;
    expect(await eventsOf([spaced])).toEqual([
      { type: "field", key: "format", value: "x" },
      { type: "entitiesStart" },
      { type: "entityStart", key: "a" },
      { type: "entityEnd", key: "a", rows: 0 },
      { type: "entitiesEnd" },
    ]);
  });

  it("refuses what is not one well-formed JSON value with MALFORMED_JSON, wherever it breaks", async () => {
    for (const bad of ["", "{", text.slice(0, -1), `${text} x`, `${text}{}`, '{"a" 1}', '{"a":1,}', '{"entities":{"x":[1,]}}', '{"entities":{"x":[1 2]}}', '{"entities":{"x" []}}', '{"a":tru}', '{"a":"\\q"}', "{'a':1}"]) {
      expect([bad.slice(0, 40), await refusal([bad])]).toEqual([bad.slice(0, 40), [400, "MALFORMED_JSON"]]);
    }
  });

  it("refuses bytes that are not UTF-8 with INVALID_ENCODING, in the middle or cut off at the end", async () => {
    const broken = new Uint8Array([...new TextEncoder().encode('{"a":"'), 0xc3, 0x28, ...new TextEncoder().encode('"}')]);
    expect(await refusal([broken])).toEqual([400, "INVALID_ENCODING"]);
    const truncated = new Uint8Array([...new TextEncoder().encode('{"a":"'), 0xf0, 0x9f]);
    expect(await refusal([truncated])).toEqual([400, "INVALID_ENCODING"]);
  });

  it("stops at once at a document that is not an object", async () => {
    let asked = 0;
    function* deep() {
      for (; asked < 1000; asked++) yield "[".repeat(1000);
    }
    expect(await eventsOf(deep())).toEqual([{ type: "notAnObject" }]);
    expect(asked).toBe(0);
    expect(await eventsOf(['"text"'])).toEqual([{ type: "notAnObject" }]);
  });
});
