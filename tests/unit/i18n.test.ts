import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/en.json";
import sv from "@/lib/i18n/sv.json";
import { toLocale } from "@/lib/i18n/locales";
import { pickMessages } from "@/lib/i18n/pick";
import { POOL_FORM_MESSAGES } from "@/components/resources/form-messages";
import { signed } from "@/lib/i18n/signed";
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

describe("signed", () => {
  it("words a change with plus, a true minus sign or ± for none, the number formatted as given", () => {
    const sv = new Intl.NumberFormat("sv");
    expect([1.5, -1.5, 0, -0].map((v) => signed(v, (n) => sv.format(n)))).toEqual(["+1,5", "−1,5", "±0", "±0"]);
    expect(signed(-1234.5, (n) => new Intl.NumberFormat("en").format(n))).toBe("−1,234.5");
  });
});

describe("safeCallback", () => {
  it("follows same-site paths only", () => {
    expect(safeCallback("/initiatives?x=1")).toBe("/initiatives?x=1");
    expect(["https://evil.example", "//evil.example", "/\\evil.example", "", undefined].map(safeCallback)).toEqual(["/", "/", "/", "/", "/"]);
  });
});

describe("numbers in messages follow the locale", () => {
  it("writes a decimal comma and a space for thousands in Swedish, and day-first English", async () => {
    const { translator } = await import("@/lib/i18n/translator");
    const sv = translator("sv")("triage.flow", { median: 30.1, p90: 1234.5, count: 2000 });
    expect(sv).toContain("median 30,1 dagar");
    expect(sv).toMatch(/1\u00a0234,5 dagar/);
    expect(sv).toMatch(/\(2\u00a0000 initiativ\)/);
    expect(translator("en")("triage.flow", { median: 30.1, p90: 1234.5, count: 2000 })).toContain("median 30.1 days, 90th percentile 1,234.5 days (2,000 initiatives)");
    expect(translator("sv")("portfolio.showing", { from: 1, to: 50, total: 50000 })).toMatch(/av 50\u00a0000/);
  });
});

describe("pickMessages", () => {
  it("keeps whole namespaces and parts of one, nested as in the whole, and skips unknown paths", () => {
    const picked = pickMessages(sv, ["validation", "resources.manage", "resources.settings", "resources.nothing"]);
    expect(Object.keys(picked).sort()).toEqual(["resources", "validation"]);
    expect(picked.validation).toBe(sv.validation);
    expect(Object.keys(picked.resources as object).sort()).toEqual(["manage", "settings"]);
    expect((picked.resources as typeof sv.resources).manage).toBe(sv.resources.manage);
  });
  it("gives the resources page's forms every message their code names", () => {
    const picked = pickMessages(sv, POOL_FORM_MESSAGES) as { resources: Record<string, Record<string, unknown>> };
    // The keys CreatePoolForm, SettingsForm and ResourceForm ask for, read from their source.
    const source = ["PoolForms.tsx", "SettingsForm.tsx", "ResourceForm.tsx"].map((f) => fs.readFileSync(path.join("components/resources", f), "utf8"));
    const create = source[0]!.slice(source[0]!.indexOf("export function CreatePoolForm"));
    const used = [create.slice(0, create.indexOf("\nexport function", 1)), source[1]!, source[2]!].flatMap((s) => [...s.matchAll(/\bt\("([a-zA-Z]+)\.([a-zA-Z]+)"/g)].map((m) => [m[1]!, m[2]!] as const));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter(([group, key]) => picked.resources[group]?.[key] === undefined)).toEqual([]);
  });
});
