// Slows down repeated failed sign-ins from one address: after a few free attempts each
// further attempt waits longer (doubling, capped), until the window passes or a sign-in succeeds.
// The failures are kept in a store every server process shares (the database), so attempts
// spread over several servers behind a load balancer count together.
export type ThrottleOptions = { freeAttempts: number; windowMs: number; baseDelayMs: number; maxDelayMs: number };

export const DEFAULT_THROTTLE: ThrottleOptions = { freeAttempts: 5, windowMs: 15 * 60_000, baseDelayMs: 500, maxDelayMs: 8_000 };

/** Where failures are counted: failures since `windowStart` (older ones start over). */
export interface FailureStore {
  failures(key: string, windowStart: Date): Promise<number>;
  recordFailure(key: string, at: Date, windowStart: Date): Promise<void>;
  clear(key: string): Promise<void>;
}

/** The wait before checking credentials after `failures` failed attempts within the window. */
export function delayAfter(failures: number, options: ThrottleOptions = DEFAULT_THROTTLE): number {
  if (failures < options.freeAttempts) return 0;
  return Math.min(options.baseDelayMs * 2 ** (failures - options.freeAttempts), options.maxDelayMs);
}

export class LoginThrottle {
  constructor(
    private readonly store: FailureStore,
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  private windowStart(): Date {
    return new Date(this.now() - this.options.windowMs);
  }

  /** How long to wait before checking credentials from this address. */
  async delayFor(key: string): Promise<number> {
    return delayAfter(await this.store.failures(key, this.windowStart()), this.options);
  }

  recordFailure(key: string): Promise<void> {
    return this.store.recordFailure(key, new Date(this.now()), this.windowStart());
  }

  recordSuccess(key: string): Promise<void> {
    return this.store.clear(key);
  }
}
