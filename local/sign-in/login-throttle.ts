/**
 * Slows down password guessing (OWASP Authentication Cheat Sheet, "protect against automated
 * attacks") on two counts: per user and source address, the first FREE_FAILURES failures cost
 * nothing and each further one locks that pair out for an exponentially growing delay (1 s, 2 s,
 * 4 s … capped at 15 min); per source address alone — so that made-up names, which never repeat a
 * pair, still trip it — the same after ADDRESS_FREE_FAILURES failures. During a lockout the caller
 * is told when to come back (429 + Retry-After) instead of being kept waiting, so nothing sleeps.
 * A success clears its pair (not the address); FORGET_AFTER_MS without failures clears either.
 * Time comes from the injected clock.
 */
import type { Clock } from '../../core/time/clock.ts';

export const FREE_FAILURES = 5;
/** Failures one address may make across all names before it is slowed down (an office behind one NAT mistypes too). */
export const ADDRESS_FREE_FAILURES = 20;
export const MAX_LOCKOUT_MS = 15 * 60_000;
const FORGET_AFTER_MS = MAX_LOCKOUT_MS;
/** Entries kept at most per count; the stalest go first (a flood of made-up names cannot grow memory). */
const MAX_ENTRIES = 10_000;

export class LoginThrottle {
  private readonly pairs: FailureCount;
  private readonly addresses: FailureCount;

  constructor(clock: Clock) {
    this.pairs = new FailureCount(clock, FREE_FAILURES);
    this.addresses = new FailureCount(clock, ADDRESS_FREE_FAILURES);
  }

  /** Milliseconds until `user` may try again from `source`; 0 when a try is allowed now. */
  waitMs(user: string, source: string): number {
    return Math.max(this.pairs.waitMs(pairKey(user, source)), this.addresses.waitMs(source));
  }

  recordFailure(user: string, source: string): void {
    this.pairs.record(pairKey(user, source));
    this.addresses.record(source);
  }

  recordSuccess(user: string, source: string): void {
    this.pairs.forget(pairKey(user, source));
  }
}

interface Failures {
  count: number;
  last: number;
}

/** Consecutive failures per key, with the lockout they earn after `free` of them. */
class FailureCount {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly clock: Clock,
    private readonly free: number,
  ) {}

  waitMs(key: string): number {
    const entry = this.current(key);
    if (!entry) return 0;
    return Math.max(0, entry.last + lockoutAfter(entry.count, this.free) - this.clock.now());
  }

  record(key: string): void {
    const count = (this.current(key)?.count ?? 0) + 1;
    this.failures.delete(key); // re-inserted last: Map order is staleness order
    this.failures.set(key, { count, last: this.clock.now() });
    if (this.failures.size > MAX_ENTRIES) this.failures.delete(this.failures.keys().next().value as string);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && this.clock.now() - entry.last > FORGET_AFTER_MS + lockoutAfter(entry.count, this.free)) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** The lockout of a user+address pair after `count` consecutive failures. */
export function lockoutMs(count: number): number {
  return lockoutAfter(count, FREE_FAILURES);
}

/** The lockout after `count` consecutive failures, of which the first `free` cost nothing. */
function lockoutAfter(count: number, free: number): number {
  if (count <= free) return 0;
  return Math.min(1000 * 2 ** (count - free - 1), MAX_LOCKOUT_MS);
}

function pairKey(user: string, source: string): string {
  return `${user.toLowerCase()}\u0000${source}`;
}
