import type { Database } from '../../sqlite/database.ts';
import type { Clock } from '../../../core/time/clock.ts';
import type { StorageReporter } from '../../storage/storage-health.ts';
import { isWriteFault, writeRetryDelay } from '../../storage/write-faults.ts';
import { outboxSchema } from './outbox-schema.ts';
import { DEFAULT_BACKOFF, DeliveryDeferred, NonRetryableDeliveryError, retryDelay, type Backoff, type RetryPolicy } from './retry-policy.ts';

export interface DeadLetter {
  id: number;
  payload: string;
  attempts: number;
  failedAt: number;
  error: string;
}

export interface OutboxOptions {
  db: Database;
  /** Table name (the emulator's own; also names the dead-letter table `<table>_dead`). */
  table: string;
  clock: Clock;
  /** Delivers one payload; a rejection is a failed attempt. */
  send: (payload: string, attempt: number) => Promise<void>;
  backoff?: Backoff;
  /** The delay before retrying this payload after its `attempt`-th failure, instead of `backoff` (an SQS queue's visibility timeout). */
  retryDelayFor?: (payload: string, attempt: number) => number;
  /** Deliveries in flight at once. */
  concurrency?: number;
  onDeadLetter?: (entry: DeadLetter) => void;
  /** Hears when the outbox cannot write its bookkeeping (a full disk) and when it can again. */
  health?: StorageReporter;
}

interface Row {
  id: number;
  payload: string;
  attempts: number;
  max_attempts: number;
  expires_at: number;
}

/**
 * A durable outbox: a delivery is a row committed before anyone is told it was accepted; it is
 * deleted once delivered, retried with exponential backoff on the injected clock, and moved to the
 * dead-letter table after its attempts or its age run out. One clock timer, for the earliest retry.
 * At start-up every row left over (pending, or in flight when the process died) is delivered again:
 * at-least-once, as AWS delivers.
 *
 * On a full disk the bookkeeping writes (deleting delivered rows, recording a failed attempt)
 * fail without losing anything: delivered ids stay queued for deletion, a failed attempt's row
 * stays due and is delivered again (at-least-once), and a pump is retried on the clock
 * (250 ms doubling to 10 s) until the disk takes the writes.
 */
export class DeliveryOutbox {
  private readonly stmt;
  private readonly inFlight = new Set<number>();
  private readonly backoff: Backoff;
  private readonly concurrency: number;
  private cancelTimer: (() => void) | undefined;
  private timerAt = Infinity;
  private pumpQueued = false;
  private closed = false;
  private waiters: (() => void)[] = [];
  private delivered: number[] = [];
  /** Rows enqueued by this process, dispatched without a scan. */
  private fresh: Row[] = [];
  private readonly freshIds = new Set<number>();
  /** Whether rows may be due that neither `fresh` nor in-flight holds (start-up, a retry timer). */
  private needsScan = false;
  /** Consecutive failed bookkeeping writes, and the retry they armed. */
  private faults = 0;
  private cancelFaultRetry: (() => void) | undefined;

