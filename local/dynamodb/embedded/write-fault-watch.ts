/**
 * The embedded store's part in the runtime's storage health: a commit that failed on a full disk
 * (or an I/O error) is reported as a fault of `dynamodb`, and the next commit that succeeds clears
 * it. While the fault stands the HTTP API refuses work, so no request would ever write again: the
 * watch itself retries on the clock (250 ms doubling to 10 s) — once the directory has at least
 * `PROBE_FREE_BYTES` free (statfs: a one-row write alone could fit in the WAL's slack on a disk
 * that is still full), it commits a one-row write, and that commit clears the fault.
 */
import { statfsSync } from 'node:fs';
import type { Database } from '../../sqlite/database.ts';
import type { Clock } from '../../../core/time/clock.ts';
import type { StorageReporter } from '../../storage/storage-health.ts';
import { isWriteFault, writeRetryDelay } from '../../storage/write-faults.ts';

/** The store's name in `StorageHealth` and on `/healthz`. */
export const STORE_NAME = 'dynamodb';
/** Free space (bytes) the directory needs before the probe tries a write. */
export const PROBE_FREE_BYTES = 1024 * 1024;

export class WriteFaultWatch {
  private failures = 0;
  private cancelProbe: (() => void) | undefined;
  private readonly probeWrite: () => void;

  /**
   * @param dir the database's directory (undefined: in memory, no disk to watch)
   * @param commitProbe runs `write` in the store's group commit and commits it now (its outcome
   *   reaches `failed` or `committed` like any other commit)
   */
  constructor(
    private readonly dir: string | undefined,
    db: Database,
    private readonly clock: Clock,
    private readonly health: StorageReporter | undefined,
    private readonly commitProbe: (write: () => void) => void,
  ) {
    db.exec('CREATE TABLE IF NOT EXISTS write_probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)');
    const statement = db.prepare('INSERT OR REPLACE INTO write_probe (id, at) VALUES (1, ?)');
    this.probeWrite = () => void statement.run(this.clock.now());
  }

  /** A commit failed: a write fault is reported and probed until it clears; other errors are not the disk's. */
  failed(error: unknown): void {
    if (!isWriteFault(error)) return;
    this.failures++;
    if (this.failures === 1) this.health?.failed(STORE_NAME, error as Error);
    this.arm();
  }

  private arm(): void {
    this.cancelProbe?.();
    this.cancelProbe = this.clock.schedule(this.clock.now() + writeRetryDelay(this.failures), () => {
      this.cancelProbe = undefined;
      if (this.dir !== undefined && freeBytes(this.dir) < PROBE_FREE_BYTES) {
        this.failures++;
        this.arm();
        return;
      }
      this.commitProbe(this.probeWrite);
    });
  }

  /** A commit succeeded: a standing fault is over. */
  committed(): void {
    if (this.failures === 0) return;
    this.failures = 0;
    this.cancelProbe?.();
    this.cancelProbe = undefined;
    this.health?.recovered(STORE_NAME);
  }

  stop(): void {
    this.cancelProbe?.();
    this.cancelProbe = undefined;
  }
}

function freeBytes(dir: string): number {
  const { bavail, bsize } = statfsSync(dir);
  return bavail * bsize;
}
