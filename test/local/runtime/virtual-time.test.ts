import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { advanceRuntime } from '../../../local/runtime/virtual-time.ts';

/** Work that outlasts the clock's own settling (a few immediates), as I/O over loopback does. */
async function afterImmediates(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('advanceRuntime', () => {
  it('lets each instant’s work settle before the clock moves on to the next timer', async () => {
    const clock = new VirtualClock(0);
    const log: string[] = [];
    let pending: Promise<void> | undefined;
    // Work set off by a timer finishes only when settled: the next timer must not fire before.
    const runtime = { settle: async () => void (await pending) };
    clock.schedule(10, () => {
      log.push('fire 10');
      pending = afterImmediates(20).then(() => void log.push('work of 10 done'));
    });
    clock.schedule(20, () => log.push('fire 20'));
    const instants: number[] = [];
    await advanceRuntime(runtime, clock, 30, (at) => instants.push(at));
    expect(log).toEqual(['fire 10', 'work of 10 done', 'fire 20']);
    expect(instants).toEqual([10, 20]);
    expect(clock.now()).toBe(30);
  });

  it('leaves timers beyond the target pending', async () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.schedule(50, () => fired.push(50));
    await advanceRuntime({ settle: async () => {} }, clock, 40);
    expect(fired).toEqual([]);
    expect(clock.nextAt()).toBe(50);
  });

  it('refuses to move the clock back', async () => {
    const clock = new VirtualClock(100);
    await expect(advanceRuntime({ settle: async () => {} }, clock, 50)).rejects.toThrow(/cannot move the clock back/);
  });
});
