// Decrypting the session cookie (next-auth derives the key with HKDF, then decrypts the JWE)
// took about a millisecond of every page. The same cookie decrypts to the same token, so a
// decrypted token is kept for a minute (never past its own expiry), keyed by the cookie's
// value; a bounded number of sessions, oldest dropped first. Whether the person is still
// active, and their role, is still checked on every request (sessionIsCurrent).

export const MEMO_MS = 60_000;
export const MEMO_ENTRIES = 1_000;

export class SessionMemo<T extends object> {
  private entries = new Map<string, { token: T; until: number }>();

  get(cookie: string, now = Date.now()): T | undefined {
    const hit = this.entries.get(cookie);
    if (!hit) return undefined;
    if (hit.until > now) return hit.token;
    this.entries.delete(cookie);
    return undefined;
  }

  /** Keeps a token that decrypted and verified; `exp` in seconds, as in the JWT. */
  set(cookie: string, token: T, now = Date.now()): void {
    const until = Math.min(now + MEMO_MS, typeof (token as { exp?: unknown }).exp === "number" ? ((token as { exp: number }).exp * 1000) : now);
    if (until <= now) return;
    this.entries.delete(cookie);
    this.entries.set(cookie, { token, until });
    if (this.entries.size > MEMO_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
