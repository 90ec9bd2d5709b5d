/**
 * Business-time arithmetic on role calendars: split shifts, shifts crossing midnight, per-date
 * exceptions, pauses inside and outside duty, and calendars with no duty time at all.
 * 2026-11-26 is a Thursday; expected values are worked out by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addOnDuty, isOnDuty, nextOnDuty, onDutyBetween, type TraceSegment } from '../../../core/calendar/business-time.ts';
import { CalendarExhausted } from '../../../core/calendar/errors.ts';
import { ShiftCalendar, type DateException, type WeeklyShift } from '../../../core/calendar/shift-calendar.ts';
import { due } from '../../../core/deadline/due.ts';
import type { CompiledPolicy } from '../../../core/deadline/types.ts';
import { dayFromCivil } from '../../../core/time/civil.ts';
import { Zone } from '../../../core/time/zone.ts';
import { compilePolicy } from '../../../policy/compile.ts';
import { DEFAULT_POLICY_PATH, getDefaultPolicy, parsePolicy } from '../../../policy/load.ts';

const zone = new Zone('Asia/Shanghai');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`bad test time ${iso}`);
  return ms;
};
const hm = (text: string): number => {
  const [h, m] = text.split(':').map(Number);
  return (h as number) * 60 + (m as number);
};
const shift = (from: string, to: string, weekdays: readonly number[] = EVERY_DAY): WeeklyShift => ({ from: hm(from), to: hm(to), weekdays });
const calendar = (id: string, weekly: WeeklyShift[], exceptions: [string, DateException][] = []): ShiftCalendar =>
  new ShiftCalendar(
    id,
    zone,
    weekly,
    new Map(exceptions.map(([date, e]) => {
      const [y, m, d] = date.split('-').map(Number);
      return [dayFromCivil(y as number, m as number, d as number), e];
    })),
  );

/** The default policy document, to be edited by a test and compiled again. */
function defaultDocument(): Record<string, unknown> & { roles: Record<string, unknown> } {
  return JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown> & { roles: Record<string, unknown> };
}

describe('a split shift with a lunch break (08:00–12:00, 13:00–18:00)', () => {
  const lunch = calendar('split', [shift('08:00', '12:00'), shift('13:00', '18:00')]);

  it('is on duty from the start of each piece up to, not including, its end', () => {
    expect(isOnDuty(lunch, at('2026-11-26T08:00+08:00'))).toBe(true);
    expect(isOnDuty(lunch, at('2026-11-26T11:59:59.999+08:00'))).toBe(true);
    expect(isOnDuty(lunch, at('2026-11-26T12:00+08:00'))).toBe(false);
    expect(isOnDuty(lunch, at('2026-11-26T12:30+08:00'))).toBe(false);
    expect(isOnDuty(lunch, at('2026-11-26T13:00+08:00'))).toBe(true);
    expect(isOnDuty(lunch, at('2026-11-26T18:00+08:00'))).toBe(false);
  });

  it('comes back on duty at 13:00 when asked during lunch', () => {
    expect(nextOnDuty(lunch, at('2026-11-26T12:00+08:00'))).toBe(at('2026-11-26T13:00+08:00'));
    expect(nextOnDuty(lunch, at('2026-11-26T12:45+08:00'))).toBe(at('2026-11-26T13:00+08:00'));
    expect(nextOnDuty(lunch, at('2026-11-26T18:00+08:00'))).toBe(at('2026-11-27T08:00+08:00'));
  });

  it('counts 9 hours a day and skips lunch when measuring', () => {
    expect(onDutyBetween(lunch, at('2026-11-26T00:00+08:00'), at('2026-11-27T00:00+08:00'))).toBe(9 * HOUR);
    expect(onDutyBetween(lunch, at('2026-11-26T11:00+08:00'), at('2026-11-26T14:00+08:00'))).toBe(2 * HOUR);
    expect(onDutyBetween(lunch, at('2026-11-26T14:00+08:00'), at('2026-11-26T11:00+08:00'))).toBe(0);
  });

  it('carries a count across lunch', () => {
    expect(addOnDuty(lunch, at('2026-11-26T11:30+08:00'), 60 * MINUTE)).toBe(at('2026-11-26T13:30+08:00'));
  });

  it('ends a count that fills the morning exactly at 12:00, not at 13:00', () => {
    expect(addOnDuty(lunch, at('2026-11-26T11:30+08:00'), 30 * MINUTE)).toBe(at('2026-11-26T12:00+08:00'));
  });

  it('carries a count over the night into the next morning', () => {
    expect(addOnDuty(lunch, at('2026-11-26T17:30+08:00'), 60 * MINUTE)).toBe(at('2026-11-27T08:30+08:00'));
  });

  it('gives a zero amount back unchanged, even off duty', () => {
    expect(addOnDuty(lunch, at('2026-11-26T12:30+08:00'), 0)).toBe(at('2026-11-26T12:30+08:00'));
  });
});

