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

  describe('daylight saving time, as EventBridge Scheduler documents it: a local time that does not exist is skipped, a repeated one fires once', () => {
    /** Every firing in [from, to), as the fire loop asks for them. */
    const firings = (r: Recurrence, from: string, to: string): string[] => {
      const out: string[] = [];
      for (let at = nextFireAfter(r, Date.parse(from), false); at !== undefined && at < Date.parse(to); at = nextFireAfter(r, at, true)) out.push(new Date(at).toISOString());
      return out;
    };

    it('America/New_York: 02:30 does not exist on 2026-03-08; 01:00 and 01:30 happen twice on 2026-11-01 but fire once each', () => {
      expect(firings(recurrence('cron(30 2 * * ? *)', 'America/New_York'), '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
        '2026-03-07T07:30:00.000Z', // 02:30 EST
        '2026-03-09T06:30:00.000Z', // 02:30 EDT; none on the 8th
      ]);
      expect(firings(recurrence('cron(0,30 1 * * ? *)', 'America/New_York'), '2026-11-01T00:00:00Z', '2026-11-02T12:00:00Z')).toEqual([
        '2026-11-01T05:00:00.000Z', // 01:00 EDT
        '2026-11-01T05:30:00.000Z', // 01:30 EDT; not again at 01:00/01:30 EST
        '2026-11-02T06:00:00.000Z',
        '2026-11-02T06:30:00.000Z',
      ]);
    });

    it('Europe/London: 01:30 does not exist on 2026-03-29; 01:15 fires once on 2026-10-25', () => {
      expect(firings(recurrence('cron(30 1 * * ? *)', 'Europe/London'), '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
      expect(firings(recurrence('cron(15 1 * * ? *)', 'Europe/London'), '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z')).toEqual(['2026-10-25T00:15:00.000Z', '2026-10-26T01:15:00.000Z']);
    });

    it('Australia/Sydney (southern spring in October): 02:30 is skipped on 2026-10-04 and fires once on 2026-04-05', () => {
      expect(firings(recurrence('cron(30 2 * * ? *)', 'Australia/Sydney'), '2026-10-02T12:00:00Z', '2026-10-05T12:00:00Z')).toEqual(['2026-10-02T16:30:00.000Z', '2026-10-04T15:30:00.000Z']);
      expect(firings(recurrence('cron(30 2 * * ? *)', 'Australia/Sydney'), '2026-04-04T12:00:00Z', '2026-04-06T12:00:00Z')).toEqual(['2026-04-04T15:30:00.000Z', '2026-04-05T16:30:00.000Z']);
    });

    it('a schedule created inside the repeated hour fires at the repeat still ahead of it', () => {
      // 01:10 EST, the second 01:10 of 2026-11-01 in New York: 01:30 EDT has passed, 01:30 EST has not.
      expect(next(recurrence('cron(30 1 * * ? *)', 'America/New_York'), '2026-11-01T06:10:00Z')).toBe('2026-11-01T06:30:00.000Z');
    });
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
