/**
 * Rosters (排班, issue 23): per person and Asia/Shanghai day, a shift of one of their roles
 * (`HH:MM`–`HH:MM`, `to` ≤ `from` ends after midnight) or leave (休假). A shift must lie inside its
 * role's on-duty calendar that day (the policy's `roles.<id>.shifts` with their exceptions): the
 * roster says who of the role works which part of the role's hours, never new hours.
 */
import type { DutyCalendar } from '../calendar/duty-calendar.ts';
import type { Interval } from '../calendar/interval.ts';
import { formatDate, parseDate, parseTimeOfDay } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';
import type { Person } from './person.ts';

export interface RosterShift {
  /** `YYYY-MM-DD`, the day the shift starts. */
  day: string;
  person: string;
  role: string;
  /** `HH:MM`. */
  from: string;
  /** `HH:MM`; at or before `from`: the next day's. */
  to: string;
}

export interface RosterLeave {
  day: string;
  person: string;
  leave: true;
}

export type RosterEntry = RosterShift | RosterLeave;

export const isShift = (e: RosterEntry): e is RosterShift => !('leave' in e);

/** A problem with one entry: its index in the request and a sentence naming it. */
export interface RosterIssue {
  index: number;
  message: string;
}

export interface RosterContext {
  zone: Zone;
  people: readonly Person[];
  /** A role's calendar; undefined for an unknown role. */
  calendarOf: (role: string) => DutyCalendar | undefined;
}

/** The instants [start, end) of a shift (epoch ms). */
export function shiftInterval(zone: Zone, shift: Pick<RosterShift, 'day' | 'from' | 'to'>): Interval {
  const day = parseDate(shift.day) ?? Number.NaN;
  const from = parseTimeOfDay(shift.from) ?? Number.NaN;
  const to = parseTimeOfDay(shift.to) ?? Number.NaN;
  return { start: zone.instant(day, from), end: zone.instant(day, to > from ? to : to + 1440) };
}

/**
 * Everything wrong with a roster for the days `from`..`to` (inclusive, `YYYY-MM-DD`): days outside
 * the range, unknown or inactive people, roles they do not hold, malformed times, a shift outside
 * its role's calendar that day, leave beside a shift, overlapping shifts of one person.
 */
export function rosterIssues(entries: readonly RosterEntry[], range: { from: string; to: string }, ctx: RosterContext): RosterIssue[] {
  const issues: RosterIssue[] = [];
  const people = new Map(ctx.people.map((p) => [p.id, p]));
  const taken = new Map<string, { leave: boolean; shifts: Interval[] }>();
  entries.forEach((entry, index) => {
    const issue = (message: string) => issues.push({ index, message });
    const day = parseDate(entry.day);
    if (day === undefined) return issue(`day "${entry.day}" is not a date YYYY-MM-DD`);
    if (entry.day < range.from || entry.day > range.to) return issue(`${entry.day} is outside the roster's days ${range.from}..${range.to}`);
    const person = people.get(entry.person);
    if (person === undefined || !person.active) return issue(`"${entry.person}" is not an active person`);
    const mine = taken.get(`${entry.person}#${entry.day}`) ?? { leave: false, shifts: [] };
    taken.set(`${entry.person}#${entry.day}`, mine);
    if (!isShift(entry)) {
      if (mine.leave || mine.shifts.length > 0) return issue(`${entry.person} has leave and other entries on ${entry.day}`);
      mine.leave = true;
      return undefined;
    }
    if (mine.leave) return issue(`${entry.person} has leave and other entries on ${entry.day}`);
    if (!person.roles.includes(entry.role)) return issue(`${entry.person} does not hold the role ${entry.role} (roles: ${person.roles.join(', ')})`);
    const calendar = ctx.calendarOf(entry.role);
    if (calendar === undefined) return issue(`unknown role "${entry.role}"`);
    const from = parseTimeOfDay(entry.from);
    const to = parseTimeOfDay(entry.to);
    if (from === undefined || to === undefined) return issue(`shift ${entry.from}–${entry.to} is not HH:MM–HH:MM`);
    const shift = shiftInterval(ctx.zone, entry);
    const inside = calendar.intervalsOn(day).some((i) => i.start <= shift.start && shift.end <= i.end);
    if (!inside) {
      return issue(`${entry.person}'s ${entry.role} shift on ${entry.day} ${entry.from}–${entry.to} is outside the ${entry.role} hours that day (${calendar.describeDay(day)})`);
    }
    if (mine.shifts.some((s) => s.start < shift.end && shift.start < s.end)) return issue(`${entry.person} has overlapping shifts on ${entry.day}`);
    mine.shifts.push(shift);
    return undefined;
  });
  return issues;
}

/** The days `from`..`to` inclusive as `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): string[] {
  const a = parseDate(from);
  const b = parseDate(to);
  if (a === undefined || b === undefined) return [];
  const out: string[] = [];
  for (let d = a; d <= b; d++) out.push(formatDate(d));
  return out;
}