describe('pauses on a split-shift calendar', () => {
  const lunch = calendar('split', [shift('08:00', '12:00'), shift('13:00', '18:00')]);
  const from = at('2026-11-26T08:00+08:00');

  it('pushes the due by a pause inside duty', () => {
    const pause = { start: at('2026-11-26T10:00+08:00'), end: at('2026-11-26T10:30+08:00') };
    // 08–10 (2h), paused, 10:30–12 (1h30), 13:00–13:30 (30m)
    expect(addOnDuty(lunch, from, 4 * HOUR, [pause])).toBe(at('2026-11-26T13:30+08:00'));
  });

  it('ignores a pause that lies inside the lunch break', () => {
    const pause = { start: at('2026-11-26T12:10+08:00'), end: at('2026-11-26T12:50+08:00') };
    expect(addOnDuty(lunch, from, 5 * HOUR, [pause])).toBe(at('2026-11-26T14:00+08:00'));
    expect(addOnDuty(lunch, from, 5 * HOUR)).toBe(at('2026-11-26T14:00+08:00'));
  });

  it('counts only the on-duty part of a pause straddling lunch', () => {
    const pause = { start: at('2026-11-26T11:30+08:00'), end: at('2026-11-26T13:30+08:00') };
    // an hour of the pause is on duty: 5h of work ends at 15:00 instead of 14:00
    expect(addOnDuty(lunch, from, 5 * HOUR, [pause])).toBe(at('2026-11-26T15:00+08:00'));
  });

  it('carries a pause over the night and records the timeline', () => {
    const pause = { start: at('2026-11-26T09:00+08:00'), end: at('2026-11-27T09:00+08:00') };
    const trace: TraceSegment[] = [];
    expect(addOnDuty(lunch, from, 2 * HOUR, [pause], trace)).toBe(at('2026-11-27T10:00+08:00'));
    expect(trace).toEqual([
      { kind: 'counted', start: at('2026-11-26T08:00+08:00'), end: at('2026-11-26T09:00+08:00') },
      { kind: 'paused', start: at('2026-11-26T09:00+08:00'), end: at('2026-11-26T12:00+08:00') },
      { kind: 'paused', start: at('2026-11-26T13:00+08:00'), end: at('2026-11-26T18:00+08:00') },
      { kind: 'paused', start: at('2026-11-27T08:00+08:00'), end: at('2026-11-27T09:00+08:00') },
      { kind: 'counted', start: at('2026-11-27T09:00+08:00'), end: at('2026-11-27T10:00+08:00') },
    ]);
  });

  it('handles several pauses in a row', () => {
    const pauses = [
      { start: at('2026-11-26T08:30+08:00'), end: at('2026-11-26T09:00+08:00') },
      { start: at('2026-11-26T09:30+08:00'), end: at('2026-11-26T10:00+08:00') },
    ];
    expect(addOnDuty(lunch, from, 2 * HOUR, pauses)).toBe(at('2026-11-26T11:00+08:00'));
  });
});