  constructor(private readonly options: OutboxOptions) {
    const { db, table } = options;
    db.exec(outboxSchema(table));
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.concurrency = options.concurrency ?? 256;
    this.stmt = {
      insert: db.prepare(`INSERT INTO ${table} (payload, max_attempts, expires_at, next_at) VALUES (?, ?, ?, ?)`),
      due: db.prepare<[number, number], Row>(`SELECT id, payload, attempts, max_attempts, expires_at FROM ${table} WHERE next_at <= ? ORDER BY next_at, id LIMIT ?`),
      nextFuture: db.prepare<[number], { at: number | null }>(`SELECT MIN(next_at) AS at FROM ${table} WHERE next_at > ?`),
      delete: db.prepare(`DELETE FROM ${table} WHERE id = ?`),
      retry: db.prepare(`UPDATE ${table} SET attempts = ?, next_at = ?, last_error = ? WHERE id = ?`),
      dead: db.prepare(`INSERT OR REPLACE INTO ${table}_dead (id, payload, attempts, failed_at, error) VALUES (?, ?, ?, ?, ?)`),
      deadList: db.prepare<[], { id: number; payload: string; attempts: number; failedAt: number; error: string }>(`SELECT id, payload, attempts, failed_at AS failedAt, error FROM ${table}_dead ORDER BY id`),
      pending: db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`),
    };
  }

  /**
   * Adds a delivery. Call it inside the caller's transaction to commit it with the caller's own
   * writes; it is dispatched on the next turn of the event loop, after that commit — or, with
   * `delayMs`, once that much time has passed on the clock (an SQS message's `DelaySeconds`).
   * The event age counts from when it becomes due.
   */
  enqueue(payload: string, policy: RetryPolicy, delayMs = 0): void {
    const now = this.options.clock.now();
    const dueAt = now + Math.max(0, delayMs);
    const maxAttempts = policy.maximumRetryAttempts + 1;
    const expiresAt = dueAt + policy.maximumEventAgeSeconds * 1000;
    const id = Number(this.stmt.insert.run(payload, maxAttempts, expiresAt, dueAt).lastInsertRowid);
    if (dueAt === now) {
      this.fresh.push({ id, payload, attempts: 0, max_attempts: maxAttempts, expires_at: expiresAt });
      this.freshIds.add(id);
    }
    this.pumpSoon();
  }

  /**
   * Runs `fn` — a transaction of the caller's that enqueues — so that a rollback also takes back
   * what it enqueued in memory: nothing is dispatched that was not committed.
   */
  atomically<T>(fn: () => T): T {
    const mark = this.fresh.length;
    try {
      return fn();
    } catch (error) {
      for (const row of this.fresh.splice(mark)) this.freshIds.delete(row.id);
      throw error;
    }
  }

  /** Picks up what an earlier process left behind. */
  start(): void {
    this.needsScan = true;
    this.pumpSoon();
  }

  /** Rows not yet delivered nor dead-lettered. */
  pendingCount(): number {
    return this.stmt.pending.get()?.n ?? 0;
  }

  deadLetters(): DeadLetter[] {
    return this.stmt.deadList.all();
  }

  /** Resolves when nothing is in flight and nothing is due now (retries in the future may remain). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.bookkeep(() => this.flushDelivered());
    this.cancelFaultRetry?.();
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.releaseWaiters();
  }

  private isIdle(): boolean {
    return this.inFlight.size === 0 && !this.pumpQueued && this.fresh.length === 0;
  }

  private pumpSoon(): void {
    if (this.pumpQueued || this.closed) return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.closed) return;
    this.bookkeep(() => this.flushDelivered());
    const now = this.options.clock.now();
    let next = 0;
    while (next < this.fresh.length && this.inFlight.size < this.concurrency) {
      const row = this.fresh[next++]!;
      this.freshIds.delete(row.id);
      this.dispatch(row);
    }
    this.fresh = next === this.fresh.length ? [] : this.fresh.slice(next);
    if (this.needsScan && this.inFlight.size < this.concurrency) {
      const room = this.concurrency - this.inFlight.size;
      // Rows delivered but not yet deleted (their delete waits for disk space) are not sent again.
      const rows = this.stmt.due.all(now, room + this.inFlight.size + this.freshIds.size + this.delivered.length);
      let dispatched = 0;
      for (const row of rows) {
        if (this.inFlight.has(row.id) || this.freshIds.has(row.id) || this.delivered.includes(row.id)) continue;
        if (this.inFlight.size >= this.concurrency) break;
        this.dispatch(row);
        dispatched++;
      }
      // Everything due was taken unless the batch filled the room; then scan again when room frees.
      this.needsScan = dispatched >= room;
    }
    this.arm(now);
    this.releaseWaiters();
  }

  private dispatch(row: Row): void {
    this.inFlight.add(row.id);
    const attempt = row.attempts + 1;
    let sent: Promise<void>;
    try {
      sent = this.options.send(row.payload, attempt);
    } catch (error) {
      sent = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    sent.then(
      () => this.settle(row.id, () => this.delivered.push(row.id)),
      (error: unknown) => this.settle(row.id, () => this.fail(row, attempt, error)),
    );
  }

  private settle(id: number, record: () => void): void {
    this.inFlight.delete(id);
    if (this.closed) return;
    this.bookkeep(record);
    this.pumpSoon();
  }

  /**
   * Runs a bookkeeping write; a write fault is reported and retried by a later pump (with a scan,
   * so a row whose failed attempt could not be recorded is delivered again).
   */
  private bookkeep(write: () => void): void {
    try {
      write();
    } catch (error) {
      if (!isWriteFault(error)) throw error;
      this.faults += 1;
      if (this.faults === 1) this.options.health?.failed(this.options.table, error as Error);
      this.needsScan = true;
      if (this.closed || this.cancelFaultRetry) return;
      this.cancelFaultRetry = this.options.clock.schedule(this.options.clock.now() + writeRetryDelay(this.faults), () => {
        this.cancelFaultRetry = undefined;
        this.pumpSoon();
      });
      return;
    }
    if (this.faults > 0) {
      this.faults = 0;
      this.options.health?.recovered(this.options.table);
    }
  }

  private fail(row: Row, attempt: number, error: unknown): void {
    const now = this.options.clock.now();
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (error instanceof DeliveryDeferred && now + error.retryAfterMs <= row.expires_at) {
      this.stmt.retry.run(row.attempts, now + error.retryAfterMs, message, row.id);
      return;
    }
    const next = now + (this.options.retryDelayFor?.(row.payload, attempt) ?? retryDelay(this.backoff, attempt));
    if (error instanceof NonRetryableDeliveryError || attempt >= row.max_attempts || next > row.expires_at) {
      this.options.db.transaction(() => {
        this.stmt.dead.run(row.id, row.payload, attempt, now, message);
        this.stmt.delete.run(row.id);
      })();
      this.options.onDeadLetter?.({ id: row.id, payload: row.payload, attempts: attempt, failedAt: now, error: message });
      return;
    }
    this.stmt.retry.run(attempt, next, message, row.id);
  }

  /** Deletes delivered rows in one transaction per batch; on a failed write they stay queued for the next. */
  private flushDelivered(): void {
    if (this.delivered.length === 0) return;
    const ids = this.delivered;
    this.options.db.transaction(() => {
      for (const id of ids) this.stmt.delete.run(id);
    })();
    this.delivered = this.delivered === ids ? [] : this.delivered.slice(ids.length);
  }

  /** One clock timer, at the earliest future retry. */
  private arm(now: number): void {
    const at = this.stmt.nextFuture.get(now)?.at ?? null;
    if (at === null) {
      this.cancelTimer?.();
      this.cancelTimer = undefined;
      this.timerAt = Infinity;
      return;
    }
    if (this.cancelTimer && at >= this.timerAt) return;
    this.cancelTimer?.();
    this.timerAt = at;
    this.cancelTimer = this.options.clock.schedule(at, () => {
      this.cancelTimer = undefined;
      this.timerAt = Infinity;
      this.needsScan = true;
      this.pump();
    });
  }

  private releaseWaiters(): void {
    if (!this.isIdle() && !this.closed) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
