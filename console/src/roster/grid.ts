/**
 * The roster week grid's pure parts (issue 23): days of a week, cell values ↔ roster entries,
 * shift choices from a role's calendar, and the CSV the grid imports and exports
 * (`day,person,role,from,to`; leave as `day,person,leave,,`), UTF-8 with a BOM so Excel opens it.
 */
import type { z } from 'zod';
import type { rosterEntry } from '../../../functions/staff-api/team-schemas.ts';

type RosterEntry = z.infer<typeof rosterEntry>;

/** `YYYY-MM-DD` plus `n` days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week of `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** A cell: '' (off), 'leave', or `role|HH:MM|HH:MM`. */
export type CellValue = string;

export const cellKey = (person: string, day: string) => `${person}#${day}`;

export function cellOf(entry: RosterEntry): CellValue {
  return 'leave' in entry ? 'leave' : `${entry.role}|${entry.from}|${entry.to}`;
}

export function entryOf(person: string, day: string, value: CellValue): RosterEntry | undefined {
  if (value === '') return undefined;
  if (value === 'leave') return { day, person, leave: true };
  const [role = '', from = '', to = ''] = value.split('|');
  return { day, person, role, from, to };
}

export function cellsOf(entries: readonly RosterEntry[], shiftDays = 0): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const e of entries) {
    const key = cellKey(e.person, addDays(e.day, shiftDays));
    if (!cells.has(key)) cells.set(key, cellOf(e));
  }
  return cells;
}

export function entriesOf(cells: ReadonlyMap<string, CellValue>): RosterEntry[] {
  return [...cells]
    .map(([key, value]) => {
      const [person = '', day = ''] = key.split('#');
      return entryOf(person, day, value);
    })
    .filter((e): e is RosterEntry => e !== undefined)
    .sort((a, b) => a.day.localeCompare(b.day) || a.person.localeCompare(b.person));
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The choices of one calendar shift: the whole shift and, for a long one (≥ 8 h), its two halves (an early and a late shift). */
export function shiftChoices(shift: { from: string; to: string }): { from: string; to: string }[] {
  const start = minutes(shift.from);
  const end = minutes(shift.to) <= start ? minutes(shift.to) + 1440 : minutes(shift.to);
  const choices = [{ from: shift.from, to: shift.to }];
  if (end - start >= 8 * 60) {
    const mid = start + Math.floor((end - start) / 2 / 30) * 30;
    choices.push({ from: shift.from, to: hhmm(mid) }, { from: hhmm(mid), to: shift.to });
  }
  return choices;
}

export function rosterCsv(entries: readonly RosterEntry[]): string {
  const lines = ['day,person,role,from,to', ...entries.map((e) => ('leave' in e ? `${e.day},${e.person},leave,,` : `${e.day},${e.person},${e.role},${e.from},${e.to}`))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Parses the grid's CSV; throws `{line, text}` for a line it cannot read. */
export function parseRosterCsv(text: string): RosterEntry[] {
  const entries: RosterEntry[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || (i === 0 && line.startsWith('day,'))) return;
      const [day = '', person = '', role = '', from = '', to = ''] = line.split(',').map((c) => c.trim());
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || person === '') throw new CsvLineError(i + 1, raw);
      if (role === 'leave') entries.push({ day, person, leave: true });
      else if (role !== '' && /^\d{2}:\d{2}$/.test(from) && /^\d{2}:\d{2}$/.test(to)) entries.push({ day, person, role, from, to });
      else throw new CsvLineError(i + 1, raw);
    });
  return entries;
}

export class CsvLineError extends Error {
  override readonly name = 'CsvLineError';
  constructor(
    readonly line: number,
    readonly text: string,
  ) {
    super(`line ${line}: ${text}`);
  }
}
