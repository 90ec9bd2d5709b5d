/**
 * The platform's clock, readable from worker threads: the main thread writes its clock's state
 * into a SharedArrayBuffer before every message it posts to a worker (an invocation, an AWS
 * answer), so a handler in a worker reads the same business time as one in the main thread.
 *
 * A VirtualClock (demos, tests) only moves when driven: its value is written as is ("frozen").
 * Any other clock (the system clock, `npm start --time`'s shifted one) keeps the system clock's
 * pace: its offset from the system clock is written and the worker adds it to its own reading.
 */
import { systemClock, VirtualClock, type Clock } from '../../../core/time/clock.ts';

/** [0]: 1 when frozen, else 0; [1]: the frozen value or the offset (ms). */
const SLOTS = 2;

export class ClockPublisher {
  readonly buffer = new SharedArrayBuffer(SLOTS * Float64Array.BYTES_PER_ELEMENT);
  private readonly view = new Float64Array(this.buffer);

  constructor(private readonly clock: Clock) {
    this.publish();
  }

  /** Writes the clock's current state (call before posting anything a handler may act on). */
  publish(): void {
    if (this.clock === systemClock) {
      this.view[0] = 0;
      this.view[1] = 0;
    } else if (this.clock instanceof VirtualClock) {
      this.view[0] = 1;
      this.view[1] = this.clock.now();
    } else {
      this.view[0] = 0;
      this.view[1] = this.clock.now() - systemClock.now();
    }
  }
}

/** The worker's side: a Clock reading what the main thread published. */
export function sharedClock(buffer: SharedArrayBuffer): Clock {
  const view = new Float64Array(buffer);
  const now = (): number => (view[0] === 1 ? (view[1] ?? 0) : systemClock.now() + (view[1] ?? 0));
  return {
    now,
    // Handlers do not wait on timers of the business clock; this keeps the Clock contract at the system clock's pace.
    schedule: (at, fn) => systemClock.schedule(systemClock.now() + (at - now()), fn),
  };
}
