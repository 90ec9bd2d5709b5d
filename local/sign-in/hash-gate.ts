/**
 * Bounds the password-hashing work of sign-ins. Each scrypt hash takes 32 MiB and ~0.1 s of a
 * libuv thread-pool thread (local/identity/passwords.ts); fifty at once filled the pool and both
 * cores, and every other request (file reads, the API's own work) queued behind them — `GET /queue`
 * went from 173 ms to 8.7 s (issue 21). At most `limit` hashes run at once and `queue` more wait
 * their turn; a sign-in beyond that is refused at once (`SignInBusy`, 429 with Retry-After)
 * rather than held in memory.
 */
import { SignInBusy } from './errors.ts';

/** Hashes in flight at once: one per core of the 2-core machines a local home runs on. */
export const HASH_CONCURRENCY = 2;
/** Sign-ins that may wait for a hashing slot (staff signing in together at 9:00 wait, not retry). */
export const HASH_QUEUE = 8;
/** What a refused sign-in is told: the queue drains in well under a second. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit = HASH_CONCURRENCY,
    private readonly queue = HASH_QUEUE,
  ) {}

  /** Runs `work` when a slot is free; throws SignInBusy at once when the slots and the queue are full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.queue) throw new SignInBusy(BUSY_RETRY_AFTER_SECONDS);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter (running stays the same), or frees up.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
