import type { Clock } from '../../../core/time/clock.ts';
import { Cancelled, type CancelScope } from './cancellation.ts';

/** Resolves once the clock reaches `at`, or rejects with Cancelled when the scope is cancelled first. */
export function sleepUntil(clock: Clock, at: number, scope: CancelScope): Promise<void> {
  return new Promise((resolve, reject) => {
    // A clock never fires during schedule(), so `off` is assigned by the time the timer reads it.
    const cancelTimer = clock.schedule(at, () => {
      off();
      resolve();
    });
    const off = scope.onCancel(() => {
      cancelTimer();
      reject(new Cancelled());
    });
  });
}
