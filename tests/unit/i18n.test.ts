import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/en.json";
import sv from "@/lib/i18n/sv.json";
import { toLocale } from "@/lib/i18n/locales";
import { pickMessages } from "@/lib/i18n/pick";
import { safeCallback } from "@/lib/auth/redirect";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe("i18n", () => {
  it("has the same keys in Swedish and English, none empty", () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
    const values = (o: object): unknown[] => Object.values(o).flatMap((v) => (v && typeof v === "object" ? values(v) : [v]));
    expect(values(sv).filter((v) => !v)).toEqual([]);
    expect(values(en).filter((v) => !v)).toEqual([]);
  });
  it("defaults to Swedish for missing or unknown locales", () => {
    expect([toLocale("en"), toLocale("sv"), toLocale(undefined), toLocale("de")]).toEqual(["en", "sv", "sv", "sv"]);
  });
});

describe("pickMessages", () => {
  it("sends whole namespaces and single keys, and never changes the catalogue", () => {
    const before = JSON.stringify(sv);
    const picked = pickMessages(sv, ["status", "portfolio.components", "portfolio.component", "portfolio.components.reach"]);
    expect(Object.keys(picked).sort()).toEqual(["portfolio", "status"]);
    expect(picked.status).toEqual(sv.status);
    expect(picked.portfolio).toEqual({ components: sv.portfolio.components, component: sv.portfolio.component });
    expect(JSON.stringify(sv)).toBe(before);
    expect(pickMessages(sv, ["nosuch.key"])).toEqual({ nosuch: { key: undefined } });
  });
});

describe("safeCallback", () => {
  it("follows same-site paths only", () => {
    expect(safeCallback("/initiatives?x=1")).toBe("/initiatives?x=1");
    expect(["https://evil.example", "//evil.example", "/\\evil.example", "", undefined].map(safeCallback)).toEqual(["/", "/", "/", "/", "/"]);
  });
});