describe('a night shift crossing midnight (22:00–06:00)', () => {
  const night = calendar('night', [shift('22:00', '06:00')]);

  it('lays the shift from 22:00 to 06:00 the next day', () => {
    const thursday = dayFromCivil(2026, 11, 26);
    expect(night.intervalsOn(thursday)).toEqual([{ start: at('2026-11-26T22:00+08:00'), end: at('2026-11-27T06:00+08:00') }]);
    expect(night.describeDay(thursday)).toBe('22:00–06:00 (+1 day)');
  });

  it('is on duty after midnight on the shift started the day before', () => {
    expect(isOnDuty(night, at('2026-11-27T02:00+08:00'))).toBe(true);
    expect(isOnDuty(night, at('2026-11-27T06:00+08:00'))).toBe(false);
    expect(isOnDuty(night, at('2026-11-26T21:59+08:00'))).toBe(false);
    expect(nextOnDuty(night, at('2026-11-27T07:00+08:00'))).toBe(at('2026-11-27T22:00+08:00'));
  });

  it('counts through midnight and on to the next night', () => {
    expect(addOnDuty(night, at('2026-11-26T23:00+08:00'), 8 * HOUR)).toBe(at('2026-11-27T23:00+08:00'));
    expect(addOnDuty(night, at('2026-11-27T05:00+08:00'), HOUR)).toBe(at('2026-11-27T06:00+08:00'));
  });

  it('measures a calendar day as the tail of one night plus the head of the next', () => {
    // Wed night covers Thu 00–06, Thu night covers 22–24
    expect(onDutyBetween(night, at('2026-11-26T00:00+08:00'), at('2026-11-27T00:00+08:00'))).toBe(8 * HOUR);
  });

  it('runs into Saturday morning on a shift that starts only on Fridays', () => {
    const fridays = calendar('fri-night', [shift('22:00', '06:00', [5])]);
    expect(isOnDuty(fridays, at('2026-11-28T03:00+08:00'))).toBe(true);
    expect(isOnDuty(fridays, at('2026-11-26T23:00+08:00'))).toBe(false);
    expect(nextOnDuty(fridays, at('2026-11-28T06:00+08:00'))).toBe(at('2026-12-04T22:00+08:00'));
  });

  it('merges a day shift with an overlapping evening shift that crosses midnight', () => {
    const long = calendar('long', [shift('08:00', '20:00'), shift('18:00', '02:00')]);
    // Wed evening 00–02, then 08:00–24:00 Thu
    expect(onDutyBetween(long, at('2026-11-26T00:00+08:00'), at('2026-11-27T00:00+08:00'))).toBe(18 * HOUR);
    expect(addOnDuty(long, at('2026-11-26T19:00+08:00'), 3 * HOUR)).toBe(at('2026-11-26T22:00+08:00'));
    expect(addOnDuty(long, at('2026-11-26T19:00+08:00'), 8 * HOUR)).toBe(at('2026-11-27T09:00+08:00'));
  });
});

describe('weekly shifts on some weekdays only', () => {
  const weekdays = calendar('office', [shift('09:00', '17:00', [1, 2, 3, 4, 5])]);

  it('skips the weekend', () => {
    // Friday 16:00 + 2h: 1h Friday, 1h Monday
    expect(addOnDuty(weekdays, at('2026-11-27T16:00+08:00'), 2 * HOUR)).toBe(at('2026-11-30T10:00+08:00'));
    expect(nextOnDuty(weekdays, at('2026-11-28T10:00+08:00'))).toBe(at('2026-11-30T09:00+08:00'));
  });
});

describe('per-date exceptions', () => {
  const office = calendar('office', [shift('09:00', '17:00')], [
    ['2026-10-01', { shifts: [], note: '国庆' }],
    ['2026-10-02', { shifts: [{ from: hm('10:00'), to: hm('12:00') }], note: 'short day' }],
    ['2026-10-03', { shifts: [{ from: hm('20:00'), to: hm('04:00') }], note: undefined }],
  ]);

  it('takes a day off and describes it with its note', () => {
    expect(office.describeDay(dayFromCivil(2026, 10, 1))).toBe('off (国庆)');
    expect(office.intervalsOn(dayFromCivil(2026, 10, 1))).toEqual([]);
    expect(isOnDuty(office, at('2026-10-01T10:00+08:00'))).toBe(false);
  });

  it('replaces the weekly hours of a date', () => {
    expect(office.describeDay(dayFromCivil(2026, 10, 2))).toBe('10:00–12:00 (short day)');
    expect(isOnDuty(office, at('2026-10-02T09:30+08:00'))).toBe(false);
    expect(isOnDuty(office, at('2026-10-02T11:00+08:00'))).toBe(true);
  });

  it('counts across the day off and the short day', () => {
    // 1h on 09-30, nothing on 10-01, 10:00–11:00 on 10-02
    expect(addOnDuty(office, at('2026-09-30T16:00+08:00'), 2 * HOUR)).toBe(at('2026-10-02T11:00+08:00'));
    // 2h on 10-02 fills it; the rest starts 20:00 on 10-03
    expect(addOnDuty(office, at('2026-10-02T10:00+08:00'), 3 * HOUR)).toBe(at('2026-10-03T21:00+08:00'));
  });

  it('lets an exception shift cross midnight', () => {
    expect(isOnDuty(office, at('2026-10-04T03:00+08:00'))).toBe(true);
    expect(isOnDuty(office, at('2026-10-04T04:00+08:00'))).toBe(false);
    expect(nextOnDuty(office, at('2026-10-04T04:00+08:00'))).toBe(at('2026-10-04T09:00+08:00'));
  });
});

