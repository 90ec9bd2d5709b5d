/**
 * Group commit: the requests that arrive while one turn of the event loop runs share one SQLite
 * transaction, committed (and, with synchronous=FULL, fsynced) once on the next turn. Each request
 * runs in its own savepoint, so a failing one leaves nothing half-written; every answer, reads
 * included, waits for the commit, so nobody is told of a write that a crash could still lose.
 */
import type { Database, Statement } from '../../sqlite/database.ts';
import { isWriteFault } from '../../storage/write-faults.ts';
import { InternalServerError, ServiceUnavailable } from './errors.ts';

interface Pending {
  settle: () => void;
  fail: (error: unknown) => void;
}

export class GroupCommit {
  private pending: Pending[] = [];
  private open = false;
  /** SQLite's total_changes() when the open transaction began: a commit that changed nothing proves no disk space. */
  private changesAtBegin = 0;
  private readonly totalChanges: Statement<[], { n: number }>;

  constructor(
    private readonly db: Database,
    private readonly onCommitError: (error: unknown) => void = () => {},
    /** Hears each successful commit that wrote something (a fault watch clears its fault on it). */
    private readonly onCommitted: () => void = () => {},
  ) {
    this.totalChanges = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
  }

  run<T>(work: () => T): Promise<T> {
    if (!this.open) {
      this.db.exec('BEGIN IMMEDIATE');
      this.open = true;
      this.changesAtBegin = this.totalChanges.get()!.n;
      setImmediate(() => this.commit());
    }
    return new Promise<T>((resolve, reject) => {
      this.db.exec('SAVEPOINT request');
      let outcome: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: work() };
        this.db.exec('RELEASE request');
      } catch (error) {
        this.db.exec('ROLLBACK TO request');
        this.db.exec('RELEASE request');
        outcome = { ok: false, error };
      }
      this.pending.push({
        settle: () => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)),
        fail: reject,
      });
    });
  }

  /** Commits now (also what `close` does first). */
  commit(): void {
    if (!this.open) return;
    const batch = this.pending;
    this.pending = [];
    this.open = false;
    const wrote = this.totalChanges.get()!.n !== this.changesAtBegin;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      // A full disk or an I/O error: nothing of the batch is kept, and nobody is told otherwise.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.onCommitError(error);
      // A full disk is DynamoDB's 503 (the SDK retries it); anything else its 500.
      const failure = isWriteFault(error)
        ? new ServiceUnavailable(`the store cannot write its data (${(error as { code?: string }).code ?? 'I/O error'}); retry once space returns`)
        : new InternalServerError(`the write could not be committed: ${(error as Error).message}`);
      for (const p of batch) p.fail(failure);
      return;
    }
    if (wrote) this.onCommitted();
    for (const p of batch) p.settle();
  }
}
