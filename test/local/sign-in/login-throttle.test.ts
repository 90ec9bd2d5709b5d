import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { FREE_FAILURES, LoginThrottle, lockoutMs, MAX_LOCKOUT_MS } from '../../../local/sign-in/login-throttle.ts';

describe('LoginThrottle', () => {
  it('lets the first failures go, then locks the user+address pair out for 1 s, 2 s, 4 s … up to 15 min', () => {
    expect([1, FREE_FAILURES, FREE_FAILURES + 1, FREE_FAILURES + 2, FREE_FAILURES + 3].map(lockoutMs)).toEqual([0, 0, 1000, 2000, 4000]);
    expect(lockoutMs(40)).toBe(MAX_LOCKOUT_MS);
  });

  it('counts per user and address, on the injected clock, and forgets on success', async () => {
    const clock = new VirtualClock('2026-11-30T09:00:00+08:00');
    const throttle = new LoginThrottle(clock);
    for (let i = 0; i < FREE_FAILURES; i++) throttle.recordFailure('alice', '10.0.0.1');
    expect(throttle.waitMs('alice', '10.0.0.1')).toBe(0);
    throttle.recordFailure('ALICE', '10.0.0.1');
    expect(throttle.waitMs('alice', '10.0.0.1')).toBe(1000);
    expect(throttle.waitMs('alice', '10.0.0.2')).toBe(0);
    expect(throttle.waitMs('bob', '10.0.0.1')).toBe(0);
    await clock.advance(400);
    expect(throttle.waitMs('alice', '10.0.0.1')).toBe(600);
    await clock.advance(600);
    expect(throttle.waitMs('alice', '10.0.0.1')).toBe(0);
    throttle.recordFailure('alice', '10.0.0.1');
    expect(throttle.waitMs('alice', '10.0.0.1')).toBe(2000);
    throttle.recordSuccess('alice', '10.0.0.1');
    expect(throttle.waitMs('alice', '10.0.0.1')).toBe(0);
  });
});
