import { describe, expect, it } from "vitest";
import {
  bearerToken, generateSecret, hashSecret, isWellFormedSecret, normaliseScopes, scopeAllows, secretPrefix, shouldRecordUse, tokenActorId, tokenActorLabel, tokenStatus,
} from "@/lib/auth/api-token";
import { createTokenInput, expiryInstant, maxExpiryDate, today } from "@/lib/validation/api-tokens";

describe("API token secrets", () => {
  it("are pf_ + 43 base64url characters (32 random bytes), different every time", () => {
    const a = generateSecret();
    const b = generateSecret();
    expect(a).toMatch(/^pf_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(3), "base64url")).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(isWellFormedSecret(a)).toBe(true);
  });

  it("rejects what is not a secret", () => {
    for (const s of ["", "pf_", "pf_short", "xx_" + "a".repeat(43), "pf_" + "a".repeat(42), "pf_" + "a".repeat(44), "pf_" + "a".repeat(42) + "=", " pf_" + "a".repeat(43)]) {
      expect(isWellFormedSecret(s), s).toBe(false);
    }
  });

  it("hashes with SHA-256 (hex), deterministically", () => {
    // SHA-256("abc") from FIPS 180-2, appendix B.1.
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const s = generateSecret();
    expect(hashSecret(s)).toBe(hashSecret(s));
    expect(hashSecret(s)).not.toContain(s.slice(3));
  });

  it("keeps pf_ and 8 more characters as the prefix", () => {
    expect(secretPrefix("pf_ABCDEFGHIJKLMNOP")).toBe("pf_ABCDEFGH");
  });
});

describe("the Authorization header", () => {
  it("gives the Bearer credential, or null when there is none", () => {
    expect(bearerToken("Bearer pf_abc")).toBe("pf_abc");
    expect(bearerToken("bearer   pf_abc  ")).toBe("pf_abc");
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken("")).toBeNull();
    expect(bearerToken("Basic dXNlcjpwdw==")).toBeNull();
    // A Bearer header without a usable credential is not "no header": it must be refused.
    expect(bearerToken("Bearer")).toBe("");
    expect(bearerToken("Bearer   ")).toBe("");
  });
});

describe("scopes", () => {
  it("READ allows only safe methods; WRITE allows all", () => {
    expect(scopeAllows(["READ"], "GET")).toBe(true);
    expect(scopeAllows(["READ"], "head")).toBe(true);
    for (const m of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(scopeAllows(["READ"], m), m).toBe(false);
      expect(scopeAllows(["READ", "WRITE"], m), m).toBe(true);
      expect(scopeAllows(["WRITE"], m), m).toBe(true);
    }
    expect(scopeAllows([], "GET")).toBe(false);
  });

  it("normalises a choice: WRITE brings READ, no duplicates, fixed order", () => {
    expect(normaliseScopes(["WRITE"])).toEqual(["READ", "WRITE"]);
    expect(normaliseScopes(["READ", "READ"])).toEqual(["READ"]);
    expect(normaliseScopes(["WRITE", "READ"])).toEqual(["READ", "WRITE"]);
  });
});

describe("status and last use", () => {
  const now = new Date("2027-03-01T12:00:00Z");
  it("revoked beats expired; expiry is exclusive", () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: new Date("2027-03-01T12:00:01Z") }, now)).toBe("ACTIVE");
    expect(tokenStatus({ revokedAt: null, expiresAt: new Date("2027-03-01T12:00:00Z") }, now)).toBe("EXPIRED");
    expect(tokenStatus({ revokedAt: new Date("2027-01-01"), expiresAt: new Date("2026-01-01") }, now)).toBe("REVOKED");
  });

  it("records use at most once a minute", () => {
    expect(shouldRecordUse(null, now)).toBe(true);
    expect(shouldRecordUse(new Date("2027-03-01T11:59:01Z"), now)).toBe(false);
    expect(shouldRecordUse(new Date("2027-03-01T11:59:00Z"), now)).toBe(true);
  });

  it("acts as a service identity that names the token", () => {
    expect(tokenActorId("abc")).toBe("token:abc");
    expect(tokenActorLabel("Lönesystemet")).toBe("API-token: Lönesystemet");
  });
});

describe("the create input", () => {
  const day = (offset: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const valid = { name: "Ärendesystemet", role: "VIEWER", scopes: ["READ"], expiresAt: day(30) };

  it("accepts a name, a token role, scopes and an expiry up to two years ahead", () => {
    expect(createTokenInput.parse(valid)).toEqual(valid);
    expect(createTokenInput.safeParse({ ...valid, expiresAt: day(730) }).success).toBe(true);
    expect(maxExpiryDate()).toBe(day(730));
  });

  it("an expiry date means through that day (UTC)", () => {
    expect(expiryInstant("2027-06-30").toISOString()).toBe("2027-07-01T00:00:00.000Z");
  });

  const issues = (input: unknown) => {
    const r = createTokenInput.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
  };

  it("refuses a department manager role, no scopes, past/today/too far/impossible dates, unknown fields", () => {
    expect(issues({ ...valid, role: "DEPARTMENT_MANAGER" })).toEqual(["role:invalidOption"]);
    expect(issues({ ...valid, scopes: [] })).toEqual(["scopes:scopeRequired"]);
    expect(issues({ ...valid, scopes: ["ADMIN"] })).toEqual(["scopes.0:invalidOption"]);
    expect(issues({ ...valid, expiresAt: day(0) })).toEqual(["expiresAt:expiryNotFuture"]);
    expect(issues({ ...valid, expiresAt: day(-1) })).toEqual(["expiresAt:expiryNotFuture"]);
    expect(issues({ ...valid, expiresAt: day(731) })).toEqual(["expiresAt:expiryTooFar"]);
    expect(issues({ ...valid, expiresAt: "2027-02-30" })).toEqual(["expiresAt:invalidDate"]);
    expect(issues({ ...valid, expiresAt: "30/6/2027" })).toEqual(["expiresAt:invalidDate"]);
    expect(issues({ ...valid, name: "  " })).toEqual(["name:required"]);
    expect(issues({ ...valid, secret: "x" })).toEqual([":Unrecognized key: \"secret\""]);
  });
});
