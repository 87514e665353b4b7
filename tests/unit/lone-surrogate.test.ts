// Half of a UTF-16 pair ("\ud800" in JSON) is no character: PostgreSQL and Prisma's engine cannot
// store it, and it reached them as a 500 from any text field. Refused at the edge as a 400.
import { describe, expect, it } from "vitest";
import { readJson } from "@/lib/server/api";
import { isInvalidText, toErrorResponse } from "@/lib/server/errors";
import { text, textPaths, UNSTORABLE } from "@/lib/validation/common";
import { post, refusal } from "../support/hostile";

const json = (body: string) => post(new Blob([body]).stream(), { "content-type": "application/json" });

describe("lone surrogates", () => {
  it("a JSON body holding one anywhere, value or key, is a 400 INVALID_CHARACTERS", async () => {
    for (const body of ['{"title":"a\\ud800b"}', '{"x":["ok",{"y":"\\udfff"}]}', '{"\\udbff":1}', '"\\udc00\\ud800"']) {
      const error = await refusal(readJson(json(body)));
      expect([body, error.status, error.code]).toEqual([body, 400, "INVALID_CHARACTERS"]);
    }
  });

  it("whole pairs, emoji and Swedish text pass", async () => {
    expect(await readJson(json('{"title":"\\ud83d\\ude00 Åsa öppnar ärendet 😀"}'))).toEqual({ title: "😀 Åsa öppnar ärendet 😀" });
  });

  it("the text schema refuses one with the field's own message", () => {
    for (const value of ["a\uD800", "\uDFFFb", "\uDFFF\uD800"]) expect(text(100).safeParse(value).error?.issues[0]?.message).toBe("invalidCharacters");
    expect(text(100).safeParse("ok 😀").success).toBe(true);
  });

  it("if one slips through anyway, the engine's refusal is the caller's 400, not a 500", () => {
    const engine = new Error("Invalid `tx.initiative.create()` invocation: JSON Error: unexpected end of hex escape at line 1 column 98");
    expect(isInvalidText(engine)).toBe(true);
    expect(toErrorResponse(engine).status).toBe(400);
  });
});

describe("textPaths", () => {
  it("names every string or key holding what cannot be stored, in document order", () => {
    const doc = { a: "ok", b: ["x", "nul\u0000", { c: "half \ud800" }], "bad\u0000key": 1, d: { e: { f: "fine" } } };
    expect(textPaths(doc, UNSTORABLE, ["entities", "rows", 3])).toEqual(["entities.rows.3.b.1", "entities.rows.3.b.2.c", "entities.rows.3.bad\u0000key"]);
    expect(textPaths({ pair: "\ud83d\ude00" }, UNSTORABLE)).toEqual([]);
  });

  it("walks a body nested a hundred thousand deep without running out of stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { k: deep };
    const [path] = textPaths(deep, UNSTORABLE);
    expect(path!.split(".")).toHaveLength(100_000);
  });
});
