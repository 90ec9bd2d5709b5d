import { describe, expect, it } from 'vitest';
import { isNoReasonWindowOpen, noReasonRefusal, noReasonWindow, noReasonWindowEnd } from '../../../core/lifecycles/no-reason-window.ts';
import { Zone } from '../../../core/time/zone.ts';

const zone = new Zone('Asia/Shanghai');
const at = (iso: string): number => Date.parse(iso);

// service-standards.md §5 (derived from the statute 七日无理由退货): 7 days counted from the day after
// the customer signed, ending at 24:00 of the 7th day in the policy's zone. Seed §4.2: "(非质量问题,完好无损7天包换)".
describe('the 7-day no-reason window ends at 24:00 of the 7th day after the day the customer signed', () => {
  it.each([
    ['signed Monday 2026-11-30 15:00 → ends 24:00 Monday 12-07', '2026-11-30T15:00:00+08:00', '2026-12-08T00:00:00+08:00'],
    ['signed at 00:00 sharp still counts from the next day', '2026-11-30T00:00:00+08:00', '2026-12-08T00:00:00+08:00'],
    ['signed at 23:59:59 local (15:59:59 UTC) is the same local day', '2026-11-30T23:59:59+08:00', '2026-12-08T00:00:00+08:00'],
    ['signed 00:30 local is already the next local day (16:30 UTC the day before)', '2026-11-30T16:30:00Z', '2026-12-09T00:00:00+08:00'],
    ['across the month end', '2026-12-28T10:00:00+08:00', '2027-01-05T00:00:00+08:00'],
  ])('%s', (_rule, deliveredAt, endsAt) => {
    expect(noReasonWindowEnd(at(deliveredAt), 7, zone)).toBe(at(endsAt));
  });

  it.each([
    ['one second before 24:00 of day 7', '2026-12-07T23:59:59+08:00', true],
    ['at 24:00 of day 7 (exclusive end)', '2026-12-08T00:00:00+08:00', false],
    ['the day of delivery itself', '2026-11-30T18:00:00+08:00', true],
  ])('is open %s: %s', (_when, now, open) => {
    const window = noReasonWindow('2026-11-30T07:00:00.000Z', 7, zone)!;
    expect(isNoReasonWindowOpen(window, at(now))).toBe(open);
  });

  it('has no window before delivery, so the no-reason outcome is allowed', () => {
    expect(noReasonWindow(undefined, 7, zone)).toBeUndefined();
    expect(noReasonRefusal('return.verify', 'insist', undefined, at('2030-01-01T00:00:00Z'), zone)).toBeUndefined();
  });
});

describe('refusing a no-reason outcome after the window (409 NoReasonWindowClosed)', () => {
  const window = noReasonWindow('2026-11-30T07:00:00.000Z', 7, zone)!;
  const after = at('2026-12-08T00:00:00+08:00');

  it.each([
    ['return.verify', 'insist'],
    ['exchange.verify', 'no-reason'],
  ])('refuses %s outcome %s once the window closed, naming its end in Beijing time', (step, outcome) => {
    const refusal = noReasonRefusal(step, outcome, window, after, zone);
    expect(refusal).toMatchObject({ name: 'NoReasonWindowClosed', status: 409, details: { endsAt: '2026-12-08T00:00:00+08:00', deliveredAt: '2026-11-30T15:00:00+08:00', days: 7 } });
    expect(refusal?.message).toContain('2026-12-07 Mon 24:00');
    expect(refusal?.message).toContain('2026-12-08T00:00:00+08:00');
  });

  it.each([
    ['return.verify', 'quality'],
    ['return.verify', 'damage'],
    ['exchange.verify', 'same-model'],
    ['exchange.verify', 'other-model'],
    ['order.review', 'cancelled'],
  ])('allows %s outcome %s after the window: a quality problem has no such window', (step, outcome) => {
    expect(noReasonRefusal(step, outcome, window, after, zone)).toBeUndefined();
  });

  it('allows the no-reason outcome until the last second of day 7', () => {
    expect(noReasonRefusal('return.verify', 'insist', window, after - 1000, zone)).toBeUndefined();
  });
});
