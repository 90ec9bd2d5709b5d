import type { VirtualClock } from '../../core/time/clock.ts';

/** What a driver needs of the runtime: to wait until everything set off has finished. */
export interface Settles {
  settle(): Promise<void>;
}

/**
 * Moves a runtime on a VirtualClock to `target` (epoch ms), one timer instant at a time: the work
 * one instant sets off — invocations, AWS calls over loopback, workflow states — finishes before
 * the clock moves on, so a day of timers runs in seconds and in the order real time would run it.
 * `beforeInstant` runs before each instant's timers fire (a demo uses it to report progress).
 */
export async function advanceRuntime(runtime: Settles, clock: VirtualClock, target: number, beforeInstant?: (at: number) => void): Promise<void> {
  if (target < clock.now()) throw new RangeError(`cannot move the clock back from ${new Date(clock.now()).toISOString()} to ${new Date(target).toISOString()}`);
  for (;;) {
    await runtime.settle();
    const next = clock.nextAt();
    if (next === undefined || next > target) break;
    beforeInstant?.(next);
    await clock.advanceTo(next);
  }
  await clock.advanceTo(target);
  await runtime.settle();
}
