/**
 * Time is injected: everything that reads the time or waits takes a Clock.
 * Production uses the system clock; tests and demos use a VirtualClock that skips ahead.
 */
import { TimerHeap, type HeapTimer } from './timer-heap.ts';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once the clock reaches `at` (epoch ms). Returns a function that cancels the timer. */
  schedule(at: number, fn: () => void): () => void;
}

// setTimeout overflows above 2^31-1 ms (~24.8 days); long timers re-arm in steps.
const MAX_TIMEOUT_MS = 2_147_483_647;

export const systemClock: Clock = {
  // eslint-disable-next-line no-restricted-properties -- the one place that reads the wall clock
  now: () => Date.now(),
  schedule(at, fn) {
    let handle: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = (): void => {
      const wait = at - systemClock.now();
      if (wait <= 0) {
        handle = setTimeout(() => {
          if (!cancelled) fn();
        }, 0);
        return;
      }
      handle = setTimeout(arm, Math.min(wait, MAX_TIMEOUT_MS));
    };
    arm();
    return () => {
      cancelled = true;
      if (handle) clearTimeout(handle);
    };
  },
};

/**
 * `base` moved by `offsetMs`, keeping its pace; timers fire when the moved time reaches them.
 * Rehearsing a given day (a Monday morning, a holiday) at real speed, or a restart "two hours
 * later" in a test, without waiting for that day.
 */
export function offsetClock(offsetMs: number, base: Clock = systemClock): Clock {
  return {
    now: () => base.now() + offsetMs,
    schedule: (at, fn) => base.schedule(at - offsetMs, fn),
  };
}

/**
 * A clock that only moves when told to. `advanceTo` fires due timers in time order, setting
 * `now()` to each timer's instant before calling it and letting promise callbacks settle in
 * between, so chains of timers scheduled by timers run as they would in real time.
 */
export class VirtualClock implements Clock {
  private current: number;
  private seq = 0;
  private readonly timers = new TimerHeap();

  constructor(start: number | Date | string) {
    this.current = typeof start === 'number' ? start : new Date(start).getTime();
    if (!Number.isFinite(this.current)) throw new RangeError(`VirtualClock: invalid start time ${String(start)}`);
  }

  now(): number {
    return this.current;
  }

  schedule(at: number, fn: () => void): () => void {
    const timer: HeapTimer = { at: Math.max(at, this.current), seq: this.seq++, fn, done: false };
    this.timers.push(timer);
    return () => this.timers.cancel(timer);
  }

  /** When the earliest pending timer falls due (epoch ms), if any: drivers of real I/O step the clock timer by timer. */
  nextAt(): number | undefined {
    return this.timers.peek()?.at;
  }

  /** Number of timers not yet fired. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves the clock forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): Promise<void> {
    return this.advanceTo(this.current + ms);
  }

  async advanceTo(target: number | Date | string): Promise<void> {
    const end = typeof target === 'number' ? target : new Date(target).getTime();
    if (!Number.isFinite(end)) throw new RangeError(`VirtualClock: invalid target time ${String(target)}`);
    if (end < this.current) throw new RangeError('VirtualClock cannot move backwards');
    await settle();
    for (;;) {
      const due = this.timers.peek();
      if (!due || due.at > end) break;
      const next = this.timers.pop()!;
      this.current = next.at;
      next.fn();
      await settle();
    }
    this.current = end;
  }
}

/** Lets pending promise callbacks and immediates run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
