import { describe, expect, it } from "vitest";
import { MEMO_ENTRIES, MEMO_MS, SessionMemo } from "@/lib/auth/session-memo";

describe("SessionMemo", () => {
  const now = 1_800_000_000_000;
  const token = (expSeconds: number) => ({ uid: "u1", exp: expSeconds });

  it("keeps a decrypted token for a minute, never past its expiry", () => {
    const memo = new SessionMemo<{ uid: string; exp: number }>();
    memo.set("a", token(now / 1000 + 3600), now);
    expect(memo.get("a", now + MEMO_MS - 1)?.uid).toBe("u1");
    expect(memo.get("a", now + MEMO_MS)).toBeUndefined();
    memo.set("b", token(now / 1000 + 10), now);
    expect(memo.get("b", now + 9_999)?.uid).toBe("u1");
    expect(memo.get("b", now + 10_000)).toBeUndefined();
  });

  it("does not keep a token that has expired or has no expiry", () => {
    const memo = new SessionMemo<{ uid: string; exp?: number }>();
    memo.set("expired", token(now / 1000 - 1), now);
    memo.set("none", { uid: "u2" }, now);
    expect([memo.get("expired", now), memo.get("none", now), memo.size]).toEqual([undefined, undefined, 0]);
  });

  it("holds a bounded number of sessions, dropping the oldest", () => {
    const memo = new SessionMemo<{ uid: string; exp: number }>();
    for (let i = 0; i <= MEMO_ENTRIES; i++) memo.set(`c${i}`, token(now / 1000 + 3600), now);
    expect(memo.size).toBe(MEMO_ENTRIES);
    expect(memo.get("c0", now)).toBeUndefined();
    expect(memo.get(`c${MEMO_ENTRIES}`, now)?.uid).toBe("u1");
  });
});
