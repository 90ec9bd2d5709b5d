import type { Clock } from '../../../core/time/clock.ts';
import { Cancelled, type CancelScope } from './cancellation.ts';

/** Resolves once the clock reaches `at`, or rejects with Cancelled when the scope is cancelled first. */
export function sleepUntil(clock: Clock, at: number, scope: CancelScope): Promise<void> {
  return new Promise((resolve, reject) => {
    let off = (): void => undefined;
    const cancelTimer = clock.schedule(at, () => {
      off();
      resolve();
    });
    off = scope.onCancel(() => {
      cancelTimer();
      reject(new Cancelled());
    });
  });
}
