import { EveryDayCalendar } from '../core/calendar/every-day.ts';
import { PickupSchedule } from '../core/calendar/pickup-schedule.ts';
import { ShiftCalendar, type DateException } from '../core/calendar/shift-calendar.ts';
import { WorkingDayCalendar } from '../core/calendar/working-days.ts';
import type { CompiledPolicy, RolePolicy, StepPolicy } from '../core/deadline/types.ts';
import { civilFromDay, WEEKDAYS } from '../core/time/civil.ts';
import { Zone } from '../core/time/zone.ts';
import { compileAlarms } from './alarms.ts';
import { compileNotices } from './notices.ts';
import { chineseDaysData } from './holiday-data.ts';
import { statutoryHolidays } from './statutory-holidays.ts';
import type { PolicyDocument } from './schema.ts';

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6] as const;

/** Builds the calendars of a validated policy document. */
export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  const zone = new Zone(doc.timeZone);

  const builtIn = doc.workingDays.holidayData === 'chinese-days' ? chineseDaysData() : undefined;
  const holidays = new Map(builtIn?.holidays);
  const adjustedWorkdays = new Map(builtIn?.adjustedWorkdays);
  const years = new Set(builtIn?.years);
  const removed = new Set(doc.workingDays.removedHolidays);
  const statutory = (year: number): Map<number, string> => new Map([...statutoryHolidays(year)].filter(([day]) => !removed.has(day)));
  // A year the policy adds starts from its statutory holidays: listing only 元旦 and 春节 must not
  // drop 清明 and the rest (issue 28 item 13); removedHolidays takes one out explicitly.
  for (const year of policyOnlyYears(doc, builtIn?.years)) for (const [day, name] of statutory(year)) holidays.set(day, name);
  // Policy entries win over the built-in data, so a correction or a new year needs no code change.
  for (const h of doc.workingDays.holidays) {
    holidays.set(h.date, h.name);
    adjustedWorkdays.delete(h.date);
    years.add(civilFromDay(h.date).year);
  }
  for (const w of doc.workingDays.adjustedWorkdays) {
    adjustedWorkdays.set(w.date, w.name);
    holidays.delete(w.date);
    years.add(civilFromDay(w.date).year);
  }
  for (const day of removed) holidays.delete(day);

  const workingDays = new WorkingDayCalendar(zone, holidays, adjustedWorkdays, years, statutory);

  const roles = new Map<string, RolePolicy>();
  for (const [id, role] of Object.entries(doc.roles)) {
    const exceptions = new Map<number, DateException>(role.exceptions.map((e) => [e.date, { shifts: e.shifts, note: e.note }]));
    const weekly = role.shifts.map((s) => ({ from: s.from, to: s.to, weekdays: s.days ?? EVERY_DAY }));
    const onDay = role.workingDaysOnly ? (day: number) => workingDays.isWorkingDay(day) : undefined;
    roles.set(id, { id, label: role.label, calendar: new ShiftCalendar(id, zone, weekly, exceptions, onDay) });
  }

  const pickup = new PickupSchedule(
    zone,
    new Set(doc.pickup.days.map((d) => WEEKDAYS.indexOf(d))),
    doc.pickup.batches.map((b) => ({ at: b.at, cutoff: b.ordersBefore })),
    new Map(doc.pickup.exceptions.map((e) => [e.date, e.pickup])),
    doc.pickup.leadMinutes,
    doc.pickup.stepShares,
  );

  const steps = new Map<string, StepPolicy>();
  for (const [id, s] of Object.entries(doc.steps)) {
    steps.set(id, { id, role: s.role, scope: s.scope, rule: s.rule, warn: s.warn, ...(s.escalateAtWarning !== undefined ? { escalateAtWarning: s.escalateAtWarning } : {}), description: s.description });
  }

  const chatRole = roles.get(doc.chat.role);
  if (chatRole === undefined) throw new RangeError(`chat.role: unknown role "${doc.chat.role}"`); // the schema checks this first

  return {
    zone,
    warnFraction: doc.warnAt,
    roles,
    workingDays,
    everyDay: new EveryDayCalendar(zone),
    pickup,
    steps,
    alarms: compileAlarms(doc.alarms),
    escalation: {
      levels: doc.escalation.levels.map((role) => {
        const calendar = roles.get(role)?.calendar;
        if (calendar === undefined) throw new RangeError(`escalation.levels: unknown role "${role}"`); // the schema checks this first
        return { role, calendar };
      }),
    },
    serialNumbers: { serializedSkus: doc.serialNumbers.serializedSkus },
    assignment: new Map(Object.entries(doc.assignment)),
    chat: { calendar: chatRole.calendar, greetingSeconds: doc.chat.greetingSeconds, replySeconds: doc.chat.replySeconds },
    carriers: doc.carriers,
    notices: compileNotices(doc.notices),
    assessment: doc.assessment,
  };
}

/** Years with holiday entries in the policy and none in the built-in data. */
export function policyOnlyYears(doc: PolicyDocument, builtInYears: ReadonlySet<number> | undefined): number[] {
  const years = new Set([...doc.workingDays.holidays, ...doc.workingDays.adjustedWorkdays].map((e) => civilFromDay(e.date).year));
  return [...years].filter((y) => builtInYears?.has(y) !== true).sort((a, b) => a - b);
}
