/**
 * Who is on duty now (issue 23): from the roster; with no roster for a role that day, everyone
 * active in the role during the role's calendar (except whoever is on leave that day).
 */
import { isOnDuty } from '../calendar/business-time.ts';
import type { DutyCalendar } from '../calendar/duty-calendar.ts';
import { normalizeIntervals, type Interval } from '../calendar/interval.ts';
import { formatDate } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';
import { peopleOfRole, type Person } from './person.ts';
import { isShift, shiftInterval, type RosterEntry, type RosterShift } from './roster.ts';

export interface DutyContext {
  zone: Zone;
  people: readonly Person[];
  /** The roster entries of at least the day of `at` and the day before (overnight shifts). */
  roster: readonly RosterEntry[];
  calendarOf: (role: string) => DutyCalendar | undefined;
}

/** The shifts of `role` that bear on `at`: those starting on its day, and the day before's that run past midnight. */
function roleShiftsAround(ctx: DutyContext, role: string, at: number): RosterShift[] {
  const day = ctx.zone.dayOf(at);
  const days = new Set([formatDate(day), formatDate(day - 1)]);
  return ctx.roster.filter(isShift).filter((s) => s.role === role && days.has(s.day) && (s.day === formatDate(day) || shiftInterval(ctx.zone, s).end > at));
}

/** True when the role's roster decides `at` (some shift of the role that day); false: everyone of the role is on during its calendar. */
export function isRostered(ctx: DutyContext, role: string, at: number): boolean {
  return roleShiftsAround(ctx, role, at).length > 0;
}

/** The people of `role` on duty at `at` (epoch ms), by id. */
export function onDutyAt(ctx: DutyContext, role: string, at: number): string[] {
  const members = new Set(peopleOfRole(ctx.people, role).map((p) => p.id));
  const shifts = roleShiftsAround(ctx, role, at);
  if (shifts.length > 0) {
    const on = shifts.filter((s) => members.has(s.person)).filter((s) => {
      const i = shiftInterval(ctx.zone, s);
      return i.start <= at && at < i.end;
    });
    return [...new Set(on.map((s) => s.person))].sort((a, b) => a.localeCompare(b));
  }
  const calendar = ctx.calendarOf(role);
  if (calendar === undefined || !isOnDuty(calendar, at)) return [];
  const today = formatDate(ctx.zone.dayOf(at));
  const onLeave = new Set(ctx.roster.filter((e) => !isShift(e) && e.day === today).map((e) => e.person));
  return [...members].filter((p) => !onLeave.has(p));
}

/** A part of a role's hours on a rostered day with nobody rostered. */
export interface RosterGap {
  role: string;
  day: string;
  /** Epoch ms. */
  start: number;
  end: number;
}

/**
 * "A role's queue warns when a shift has nobody rostered": on each day of `days` on which `role`
 * has a roster, the parts of the role's calendar no rostered shift covers. Days without a roster
 * have no gaps (everyone of the role is on).
 */
export function rosterGaps(ctx: DutyContext, role: string, days: readonly number[]): RosterGap[] {
  const calendar = ctx.calendarOf(role);
  if (calendar === undefined) return [];
  const gaps: RosterGap[] = [];
  for (const day of days) {
    const date = formatDate(day);
    const shifts = ctx.roster.filter(isShift).filter((s) => s.role === role && s.day === date);
    if (shifts.length === 0) continue;
    const covered = normalizeIntervals(shifts.map((s) => shiftInterval(ctx.zone, s)));
    for (const hours of calendar.intervalsOn(day)) {
      for (const part of subtract(hours, covered)) gaps.push({ role, day: date, ...part });
    }
  }
  return gaps;
}

function subtract(from: Interval, covered: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let cursor = from.start;
  for (const c of covered) {
    if (c.end <= cursor || c.start >= from.end) continue;
    if (c.start > cursor) out.push({ start: cursor, end: c.start });
    cursor = Math.max(cursor, c.end);
  }
  if (cursor < from.end) out.push({ start: cursor, end: from.end });
  return out;
}
