/**
 * The queue's countdown: remaining on-duty minutes across shifts, nights, a lunch break, a
 * holiday and pauses. 2026-11-30 is a Monday; every expected value is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { ShiftCalendar, type WeeklyShift } from '../../../core/calendar/shift-calendar.ts';
import { countdown, countdownCalendar } from '../../../core/deadline/countdown.ts';
import { dayFromCivil } from '../../../core/time/civil.ts';
import { Zone } from '../../../core/time/zone.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const zone = new Zone('Asia/Shanghai');
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
const at = (local: string): number => Date.parse(`${local}+08:00`);
const hm = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
const shift = (from: string, to: string): WeeklyShift => ({ from: hm(from), to: hm(to), weekdays: EVERY_DAY });

/** ops-cs: 08:00–20:00 every day. */
const dayShift = new ShiftCalendar('ops-cs', zone, [shift('08:00', '20:00')], new Map());
/** An office with a lunch break: 09:00–12:00 and 13:00–18:00. */
const office = new ShiftCalendar('office', zone, [shift('09:00', '12:00'), shift('13:00', '18:00')], new Map());
/** A night desk: 22:00–06:00 (+1 day). */
const nightDesk = new ShiftCalendar('night', zone, [shift('22:00', '06:00')], new Map());
/** 08:00–20:00, but off on 2026-12-01 (a holiday). */
const withHoliday = new ShiftCalendar('ops-cs', zone, [shift('08:00', '20:00')], new Map([[dayFromCivil(2026, 12, 1), { shifts: [], note: '假日' }]]));

describe('countdown: remaining on-duty time', () => {
  it('counts the minutes left inside one shift, rounded down', () => {
    const result = countdown(dayShift, at('2026-11-30T10:00:30'), { due: at('2026-11-30T10:30:00') });
    expect(result).toEqual({ remainingOnDutyMinutes: 29, onDutyNow: true, countingResumesAt: null });
  });

  it('skips the night: 19:50 with due 08:20 next morning leaves 10 + 20 = 30 minutes', () => {
    expect(countdown(dayShift, at('2026-11-30T19:50:00'), { due: at('2026-12-01T08:20:00') }).remainingOnDutyMinutes).toBe(30);
  });

  it('off duty at night: the countdown stands still and says when counting resumes', () => {
    const result = countdown(dayShift, at('2026-11-30T23:00:00'), { due: at('2026-12-01T08:20:00') });
    expect(result).toEqual({ remainingOnDutyMinutes: 20, onDutyNow: false, countingResumesAt: at('2026-12-01T08:00:00') });
  });

  it('leaves the lunch break out: 11:50 to 13:10 is 20 on-duty minutes; at 12:30 counting resumes at 13:00', () => {
    expect(countdown(office, at('2026-11-30T11:50:00'), { due: at('2026-11-30T13:10:00') }).remainingOnDutyMinutes).toBe(20);
    const atLunch = countdown(office, at('2026-11-30T12:30:00'), { due: at('2026-11-30T13:10:00') });
    expect(atLunch).toEqual({ remainingOnDutyMinutes: 10, onDutyNow: false, countingResumesAt: at('2026-11-30T13:00:00') });
  });

  it('counts a night shift across midnight: 23:30 to 01:00 is 90 minutes, on duty', () => {
    expect(countdown(nightDesk, at('2026-11-30T23:30:00'), { due: at('2026-12-01T01:00:00') })).toEqual({
      remainingOnDutyMinutes: 90,
      onDutyNow: true,
      countingResumesAt: null,
    });
  });

  it('skips a holiday: Monday 19:00 to Wednesday 09:00 is 60 + 60 minutes, and on the holiday counting resumes Wednesday 08:00', () => {
    expect(countdown(withHoliday, at('2026-11-30T19:00:00'), { due: at('2026-12-02T09:00:00') }).remainingOnDutyMinutes).toBe(120);
    const onHoliday = countdown(withHoliday, at('2026-12-01T10:00:00'), { due: at('2026-12-02T09:00:00') });
    expect(onHoliday).toEqual({ remainingOnDutyMinutes: 60, onDutyNow: false, countingResumesAt: at('2026-12-02T08:00:00') });
  });

  it('goes negative once breached, counting only on-duty time past due', () => {
    expect(countdown(dayShift, at('2026-11-30T10:40:00'), { due: at('2026-11-30T10:30:00') }).remainingOnDutyMinutes).toBe(-10);
    expect(countdown(dayShift, at('2026-11-30T10:30:20'), { due: at('2026-11-30T10:30:00') }).remainingOnDutyMinutes).toBe(-1);
    // Due 19:30, now 08:30 next day: 30 minutes that evening and 30 this morning.
    expect(countdown(dayShift, at('2026-12-01T08:30:00'), { due: at('2026-11-30T19:30:00') }).remainingOnDutyMinutes).toBe(-60);
  });

  it('is 0, not negative, when due at a shift\'s end and nothing has counted since', () => {
    expect(countdown(dayShift, at('2026-11-30T22:00:00'), { due: at('2026-11-30T20:00:00') }).remainingOnDutyMinutes).toBe(0);
  });

  it('freezes while paused: the time left is measured at the pause\'s start', () => {
    const paused = countdown(dayShift, at('2026-11-30T15:00:00'), { due: at('2026-11-30T11:00:00'), pause: { from: at('2026-11-30T10:45:00') } });
    expect(paused).toEqual({ remainingOnDutyMinutes: 15, onDutyNow: true, countingResumesAt: null });
  });

  it('a pause with `until` resumes counting then, or at the next shift when `until` is off duty', () => {
    const due = at('2026-11-30T11:00:00');
    expect(countdown(dayShift, at('2026-11-30T10:50:00'), { due, pause: { from: at('2026-11-30T10:45:00'), until: at('2026-11-30T14:00:00') } }).countingResumesAt).toBe(
      at('2026-11-30T14:00:00'),
    );
    expect(countdown(dayShift, at('2026-11-30T10:50:00'), { due, pause: { from: at('2026-11-30T10:45:00'), until: at('2026-11-30T21:00:00') } }).countingResumesAt).toBe(
      at('2026-12-01T08:00:00'),
    );
  });

  it('without a deadline there is nothing to count', () => {
    expect(countdown(dayShift, at('2026-11-30T23:00:00'), { due: null })).toEqual({ remainingOnDutyMinutes: null, onDutyNow: false, countingResumesAt: null });
  });
});

describe('countdownCalendar', () => {
  it('uses the role\'s shifts, and every hour for automatic steps', () => {
    const policy = getDefaultPolicy();
    expect(countdownCalendar(policy, 'ops-cs')).toBe(policy.roles.get('ops-cs')?.calendar);
    expect(countdownCalendar(policy, 'automatic')).toBe(policy.everyDay);
  });
});
