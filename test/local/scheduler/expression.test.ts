import { describe, expect, it } from 'vitest';
import { nextFireAfter, parseScheduleExpression, type Recurrence } from '../../../local/scheduler/index.ts';

const recurrence = (expression: string, timeZone = 'UTC', extra: Partial<Recurrence> = {}): Recurrence => ({
  expression: parseScheduleExpression(expression),
  timeZone,
  anchor: Date.parse('2026-01-01T00:00:00Z'),
  ...extra,
});

const next = (r: Recurrence, after: string): string | undefined => {
  const at = nextFireAfter(r, Date.parse(after), false);
  return at === undefined ? undefined : new Date(at).toISOString();
};

describe('schedule expressions', () => {
  it('maps AWS day-of-week numbers 1–7 to Sunday–Saturday', () => {
    expect(next(recurrence('cron(0 9 ? * 2 *)'), '2026-11-28T00:00:00Z')).toBe('2026-11-30T09:00:00.000Z'); // 2 = Monday
    expect(next(recurrence('cron(0 9 ? * 1 *)'), '2026-11-28T00:00:00Z')).toBe('2026-11-29T09:00:00.000Z'); // 1 = Sunday
  });

  it('supports day-of-month, L and the year field', () => {
    expect(next(recurrence('cron(30 8 15 * ? *)'), '2026-11-28T00:00:00Z')).toBe('2026-12-15T08:30:00.000Z');
    expect(next(recurrence('cron(0 0 L * ? 2027)'), '2026-11-28T00:00:00Z')).toBe('2027-01-31T00:00:00.000Z');
    expect(next(recurrence('cron(0 0 1 1 ? 2025)'), '2026-11-28T00:00:00Z')).toBeUndefined();
  });

  it('follows daylight saving time in the schedule time zone', () => {
    // New York switches to EDT on 2026-03-08: 09:00 local is 14:00Z before and 13:00Z after.
    expect(next(recurrence('cron(0 9 * * ? *)', 'America/New_York'), '2026-03-07T15:00:00Z')).toBe('2026-03-08T13:00:00.000Z');
    expect(next(recurrence('cron(0 9 * * ? *)', 'America/New_York'), '2026-03-06T15:00:00Z')).toBe('2026-03-07T14:00:00.000Z');
    expect(next(recurrence('at(2026-07-01T09:00:00)', 'America/New_York'), '2026-01-01T00:00:00Z')).toBe('2026-07-01T13:00:00.000Z');
  });

  it('keeps cron within StartDate and EndDate', () => {
    const r = recurrence('cron(0 12 * * ? *)', 'UTC', { startDate: Date.parse('2026-12-01T00:00:00Z'), endDate: Date.parse('2026-12-02T23:00:00Z') });
    expect(next(r, '2026-11-28T00:00:00Z')).toBe('2026-12-01T12:00:00.000Z');
    expect(next(r, '2026-12-02T12:00:00Z')).toBeUndefined();
  });

  it('starts rate() at StartDate when one is given', () => {
    const r = recurrence('rate(2 hours)', 'UTC', { startDate: Date.parse('2026-12-01T00:00:00Z') });
    expect(next(r, '2026-11-28T00:00:00Z')).toBe('2026-12-01T00:00:00.000Z');
    expect(next(r, '2026-12-01T00:00:00Z')).toBe('2026-12-01T02:00:00.000Z');
  });

  it('fires at() once', () => {
    const r = recurrence('at(2026-12-01T00:00:00)');
    expect(next(r, '2026-11-28T00:00:00Z')).toBe('2026-12-01T00:00:00.000Z');
    expect(nextFireAfter(r, Date.parse('2026-12-01T00:00:00Z'), true)).toBeUndefined();
  });
});
