import { describe, expect, it, vi } from "vitest";
import { createTranslator } from "next-intl";
import sv from "@/lib/i18n/sv.json";
import { keepingPlainTexts } from "@/lib/i18n/plain-texts";

const messages = { plain: "Portföljen", greeting: "Hej {name}", escaped: "Kommunens ''egna'' data", marked: "Läs <b>mer</b>", count: "{count, plural, one {# initiativ} other {# initiativ}}" };

function translators() {
  const onError = vi.fn();
  const t = createTranslator({ locale: "sv-SE", messages, onError });
  const calls = vi.fn((key: string, values?: unknown) => t(key as never, values as never));
  const spied = Object.assign(calls, { raw: t.raw, has: t.has, rich: t.rich, markup: t.markup });
  const texts = new Map<string, string>();
  return { t, kept: keepingPlainTexts(spied as never, texts) as typeof t, calls, texts, onError };
}

describe("keepingPlainTexts", () => {
  it("formats a plain text once and answers it from what it kept after that", () => {
    const { kept, calls, texts } = translators();
    expect([kept("plain"), kept("plain"), kept("plain")]).toEqual(["Portföljen", "Portföljen", "Portföljen"]);
    expect(calls).toHaveBeenCalledTimes(1);
    expect([...texts]).toEqual([["plain", "Portföljen"]]);
  });

  it("always formats messages with arguments, markup or escapes, and missing keys", () => {
    const { t, kept, texts, onError } = translators();
    expect([kept("greeting", { name: "Ada" }), kept("greeting", { name: "Bo" })]).toEqual(["Hej Ada", "Hej Bo"]);
    expect([kept("count", { count: 1 }), kept("count", { count: 3 })]).toEqual(["1 initiativ", "3 initiativ"]);
    expect([kept("escaped"), kept("escaped")]).toEqual([t("escaped" as never), "Kommunens 'egna' data"]);
    const rich = (x: typeof t) => (x.rich as unknown as (key: string, values: Record<string, (chunks: unknown) => string>) => unknown)("marked", { b: (chunks) => `[${String(chunks)}]` });
    expect(rich(kept)).toBe("Läs [mer]");
    expect(rich(kept)).toEqual(rich(t));
    // A missing key falls back each time (and is reported each time), never kept.
    expect([kept("missing" as never), kept("missing" as never)]).toEqual(["missing", "missing"]);
    expect(onError).toHaveBeenCalledTimes(2);
    expect([...texts.keys()]).toEqual([]);
    expect([kept.has("plain"), kept.has("missing" as never), kept.raw("greeting")]).toEqual([true, false, "Hej {name}"]);
  });

  it("answers every text of the Swedish catalogue as next-intl does, kept or not", () => {
    const keys = (o: object, prefix = ""): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const t = createTranslator({ locale: "sv-SE", messages: sv, onError: () => {} });
    const kept = keepingPlainTexts(t as never, new Map()) as typeof t;
    for (const key of keys(sv)) for (let round = 0; round < 2; round++) expect(kept(key as never), key).toBe(t(key as never));
  });
});
