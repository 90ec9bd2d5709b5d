import type { HistoryEvent } from '../store/records.ts';
import type { ExecutionChange, SfnStore } from '../store/store.ts';
import type { ExecutionRecord } from '../store/records.ts';
import type { Clock } from '../../../core/time/clock.ts';
import { isWriteFault, StoreUnavailable, writeRetryDelay } from '../../storage/write-faults.ts';
import type { StorageReporter } from '../../storage/storage-health.ts';
import type { Frame } from './frame.ts';

const NONE: readonly never[] = Object.freeze([]);

/** What one execution changed since its last checkpoint. */
export class Journal {
  isNew = false;
  events: HistoryEvent[] = [];
  frames = new Set<Frame>();
  deletedFrames = new Set<string>();
  openedTokens: string[] = [];
  closedTokens: string[] = [];

  /** `withFrames` false: the store can't resume anything (in memory), so positions aren't tracked at all. */
  constructor(private readonly withFrames: boolean) {}

  touch(frame: Frame): void {
    if (this.withFrames) this.frames.add(frame);
  }

  /** The change since the last checkpoint; the journal keeps it until `written()` says it is on disk. */
  change(execution: ExecutionRecord): ExecutionChange {
    // Most checkpoints carry events only: the empty lists are shared rather than allocated.
    return {
      execution,
      isNew: this.isNew,
      events: this.events,
      frames: this.frames.size > 0 ? [...this.frames].map((f) => ({ id: f.id, body: JSON.stringify(f) })) : NONE,
      deletedFrames: this.deletedFrames.size > 0 ? [...this.deletedFrames] : NONE,
      openedTokens: this.openedTokens.length > 0 ? this.openedTokens : NONE,
      closedTokens: this.closedTokens.length > 0 ? this.closedTokens : NONE,
    };
  }

  /** The change handed out by `change()` was committed: start the next one. */
  written(): void {
    this.isNew = false;
    this.events = [];
    this.frames.clear();
    this.deletedFrames.clear();
    if (this.openedTokens.length > 0) this.openedTokens = [];
    if (this.closedTokens.length > 0) this.closedTokens = [];
  }
}

export interface Journaled {
  readonly record: ExecutionRecord;
  readonly journal: Journal;
}

/**
 * Group commit: changes of every execution made during one turn of the event loop are written in a
 * single SQLite transaction. `commit()` writes at once — before a side effect (a Task token) or
 * before an API call answers, so nothing acknowledged can be lost.
 *
 * A write that fails (a full disk) leaves every journal as it was, so memory and disk never
 * disagree: the same changes, with whatever came since, are written by the next attempt, retried
 * on the clock (250 ms doubling to 10 s) until the disk takes them. Meanwhile `unavailable` is set,
 * the API refuses new work, and the health reporter hears of the fault and of the recovery.
 */
export class Checkpointer {
  private dirty = new Set<Journaled>();
  private scheduled: NodeJS.Immediate | undefined;
  private halted = false;
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  /** Resolved by the first successful write, however long the disk stays full. */
  private durableWaiters: (() => void)[] = [];
  private fault: StoreUnavailable | undefined;
  private failures = 0;
  private cancelRetry: (() => void) | undefined;

  constructor(
    private readonly store: SfnStore,
    private readonly clock: Clock,
    private readonly health?: StorageReporter,
  ) {}

  /** Whether the store keeps positions (frames) for resuming. */
  get durable(): boolean {
    return this.store.durable;
  }

  /** The standing write fault, if the last write failed. */
  get unavailable(): StoreUnavailable | undefined {
    return this.fault;
  }

  mark(execution: Journaled): void {
    if (this.halted) return;
    this.dirty.add(execution);
    this.soon();
  }

  /** Writes what is pending; false (and a retry on the clock) when the store could not write. Never throws a write fault. */
  flush(): boolean {
    if (this.scheduled) {
      clearImmediate(this.scheduled);
      this.scheduled = undefined;
    }
    if (this.halted) return this.settle(undefined);
    if (this.dirty.size > 0) {
      const pending = [...this.dirty];
      try {
        this.store.write(pending.map((e) => e.journal.change(e.record)));
      } catch (error) {
        if (!isWriteFault(error)) throw error;
        return this.settle(new StoreUnavailable('sfn-local', error as Error));
      }
      for (const e of pending) e.journal.written();
      this.dirty.clear();
    }
    return this.settle(undefined);
  }

  /** Writes what is pending now or throws `StoreUnavailable` (the changes stay pending and are retried). */
  commit(): void {
    if (!this.flush()) throw this.fault!;
  }

  /** Resolves once everything journaled so far is committed — with whatever else the same turn commits; rejects with `StoreUnavailable`. */
  committed(): Promise<void> {
    if (this.dirty.size === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.soon();
    });
  }

  /**
   * Resolves once everything journaled so far is on disk, waiting out a full disk (a task token
   * must be durable before it is handed out). It rides this turn's group commit rather than
   * committing at once: the task tokens of every execution that reached a Task in the same turn
   * share one SQLite commit (one commit per token was the largest SQLite item in bench:ingest's
   * profile, issue 27).
   */
  durableNow(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.durableWaiters.push(resolve);
      this.soon();
    });
  }

  /** Drops pending changes and writes nothing more (a simulated crash in tests, or shutdown after a flush). */
  halt(): void {
    this.halted = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    this.dirty.clear();
  }

  private soon(): void {
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Answers the waiters of this attempt and moves the fault state on. */
  private settle(fault: StoreUnavailable | undefined): boolean {
    const waiters = this.waiters;
    this.waiters = [];
    if (fault) {
      this.failures += 1;
      if (!this.fault) this.health?.failed('sfn-local', fault.fault);
      this.fault = fault;
      this.cancelRetry?.();
      this.cancelRetry = this.clock.schedule(this.clock.now() + writeRetryDelay(this.failures), () => {
        this.cancelRetry = undefined;
        this.flush();
      });
      for (const w of waiters) w.reject(fault);
      return false;
    }
    if (this.fault) {
      this.fault = undefined;
      this.failures = 0;
      this.cancelRetry?.();
      this.cancelRetry = undefined;
      this.health?.recovered('sfn-local');
    }
    for (const w of waiters) w.resolve();
    const durable = this.durableWaiters;
    this.durableWaiters = [];
    for (const resolve of durable) resolve();
    return true;
  }
}
