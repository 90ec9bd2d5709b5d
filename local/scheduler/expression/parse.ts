import { ValidationException } from '../errors.ts';

/** A parsed schedule expression. */
export type ScheduleExpression =
  | { kind: 'at'; wall: { year: number; month: number; day: number; hour: number; minute: number; second: number } }
  | { kind: 'rate'; periodMs: number }
  | { kind: 'cron'; fields: CronFields };

/** AWS's six cron fields: minutes hours day-of-month month day-of-week year. */
export interface CronFields {
  minutes: string;
  hours: string;
  dayOfMonth: string;
  month: string;
  dayOfWeek: string;
  year: string;
}

const UNIT_MS: Record<string, number> = { minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 };

/** Parses `at(yyyy-mm-ddThh:mm:ss)`, `rate(value unit)` or `cron(min hour dom month dow year)`; throws ValidationException. */
export function parseScheduleExpression(text: string): ScheduleExpression {
  const at = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(text);
  if (at) {
    const [year, month, day, hour, minute, second] = at.slice(1).map(Number) as [number, number, number, number, number, number];
    const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) throw invalid(text, 'not a valid date and time');
    return { kind: 'at', wall: { year, month, day, hour, minute, second } };
  }
  const rate = /^rate\((\d+) ([a-z]+)\)$/.exec(text);
  if (rate) {
    const value = Number(rate[1]);
    const unit = UNIT_MS[rate[2]!];
    if (!unit || value < 1) throw invalid(text, 'rate needs a positive whole number and a unit of minute(s), hour(s) or day(s)');
    if ((value === 1) !== !rate[2]!.endsWith('s')) throw invalid(text, value === 1 ? 'use the singular unit for 1' : 'use the plural unit for values above 1');
    return { kind: 'rate', periodMs: value * unit };
  }
  const cron = /^cron\((.*)\)$/.exec(text);
  if (cron) {
    const parts = cron[1]!.trim().split(/\s+/);
    if (parts.length !== 6) throw invalid(text, 'cron needs six fields: minutes hours day-of-month month day-of-week year');
    const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = parts as [string, string, string, string, string, string];
    if ((dayOfMonth === '?') === (dayOfWeek === '?')) throw invalid(text, 'exactly one of day-of-month and day-of-week must be "?"');
    return { kind: 'cron', fields: { minutes, hours, dayOfMonth, month, dayOfWeek, year } };
  }
  throw invalid(text, 'expected at(...), rate(...) or cron(...)');
}

function invalid(text: string, why: string): Error {
  return new ValidationException(`Invalid Schedule Expression ${text}: ${why}.`);
}
