/**
 * The simulated world's to-do list on the platform's VirtualClock: actions run at their instant,
 * in time order with the platform's own timers, and the driver waits for what they set off before
 * moving time on. An action's failure is kept, not thrown, so one bad request does not stop the day.
 */
import type { VirtualClock } from '../../core/time/clock.ts';
import type { Settles } from '../runtime/virtual-time.ts';

export class Agenda implements Settles {
  private readonly running = new Set<Promise<void>>();
  readonly failures: string[] = [];

  constructor(
    readonly clock: VirtualClock,
    private readonly runtime: Settles,
  ) {}

  /** Runs `action` when the clock reaches `at` (at once if that has passed). */
  at(at: number, action: () => Promise<unknown>): void {
    this.clock.schedule(at, () => this.run(action));
  }

  /** Runs `action` now, tracked like a scheduled one. */
  run(action: () => Promise<unknown>): void {
    const promise: Promise<void> = action()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.failures.push(error instanceof Error ? error.message : String(error));
      })
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Until neither the simulated world nor the platform has anything in flight. */
  async settle(): Promise<void> {
    do {
      while (this.running.size > 0) await Promise.all([...this.running]);
      await this.runtime.settle();
    } while (this.running.size > 0);
  }
}
