/**
 * The statutory working-day calendar (工作日) and the every-day calendar. The 2026 facts come from
 * the State Council schedule: Mid-Autumn 09-25..09-27 and National Day 10-01..10-07 off, with
 * Sunday 09-20 and Saturday 10-10 worked instead (调休).
 */
import { describe, expect, it } from 'vitest';
import { addOnDuty, isOnDuty, nextOnDuty, onDutyBetween } from '../../../core/calendar/business-time.ts';
import { EveryDayCalendar } from '../../../core/calendar/every-day.ts';
import { WorkingDayCalendar, WorkingDayKind } from '../../../core/calendar/working-days.ts';
import { dayFromCivil } from '../../../core/time/civil.ts';
import { Zone } from '../../../core/time/zone.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const DAY = 24 * 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const day = (y: number, m: number, d: number): number => dayFromCivil(y, m, d);

describe('the default working-day calendar in 2026', () => {
  const calendar = getDefaultPolicy().workingDays;

  it.each([
    ['2026-09-18', day(2026, 9, 18), WorkingDayKind.Workday, true],
    ['2026-09-19', day(2026, 9, 19), WorkingDayKind.Weekend, false],
    ['2026-09-20', day(2026, 9, 20), WorkingDayKind.AdjustedWorkday, true],
    ['2026-09-25', day(2026, 9, 25), WorkingDayKind.Holiday, false],
    ['2026-09-26', day(2026, 9, 26), WorkingDayKind.Holiday, false],
    ['2026-09-27', day(2026, 9, 27), WorkingDayKind.Holiday, false],
    ['2026-09-28', day(2026, 9, 28), WorkingDayKind.Workday, true],
    ['2026-10-01', day(2026, 10, 1), WorkingDayKind.Holiday, false],
    ['2026-10-07', day(2026, 10, 7), WorkingDayKind.Holiday, false],
    ['2026-10-08', day(2026, 10, 8), WorkingDayKind.Workday, true],
    ['2026-10-10', day(2026, 10, 10), WorkingDayKind.AdjustedWorkday, true],
    ['2026-10-11', day(2026, 10, 11), WorkingDayKind.Weekend, false],
  ] as const)('classifies %s as %s (working: %s)', (_date, n, kind, working) => {
    expect(calendar.info(n).kind).toBe(kind);
    expect(calendar.isWorkingDay(n)).toBe(working);
  });

  it('names the holiday of a holiday and of its adjusted working day', () => {
    expect(calendar.describeDay(day(2026, 10, 1))).toBe('public holiday (National Day 国庆节)');
    expect(calendar.describeDay(day(2026, 10, 10))).toBe('adjusted working day 调休 (National Day 国庆节)');
    expect(calendar.describeDay(day(2026, 9, 26))).toMatch(/^public holiday \(Mid-autumn Festival 中秋\)$/);
  });

  it('knows 2026 holiday data but not 2027 (not yet published in the package)', () => {
    expect(calendar.hasHolidayDataFor(day(2026, 6, 1))).toBe(true);
    expect(calendar.hasHolidayDataFor(day(2027, 6, 1))).toBe(false);
  });

  it('is on duty all day on working days and not at all on holidays', () => {
    expect(calendar.intervalsOn(day(2026, 10, 10))).toEqual([{ start: at('2026-10-10T00:00+08:00'), end: at('2026-10-11T00:00+08:00') }]);
    expect(calendar.intervalsOn(day(2026, 10, 3))).toEqual([]);
    expect(nextOnDuty(calendar, at('2026-09-30T12:00+08:00'))).toBe(at('2026-09-30T12:00+08:00'));
    expect(nextOnDuty(calendar, at('2026-10-01T00:00+08:00'))).toBe(at('2026-10-08T00:00+08:00'));
  });

  it('counts the working days of the holiday weeks', () => {
    // 09-20 .. 10-11: 09-20, 09-21..24, 09-28..30, 10-08, 10-09, 10-10 = 11 working days
    expect(onDutyBetween(calendar, at('2026-09-20T00:00+08:00'), at('2026-10-12T00:00+08:00'))).toBe(11 * DAY);
    // two working days from the end of 09-30 end on 10-09 at midnight
    expect(addOnDuty(calendar, at('2026-10-01T00:00+08:00'), 2 * DAY)).toBe(at('2026-10-10T00:00+08:00'));
  });
});

describe('a working-day calendar built directly', () => {
  const zone = new Zone('Asia/Shanghai');
  const calendar = new WorkingDayCalendar(
    zone,
    new Map([[day(2027, 1, 1), 'New Year']]),
    new Map([[day(2027, 1, 2), 'New Year']]),
    new Set([2027]),
  );

  it('applies its holidays and adjusted working days over Monday–Friday', () => {
    expect(calendar.isWorkingDay(day(2027, 1, 1))).toBe(false); // a Friday made a holiday
    expect(calendar.isWorkingDay(day(2027, 1, 2))).toBe(true); // a Saturday worked
    expect(calendar.isWorkingDay(day(2027, 1, 3))).toBe(false); // Sunday
    expect(calendar.isWorkingDay(day(2027, 1, 4))).toBe(true); // Monday
    expect(isOnDuty(calendar, at('2027-01-02T23:59+08:00'))).toBe(true);
    expect(isOnDuty(calendar, at('2027-01-03T00:00+08:00'))).toBe(false);
  });
});

describe('the every-day calendar of same-day rules', () => {
  const everyDay = new EveryDayCalendar(new Zone('Asia/Shanghai'));

  it('is on duty around the clock, holidays included', () => {
    expect(isOnDuty(everyDay, at('2026-10-01T03:00+08:00'))).toBe(true);
    expect(onDutyBetween(everyDay, at('2026-10-01T00:00+08:00'), at('2026-10-03T00:00+08:00'))).toBe(2 * DAY);
    expect(addOnDuty(everyDay, at('2026-10-01T22:00+08:00'), 3 * 3_600_000)).toBe(at('2026-10-02T01:00+08:00'));
    expect(everyDay.describeDay()).toBe('all day');
  });
});
