import { formatDate, WEEKDAYS, weekdayOf } from '../../core/time/civil.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { dateOption, parseCommandArgs, policyFrom, positiveIntOption } from './options.ts';
import { UsageError } from './usage-error.ts';

export const CALENDAR_USAGE = 'calendar <role|working-days|pickup-days> --from <YYYY-MM-DD> --days <N> [--policy <file> | --data <dir>]';

/** `sla calendar`: the on-duty intervals or days of a calendar, for operators checking a policy. */
export function calendarCommand(args: string[]): unknown {
  const { values, positionals } = parseCommandArgs(
    args,
    { from: { type: 'string' }, days: { type: 'string' }, policy: { type: 'string' }, data: { type: 'string' } },
    'calendar',
  );
  if (positionals.length !== 1) throw new UsageError(`calendar: expected one calendar name (usage: ${CALENDAR_USAGE})`);
  if (values.from === undefined) throw new UsageError('calendar: --from <YYYY-MM-DD> is required');
  if (values.days === undefined) throw new UsageError('calendar: --days <N> is required');
  const from = dateOption('--from', values.from);
  const count = positiveIntOption('--days', values.days, 3660);
  const policy = policyFrom(values.policy, values.data);
  const name = positionals[0] as string;
  const days = Array.from({ length: count }, (_, i) => from + i);
  const entry = entryFor(name, policy);
  return { calendar: name, timeZone: policy.zone.name, from: formatDate(from), days: days.map((day) => ({ date: formatDate(day), weekday: WEEKDAYS[weekdayOf(day)], ...entry(day) })) };
}

function entryFor(name: string, policy: CompiledPolicy): (day: number) => Record<string, unknown> {
  const iso = (ms: number): string => policy.zone.formatIso(ms);
  if (name === 'working-days') {
    return (day) => {
      const info = policy.workingDays.info(day);
      return { working: info.working, kind: info.kind, name: info.name ?? null, holidayDataKnown: policy.workingDays.hasHolidayDataFor(day) };
    };
  }
  if (name === 'pickup-days') {
    return (day) => {
      const pickup = policy.pickup.isPickupDay(day);
      return { pickup, batches: pickup ? policy.pickup.batches.map((b) => iso(policy.zone.instant(day, b.at))) : [] };
    };
  }
  const role = policy.roles.get(name);
  if (!role) {
    throw new UsageError(`calendar: unknown calendar "${name}" (one of: ${[...policy.roles.keys(), 'working-days', 'pickup-days'].join(', ')})`);
  }
  return (day) => ({
    onDuty: role.calendar.intervalsOn(day).map((i) => ({ from: iso(i.start), to: iso(i.end) })),
    hours: role.calendar.describeDay(day),
  });
}
