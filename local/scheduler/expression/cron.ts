import { Cron } from 'croner';
import { ValidationException } from '../errors.ts';
import type { CronFields } from './parse.ts';
import { epochToWall, wallInstants } from './zoned-time.ts';

const cache = new Map<string, Cron>();

/** How many wall-clock ticks a search may skip (DST gaps) before it gives up; a gap skips one or two. */
const MAX_SKIPPED_TICKS = 64;

/**
 * AWS's cron (`min hour dom month dow year`, `?` in one day field, days of week 1–7 = SUN–SAT)
 * as a croner 7-part pattern (`sec min hour dom month dow year`): seconds 0, `?` → `*` (croner then
 * uses only the other day field), Quartz weekday numbering. `L`, `W` and `#` pass through.
 * The pattern is evaluated on wall-clock time (UTC as a stand-in); nextCronTick maps it to the zone.
 */
export function cronOf(fields: CronFields): Cron {
  const pattern = ['0', fields.minutes, fields.hours, star(fields.dayOfMonth), fields.month, star(fields.dayOfWeek), fields.year].join(' ');
  let cron = cache.get(pattern);
  if (!cron) {
    try {
      cron = new Cron(pattern, { timezone: 'UTC', mode: '7-part', alternativeWeekdays: true, paused: true });
    } catch (error) {
      throw new ValidationException(`Invalid Schedule Expression cron(${Object.values(fields).join(' ')}): ${error instanceof Error ? error.message : String(error)}.`);
    }
    cache.set(pattern, cron);
  }
  return cron;
}

/**
 * The first cron tick strictly after `after` (epoch ms) in `timeZone`, as EventBridge Scheduler
 * handles daylight saving time (Scheduler User Guide, "Schedule types", daylight saving time): a
 * tick whose local time does not exist on a spring-forward day is skipped, and a local time that
 * occurs twice on a fall-back day fires once (its first occurrence still after `after`).
 */
export function nextCronTick(fields: CronFields, timeZone: string, after: number): number | undefined {
  const cron = cronOf(fields);
  let wall = epochToWall(after, timeZone);
  for (let i = 0; i < MAX_SKIPPED_TICKS; i++) {
    const tick = cron.nextRun(new Date(wall))?.getTime();
    if (tick === undefined) return undefined;
    const instant = wallInstants(tick, timeZone).find((t) => t > after);
    if (instant !== undefined) return instant;
    wall = tick; // a local time that does not exist (or already passed in its first occurrence)
  }
  return undefined;
}

const star = (field: string): string => (field === '?' ? '*' : field);
