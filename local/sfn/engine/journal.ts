import type { HistoryEvent } from '../store/records.ts';
import type { ExecutionChange, SfnStore } from '../store/store.ts';
import type { ExecutionRecord } from '../store/records.ts';
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

  take(execution: ExecutionRecord): ExecutionChange {
    // Most checkpoints carry events only: the empty lists are shared rather than allocated.
    const change: ExecutionChange = {
      execution,
      isNew: this.isNew,
      events: this.events,
      frames: this.frames.size > 0 ? [...this.frames].map((f) => ({ id: f.id, body: JSON.stringify(f) })) : NONE,
      deletedFrames: this.deletedFrames.size > 0 ? [...this.deletedFrames] : NONE,
      openedTokens: this.openedTokens.length > 0 ? this.openedTokens : NONE,
      closedTokens: this.closedTokens.length > 0 ? this.closedTokens : NONE,
    };
    this.isNew = false;
    this.events = [];
    this.frames.clear();
    this.deletedFrames.clear();
    if (this.openedTokens.length > 0) this.openedTokens = [];
    if (this.closedTokens.length > 0) this.closedTokens = [];
    return change;
  }
}

export interface Journaled {
  readonly record: ExecutionRecord;
  readonly journal: Journal;
}

/**
 * Group commit: changes of every execution made during one turn of the event loop are written in a
 * single SQLite transaction. `flush()` writes at once — before a side effect (a Task invocation) or
 * before an API call answers, so nothing acknowledged can be lost.
 */
export class Checkpointer {
  private dirty = new Set<Journaled>();
  private scheduled: NodeJS.Immediate | undefined;
  private halted = false;
  private waiters: (() => void)[] = [];

  constructor(private readonly store: SfnStore) {}

  /** Whether the store keeps positions (frames) for resuming. */
  get durable(): boolean {
    return this.store.durable;
  }

  mark(execution: Journaled): void {
    if (this.halted) return;
    this.dirty.add(execution);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.scheduled) {
      clearImmediate(this.scheduled);
      this.scheduled = undefined;
    }
    const waiters = this.waiters;
    this.waiters = [];
    if (!this.halted && this.dirty.size > 0) {
      const changes = [...this.dirty].map((e) => e.journal.take(e.record));
      this.dirty.clear();
      this.store.write(changes);
    }
    for (const resolve of waiters) resolve();
  }

  /** Resolves once everything journaled so far is committed — with whatever else the same turn commits. */
  committed(): Promise<void> {
    if (this.dirty.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Drops pending changes and writes nothing more (a simulated crash in tests, or shutdown after a flush). */
  halt(): void {
    this.halted = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.dirty.clear();
  }
}
