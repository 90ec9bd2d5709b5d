/**
 * Deletes items whose TTL attribute (epoch seconds) has passed, on the store's clock. DynamoDB
 * does this "within a few days" and reads may return expired items until then (Developer Guide,
 * "Time to Live"); the embedded store sweeps every `intervalMs`, in chunks, inside the group commit.
 */
import type { Clock } from '../../../core/time/clock.ts';
import type { GroupCommit } from './group-commit.ts';
import type { ItemStore } from './item-store.ts';

const CHUNK = 500;

export class TtlSweeper {
  private cancel: (() => void) | undefined;

  constructor(
    private readonly store: ItemStore,
    private readonly commit: GroupCommit,
    private readonly clock: Clock,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.cancel = this.clock.schedule(this.clock.now() + this.intervalMs, () => {
      void this.sweep().finally(() => {
        if (this.cancel) this.start();
      });
    });
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  /** Deletes every expired item now; resolves with how many. */
  async sweep(): Promise<number> {
    let deleted = 0;
    for (const name of this.store.tableNames()) {
      for (;;) {
        const removed = await this.commit.run(() => {
          const table = this.store.table(name);
          if (!table?.definition.ttl?.enabled) return 0;
          const expired = this.store.expired(table, this.clock.now() / 1000, CHUNK);
          for (const item of expired) this.store.delete(table, item);
          return expired.length;
        });
        deleted += removed;
        if (removed < CHUNK) break;
      }
    }
    return deleted;
  }
}
