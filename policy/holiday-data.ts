import { createRequire } from 'node:module';
import { civilFromDay, parseDate } from '../core/time/civil.ts';

/** PRC public holidays and adjusted working days (调休) as shipped by the chinese-days package. */
export interface HolidayData {
  holidays: Map<number, string>;
  adjustedWorkdays: Map<number, string>;
  years: Set<number>;
}

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// The package's JSON table, loaded once: fast lookups without going through its date parser.
let cached: HolidayData | undefined;

export function chineseDaysData(): HolidayData {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const json = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
  const data: HolidayData = { holidays: new Map(), adjustedWorkdays: new Map(), years: new Set() };
  const load = (from: Record<string, string>, into: Map<number, string>): void => {
    for (const [date, label] of Object.entries(from)) {
      const day = parseDate(date);
      if (day === undefined) continue;
      into.set(day, holidayName(label));
      data.years.add(civilFromDay(day).year);
    }
  };
  load(json.holidays, data.holidays);
  load(json.workdays, data.adjustedWorkdays);
  cached = data;
  return data;
}

/** `"National Day,国庆节,3"` → `National Day 国庆节`. */
function holidayName(label: string): string {
  const [english, chinese] = label.split(',');
  return [english, chinese].filter(Boolean).join(' ');
}
