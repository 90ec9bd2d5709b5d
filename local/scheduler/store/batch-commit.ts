/**
 * Group commit for the Scheduler's API: the requests that arrive during one turn of the event loop
 * share one SQLite transaction, committed on the next turn (`setImmediate`), instead of one
 * autocommit each. A platform order creates several timers at once, and each autocommit wrote its
 * own WAL frames (the table's page and the name index's page): most of a CreateSchedule's cost in
 * bench:ingest's profile (docs/benchmarks.md, issue 27). Each request runs in its own savepoint, so
 * one that fails leaves nothing half-written, and every answer waits for the commit, so nobody is
 * told of a schedule that a kill -9 could still lose (the same contract as the embedded DynamoDB
 * store's group commit).
 */
import type { Database } from '../../sqlite/database.ts';

interface Waiter {
  settle: () => void;
  fail: (error: unknown) => void;
}

export class BatchCommit {
  private waiters: Waiter[] = [];
  private open = false;

  constructor(private readonly db: Database) {}

  /**
   * Runs `work` in the open batch (opening one if needed) and resolves with its value once the
   * batch is committed; `keep(value)` false rolls the request's own writes back (an error answer).
   * Rejects with the commit's error (a full disk) if the batch could not be committed.
   */
  run<T>(work: () => T, keep: (value: T) => boolean): Promise<T> {
    if (!this.open) {
      this.db.exec('BEGIN');
      this.open = true;
      setImmediate(() => this.commit());
    }
    this.db.exec('SAVEPOINT request');
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      const value = work();
      if (!keep(value)) this.db.exec('ROLLBACK TO request');
      outcome = { ok: true, value };
    } catch (error) {
      this.db.exec('ROLLBACK TO request');
      outcome = { ok: false, error };
    }
    this.db.exec('RELEASE request');
    return new Promise<T>((resolve, reject) => {
      this.waiters.push({ settle: () => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)), fail: reject });
    });
  }

  /** Commits the open batch now, if any: before the fire loop's own transaction, a checkpoint or close. */
  commit(): void {
    if (!this.open) return;
    const batch = this.waiters;
    this.waiters = [];
    this.open = false;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      // Nothing of the batch is kept, and nobody is told otherwise.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const w of batch) w.fail(error);
      return;
    }
    for (const w of batch) w.settle();
  }
}
