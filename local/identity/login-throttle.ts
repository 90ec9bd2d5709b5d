/**
 * Slows down password guessing (OWASP Authentication Cheat Sheet, "protect against automated
 * attacks"): per user and source address, the first FREE_FAILURES failures cost nothing; each
 * further failure locks that pair out for an exponentially growing delay (1 s, 2 s, 4 s … capped
 * at 15 min). During a lockout the caller is told when to come back (429 + Retry-After) instead
 * of being kept waiting, so nothing sleeps. A success, or FORGET_AFTER_MS without failures,
 * clears the count. Time comes from the injected clock.
 */
import type { Clock } from '../../core/time/clock.ts';

export const FREE_FAILURES = 5;
export const MAX_LOCKOUT_MS = 15 * 60_000;
const FORGET_AFTER_MS = MAX_LOCKOUT_MS;
/** Entries kept at most; the stalest go first (a flood of made-up names cannot grow memory). */
const MAX_ENTRIES = 10_000;

interface Failures {
  count: number;
  last: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly clock: Clock) {}

  /** Milliseconds until `user` may try again from `source`; 0 when a try is allowed now. */
  waitMs(user: string, source: string): number {
    const entry = this.current(keyOf(user, source));
    if (!entry) return 0;
    return Math.max(0, entry.last + lockoutMs(entry.count) - this.clock.now());
  }

  recordFailure(user: string, source: string): void {
    const key = keyOf(user, source);
    const count = (this.current(key)?.count ?? 0) + 1;
    this.failures.delete(key); // re-inserted last: Map order is staleness order
    this.failures.set(key, { count, last: this.clock.now() });
    if (this.failures.size > MAX_ENTRIES) this.failures.delete(this.failures.keys().next().value as string);
  }

  recordSuccess(user: string, source: string): void {
    this.failures.delete(keyOf(user, source));
  }

  private current(key: string): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && this.clock.now() - entry.last > FORGET_AFTER_MS + lockoutMs(entry.count)) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** The lockout after `count` consecutive failures. */
export function lockoutMs(count: number): number {
  if (count <= FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (count - FREE_FAILURES - 1), MAX_LOCKOUT_MS);
}

function keyOf(user: string, source: string): string {
  return `${user.toLowerCase()}\u0000${source}`;
}
