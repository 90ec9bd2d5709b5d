import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../core/time/civil.ts';
import { UnknownTimeZone, Zone } from '../../../core/time/zone.ts';

const day = (text: string): number => parseDate(text) as number;

describe('Zone', () => {
  const shanghai = new Zone('Asia/Shanghai');

  it('maps a Shanghai wall-clock time to the instant eight hours earlier in UTC', () => {
    expect(new Date(shanghai.instant(day('2026-11-27'), 9 * 60)).toISOString()).toBe('2026-11-27T01:00:00.000Z');
  });

  it('puts an instant just before local midnight on the local day, not the UTC day', () => {
    const ms = Date.parse('2026-11-26T15:59:00Z'); // 23:59 in Shanghai
    expect(shanghai.dayOf(ms)).toBe(day('2026-11-26'));
    expect(shanghai.minuteOfDay(ms)).toBe(23 * 60 + 59);
    expect(shanghai.dayOf(ms + 60_000)).toBe(day('2026-11-27'));
  });

  it('formats instants as ISO-8601 with the zone offset', () => {
    expect(shanghai.formatIso(Date.parse('2026-11-27T01:00:00Z'))).toBe('2026-11-27T09:00:00+08:00');
    expect(new Zone('America/St_Johns').formatIso(Date.parse('2026-01-15T12:00:00Z'))).toBe('2026-01-15T08:30:00-03:30');
  });

  it('formats short times with the weekday for explanations', () => {
    expect(shanghai.formatShort(Date.parse('2026-10-10T01:00:00Z'))).toBe('2026-10-10 Sat 09:00');
  });

  it('follows daylight saving time in zones that have it', () => {
    const newYork = new Zone('America/New_York');
    // 2026-03-08: clocks go from 02:00 to 03:00; 09:00 is then UTC-4.
    expect(newYork.formatIso(newYork.instant(day('2026-03-08'), 9 * 60))).toBe('2026-03-08T09:00:00-04:00');
    expect(newYork.formatIso(newYork.instant(day('2026-03-07'), 9 * 60))).toBe('2026-03-07T09:00:00-05:00');
    // A time in the gap is pushed forward by the gap.
    expect(newYork.formatIso(newYork.instant(day('2026-03-08'), 2 * 60 + 30))).toBe('2026-03-08T03:30:00-04:00');
    // A time in the autumn overlap takes the earlier instant.
    expect(newYork.formatIso(newYork.instant(day('2026-11-01'), 60 + 30))).toBe('2026-11-01T01:30:00-04:00');
    // A day with a transition is 23 hours long.
    expect(newYork.instant(day('2026-03-09'), 0) - newYork.instant(day('2026-03-08'), 0)).toBe(23 * 3_600_000);
  });

  it('refuses a time zone name it does not know', () => {
    expect(() => new Zone('Mars/Olympus_Mons')).toThrow(UnknownTimeZone);
  });
});