describe('role calendars built from a policy document', () => {
  it('compiles split shifts, weekday shifts and date exceptions from the policy', () => {
    const doc = defaultDocument();
    doc.roles['ops-cs'] = {
      label: 'ops with lunch',
      shifts: [
        { from: '08:00', to: '12:00' },
        { from: '13:00', to: '20:00' },
        { from: '22:00', to: '02:00', days: ['fri'] },
      ],
      exceptions: [{ date: '2026-11-30', shifts: [], note: 'training' }],
    };
    const policy = compilePolicy(parsePolicy(doc, 'test'));
    const ops = policy.roles.get('ops-cs')?.calendar as ShiftCalendar;
    expect(onDutyBetween(ops, at('2026-11-26T00:00+08:00'), at('2026-11-27T00:00+08:00'))).toBe(11 * HOUR);
    expect(isOnDuty(ops, at('2026-11-28T01:00+08:00'))).toBe(true);
    expect(ops.describeDay(dayFromCivil(2026, 11, 30))).toBe('off (training)');

    // order.review, 30 min on duty: 11:50 → 10 min before lunch, 20 min after
    expect(due('order.review', at('2026-11-26T11:50+08:00'), {}, [], policy).due).toBe(at('2026-11-26T13:20+08:00'));
    // Friday's late shift: 23:00 is on duty, so 30 min → 23:30
    expect(due('order.review', at('2026-11-27T23:00+08:00'), {}, [], policy).due).toBe(at('2026-11-27T23:30+08:00'));
    // Sunday 21:00 is off duty, Monday is a training day off: by 09:00 Tuesday
    const sunday = due('order.review', at('2026-11-29T21:00+08:00'), {}, [], policy);
    expect(sunday.clockStart).toBe(at('2026-12-01T08:00+08:00'));
    expect(sunday.due).toBe(at('2026-12-01T09:00+08:00'));
    expect(sunday.warnAt).toBe(at('2026-12-01T08:48+08:00'));
  });

  it('falls back to the 30-minute budget when a review opens at lunch, after 09:00 (engine choice)', () => {
    const doc = defaultDocument();
    doc.roles['ops-cs'] = { label: 'ops with lunch', shifts: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '20:00' }] };
    const policy = compilePolicy(parsePolicy(doc, 'test'));
    const result = due('order.review', at('2026-11-26T12:30+08:00'), {}, [], policy);
    expect(result.clockStart).toBe(at('2026-11-26T13:00+08:00'));
    expect(result.due).toBe(at('2026-11-26T13:30+08:00'));
    expect(result.explain.some((l) => l.includes('09:00 is not after the clock start'))).toBe(true);
  });
});

describe('calendars with no duty time', () => {
  const nobody = calendar('nobody', []);
  const from = at('2026-11-26T10:00+08:00');

  it('cannot find the next on-duty instant', () => {
    expect(() => nextOnDuty(nobody, from)).toThrow(CalendarExhausted);
    expect(() => nextOnDuty(nobody, from)).toThrow(/calendar "nobody" has no on-duty time in the \d+ days after 2026-11-26T10:00:00\+08:00/);
  });

  it('cannot add on-duty time', () => {
    expect(() => addOnDuty(nobody, from, MINUTE)).toThrow(CalendarExhausted);
  });

  it('cannot add on-duty time when every duty day is paused away', () => {
    const office = calendar('office', [shift('09:00', '17:00')]);
    const forever = { start: from, end: from + 3 * 366 * 24 * HOUR };
    expect(() => addOnDuty(office, from, MINUTE, [forever])).toThrow(CalendarExhausted);
  });

  it('reports the exhausted role calendar from due()', () => {
    const base = getDefaultPolicy();
    const roles = new Map(base.roles);
    roles.set('complaint-handler', { id: 'complaint-handler', label: 'nobody', calendar: calendar('complaint-handler', []) });
    const policy: CompiledPolicy = { ...base, roles };
    expect(() => due('complaint.acknowledge', from, {}, [], policy)).toThrow(CalendarExhausted);
    expect(() => due('complaint.investigate', from, {}, [], policy)).toThrow(/calendar "complaint-handler"/);
  });
});
