// Slows down repeated failed sign-ins from one address: after a few free attempts each
// further attempt waits longer (doubling, capped), until the window passes or a sign-in succeeds.
export type ThrottleOptions = { freeAttempts: number; windowMs: number; baseDelayMs: number; maxDelayMs: number; maxTracked: number };

export const DEFAULT_THROTTLE: ThrottleOptions = { freeAttempts: 5, windowMs: 15 * 60_000, baseDelayMs: 500, maxDelayMs: 8_000, maxTracked: 10_000 };

export class LoginThrottle {
  private failures = new Map<string, { count: number; first: number }>();

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE, private readonly now: () => number = Date.now) {}

  /** How long to wait before checking credentials from this address. */
  delayFor(key: string): number {
    const entry = this.current(key);
    if (!entry || entry.count < this.options.freeAttempts) return 0;
    const over = entry.count - this.options.freeAttempts;
    return Math.min(this.options.baseDelayMs * 2 ** over, this.options.maxDelayMs);
  }

  recordFailure(key: string): void {
    const entry = this.current(key);
    if (entry) entry.count += 1;
    else {
      // Bounded memory: forget the oldest address when full.
      if (this.failures.size >= this.options.maxTracked) this.failures.delete(this.failures.keys().next().value as string);
      this.failures.set(key, { count: 1, first: this.now() });
    }
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string) {
    const entry = this.failures.get(key);
    if (entry && this.now() - entry.first > this.options.windowMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}
