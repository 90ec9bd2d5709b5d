/**
 * The State Council's yearly holiday schedule (国务院办公厅关于{year}年部分节假日安排的通知), pasted as
 * text or given as JSON, as the policy's `workingDays` entries (docs/policy.md "Working days"). The
 * notice lists one festival per item — "二、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日
 * （周六）、2月28日（周六）上班。" — : the days off become `holidays`, the days "上班" become
 * `adjustedWorkdays` (调休), each named after its festival. JSON: `{"holidays": [{"date", "name"}],
 * "adjustedWorkdays": [...]}`. Throws `HolidayImportInvalid` naming the line it cannot read.
 */
import { dayFromCivil, formatDate } from '../time/civil.ts';

export interface HolidayEntry {
  date: string;
  name: string;
}

export interface HolidaySchedule {
  holidays: HolidayEntry[];
  adjustedWorkdays: HolidayEntry[];
}

export class HolidayImportInvalid extends Error {
  override readonly name = 'HolidayImportInvalid';
  readonly status = 400;
}

const ITEM = /^\s*[一二三四五六七八九十]+\s*[、.．]\s*([^：:]+?)\s*[：:](.*)$/;
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/** `year`: the notice's year (dates without 年 are in it). */
export function importHolidaySchedule(input: string, year: number): HolidaySchedule {
  const text = input.trim();
  if (text.startsWith('{')) return fromJson(text);
  const schedule: HolidaySchedule = { holidays: [], adjustedWorkdays: [] };
  for (const line of text.split(/\r?\n/)) {
    const item = ITEM.exec(line);
    if (!item) continue;
    const name = item[1]!.trim();
    for (const sentence of item[2]!.split(/[。；;]/)) {
      if (sentence.includes('放假')) schedule.holidays.push(...daysOff(sentence, year).map((date) => ({ date, name })));
      else if (sentence.includes('上班')) schedule.adjustedWorkdays.push(...dates(sentence, year).map((date) => ({ date, name })));
    }
  }
  if (schedule.holidays.length === 0) throw new HolidayImportInvalid('no holiday found: paste the notice\'s items ("一、元旦：1月1日…放假…") or JSON {"holidays": [...]}');
  return schedule;
}

/** "2月15日（周日）至23日（周一）放假" → every day from the first date to the second. */
function daysOff(sentence: string, year: number): string[] {
  const [first, second] = positions(sentence.split('放假')[0] ?? '', year);
  if (first === undefined) return [];
  if (second === undefined || !sentence.includes('至')) return [formatDate(first.day)];
  const last = second.month === undefined ? dayFromCivil(first.year, first.monthOf, second.dayOfMonth) : second.day;
  const out: string[] = [];
  for (let day = first.day; day <= last; day++) out.push(formatDate(day));
  return out;
}

function dates(sentence: string, year: number): string[] {
  return positions(sentence, year).map((p) => formatDate(p.day));
}

interface Position {
  day: number;
  year: number;
  monthOf: number;
  month: number | undefined;
  dayOfMonth: number;
}

function positions(text: string, year: number): Position[] {
  const out: Position[] = [];
  let lastMonth: number | undefined;
  let lastYear = year;
  for (const match of text.matchAll(DATE)) {
    const y = match[1] !== undefined ? Number(match[1]) : lastYear;
    const month = match[2] !== undefined ? Number(match[2]) : undefined;
    const monthOf = month ?? lastMonth;
    if (monthOf === undefined) continue;
    const dayOfMonth = Number(match[3]);
    out.push({ day: dayFromCivil(y, monthOf, dayOfMonth), year: y, monthOf, month, dayOfMonth });
    lastMonth = monthOf;
    lastYear = y;
  }
  return out;
}

function fromJson(text: string): HolidaySchedule {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HolidayImportInvalid(`not valid JSON: ${(error as Error).message}`);
  }
  const read = (key: 'holidays' | 'adjustedWorkdays'): HolidayEntry[] => {
    const list = (json as Record<string, unknown>)[key] ?? [];
    if (!Array.isArray(list)) throw new HolidayImportInvalid(`${key}: expected a list of {"date", "name"}`);
    return list.map((entry, i) => {
      const { date, name } = (entry ?? {}) as Record<string, unknown>;
      if (typeof date !== 'string' || !DATE_TEXT.test(date)) throw new HolidayImportInvalid(`${key}[${i}].date: expected "YYYY-MM-DD"`);
      if (typeof name !== 'string' || name.trim() === '') throw new HolidayImportInvalid(`${key}[${i}].name: expected a name`);
      return { date, name };
    });
  };
  return { holidays: read('holidays'), adjustedWorkdays: read('adjustedWorkdays') };
}

/** `workingDays` with the schedule's year replaced by `schedule` (entries of other years kept). */
export function mergeSchedule<W extends { holidays?: HolidayEntry[]; adjustedWorkdays?: HolidayEntry[] }>(workingDays: W, schedule: HolidaySchedule): W {
  const years = new Set([...schedule.holidays, ...schedule.adjustedWorkdays].map((e) => e.date.slice(0, 4)));
  const keep = (list: HolidayEntry[] | undefined) => (list ?? []).filter((e) => !years.has(e.date.slice(0, 4)));
  return { ...workingDays, holidays: [...keep(workingDays.holidays), ...schedule.holidays], adjustedWorkdays: [...keep(workingDays.adjustedWorkdays), ...schedule.adjustedWorkdays] };
}
