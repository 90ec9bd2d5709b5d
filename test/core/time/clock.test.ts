import { describe, expect, it } from 'vitest';
import { offsetClock, VirtualClock } from '../../../core/time/clock.ts';

describe('VirtualClock', () => {
  it('does not move until advanced', () => {
    const clock = new VirtualClock('2026-11-26T09:00:00+08:00');
    expect(clock.now()).toBe(Date.parse('2026-11-26T01:00:00Z'));
  });

  it('fires due timers in time order with now() at each timer instant', async () => {
    const clock = new VirtualClock(0);
    const seen: [string, number][] = [];
    clock.schedule(300, () => seen.push(['c', clock.now()]));
    clock.schedule(100, () => seen.push(['a', clock.now()]));
    clock.schedule(200, () => seen.push(['b', clock.now()]));
    await clock.advance(250);
    expect(seen).toEqual([['a', 100], ['b', 200]]);
    expect(clock.now()).toBe(250);
    expect(clock.pending).toBe(1);
  });

  it('tells when its earliest pending timer falls due, and nothing once none is left', async () => {
    const clock = new VirtualClock(0);
    expect(clock.nextAt()).toBeUndefined();
    const cancel = clock.schedule(50, () => {});
    clock.schedule(80, () => {});
    expect(clock.nextAt()).toBe(50);
    cancel();
    expect(clock.nextAt()).toBe(80);
    await clock.advance(100);
    expect(clock.nextAt()).toBeUndefined();
  });

  it('fires timers scheduled by other timers within the same advance', async () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.schedule(10, () => {
      fired.push(clock.now());
      clock.schedule(clock.now() + 10, () => fired.push(clock.now()));
    });
    await clock.advance(100);
    expect(fired).toEqual([10, 20]);
  });

  it('lets a promise chain started by a timer schedule its follow-up', async () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.schedule(10, () => {
      void Promise.resolve().then(() => clock.schedule(clock.now() + 5, () => fired.push(clock.now())));
    });
    await clock.advance(100);
    expect(fired).toEqual([15]);
  });

  it('does not fire a cancelled timer', async () => {
    const clock = new VirtualClock(0);
    let fired = false;
    const cancel = clock.schedule(10, () => (fired = true));
    cancel();
    await clock.advance(20);
    expect(fired).toBe(false);
  });

  it('refuses to move backwards', async () => {
    const clock = new VirtualClock(1000);
    await expect(clock.advanceTo(10)).rejects.toThrow(/backwards/);
  });
});

describe('offsetClock', () => {
  it('reads its base moved by the offset and keeps pace with it, timers included', async () => {
    const base = new VirtualClock('2026-11-26T21:00:00Z');
    const clock = offsetClock(Date.parse('2026-11-30T01:00:00Z') - base.now(), base);
    expect(new Date(clock.now()).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    const fired: string[] = [];
    clock.schedule(Date.parse('2026-11-30T01:30:00Z'), () => fired.push(new Date(clock.now()).toISOString()));
    await base.advance(29 * 60_000);
    expect(fired).toEqual([]);
    await base.advance(60_000);
    expect(fired).toEqual(['2026-11-30T01:30:00.000Z']);
  });
});
