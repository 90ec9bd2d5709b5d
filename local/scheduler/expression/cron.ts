import { Cron } from 'croner';
import { ValidationException } from '../errors.ts';
import type { CronFields } from './parse.ts';

const cache = new Map<string, Cron>();

/**
 * AWS's cron (`min hour dom month dow year`, `?` in one day field, days of week 1–7 = SUN–SAT)
 * as a croner 7-part pattern (`sec min hour dom month dow year`): seconds 0, `?` → `*` (croner then
 * uses only the other day field), Quartz weekday numbering. `L`, `W` and `#` pass through.
 */
export function cronOf(fields: CronFields, timeZone: string): Cron {
  const pattern = ['0', fields.minutes, fields.hours, star(fields.dayOfMonth), fields.month, star(fields.dayOfWeek), fields.year].join(' ');
  const key = `${pattern}\u0000${timeZone}`;
  let cron = cache.get(key);
  if (!cron) {
    try {
      cron = new Cron(pattern, { timezone: timeZone, mode: '7-part', alternativeWeekdays: true, paused: true });
    } catch (error) {
      throw new ValidationException(`Invalid Schedule Expression cron(${Object.values(fields).join(' ')}): ${error instanceof Error ? error.message : String(error)}.`);
    }
    cache.set(key, cron);
  }
  return cron;
}

const star = (field: string): string => (field === '?' ? '*' : field);
