/**
 * How the chat report's figures read (`GET /reports/chat`, service-standards.md §10): on-duty
 * seconds as `45 秒` / `1 分 30 秒`, percentages, agent keys, and the per-hour rows laid out as a
 * day × hour-of-day grid of breaches. Hours are the API's keys (`YYYY-MM-DD HH:00`), already in the
 * policy's zone (Asia/Shanghai): nothing here converts a time.
 */
import type { ChatReport } from '../api/types.ts';
import type { Lang } from '../i18n/lang.ts';
import { weekdayName } from '../time/format.ts';

type Item = ChatReport['items'][number];

const UNITS: Record<Lang, { h: string; m: string; s: string }> = {
  zh: { h: '小时', m: '分', s: '秒' },
  en: { h: 'h', m: 'min', s: 's' },
};

/**
 * `45 秒`, `20.5 秒`, `1 分 30 秒`, `2 分`, `1 小时 5 分` (en: `45 s`, `1 min 30 s`, `1 h 5 min`);
 * `—` when the API has no figure (null). Under a minute keeps the API's tenth of a second; longer
 * waits are whole seconds, and seconds are dropped once there are hours.
 */
export function secondsText(seconds: number | null, lang: Lang): string {
  if (seconds === null) return '—';
  const u = UNITS[lang];
  const tenths = Math.round(seconds * 10) / 10;
  if (tenths < 60) return `${tenths} ${u.s}`;
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h > 0) return m > 0 ? `${h} ${u.h} ${m} ${u.m}` : `${h} ${u.h}`;
  return s > 0 ? `${m} ${u.m} ${s} ${u.s}` : `${m} ${u.m}`;
}

/** `87.5%`; `—` when nothing was decided yet (null). */
export function pctText(pct: number | null): string {
  return pct === null ? '—' : `${pct}%`;
}

/** The API's agent key as people read it: `unassigned` is a question no agent answered. */
export function agentText(key: string, lang: Lang): string {
  if (key !== 'unassigned') return key;
  return lang === 'zh' ? '未分配 (unassigned)' : 'Unassigned';
}

/** `11-30 周一 10:00–11:00` (en: `11-30 Mon 10:00–11:00`) for the hour key `2026-11-30 10:00`. */
export function hourText(key: string, lang: Lang): string {
  const [day = '', time = ''] = key.split(' ');
  const hour = Number(time.slice(0, 2));
  const next = `${String((hour + 1) % 24).padStart(2, '0')}:00`;
  return `${day.slice(5)} ${weekdayName(new Date(`${day}T00:00:00Z`).getUTCDay(), lang)} ${time}–${next}`;
}

/** Every day `from`…`to` inclusive (`YYYY-MM-DD`). */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); ms <= end; ms += 86_400_000) days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}

export const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

export interface BreachGrid {
  /** The report's days, the grid's rows. */
  days: string[];
  /** `[hourIndex, dayIndex, breaches]` for every hour with a row in the report (ECharts' heat-map data). */
  cells: [number, number, number][];
  /** The most breaches in one hour (0 when none): the colour scale's top. */
  max: number;
}

/** The `groupBy=hour` rows as a day × hour-of-day grid of breaches over `from`…`to`. */
export function breachGrid(items: readonly Item[], from: string, to: string): BreachGrid {
  const days = daysOf(from, to);
  const row = new Map(days.map((day, i) => [day, i]));
  const cells: [number, number, number][] = [];
  for (const item of items) {
    const [day = '', time = ''] = item.key.split(' ');
    const dayIndex = row.get(day);
    const hour = HOURS.indexOf(time);
    if (dayIndex !== undefined && hour >= 0) cells.push([hour, dayIndex, item.breaches]);
  }
  return { days, cells, max: Math.max(0, ...cells.map((c) => c[2])) };
}

/** The hours with at least one breach, in time order: the heat map's content as text. */
export function breachHours(items: readonly Item[]): { key: string; breaches: number }[] {
  return items
    .filter((i) => i.breaches > 0)
    .map((i) => ({ key: i.key, breaches: i.breaches }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
