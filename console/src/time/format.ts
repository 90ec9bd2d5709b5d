/**
 * Times as people read them, in the policy's zone (Asia/Shanghai, service-standards.md §0) whatever
 * the browser's own zone: `11-30 09:00`, `周一`. The API sends ISO-8601 instants with an offset.
 */
import type { Lang } from '../i18n/lang.ts';

export const POLICY_ZONE = 'Asia/Shanghai';

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  weekday: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: POLICY_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
});
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const WEEKDAYS: Record<Lang, readonly string[]> = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** The wall-clock parts of an instant in the policy zone. */
export function zoneParts(instant: string | number): Parts {
  const out: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(new Date(instant))) out[part.type] = part.value;
  return { year: out.year ?? '', month: out.month ?? '', day: out.day ?? '', hour: out.hour ?? '', minute: out.minute ?? '', weekday: WEEKDAY_INDEX[out.weekday ?? ''] ?? 0 };
}

/** `11-30 09:00`; `—` for a missing time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const p = zoneParts(instant);
  return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `周一 11-30 09:00` (zh) / `Mon 11-30 09:00` (en). */
export function formatWeekdayDateTime(instant: string | null | undefined, lang: Lang): string {
  if (!instant) return '—';
  return `${weekdayName(zoneParts(instant).weekday, lang)} ${formatDateTime(instant)}`;
}

/** `09:00`. */
export function formatTime(instant: string): string {
  const p = zoneParts(instant);
  return `${p.hour}:${p.minute}`;
}

/** `2026-11-30`: the policy-zone calendar day of an instant. */
export function zoneDay(instant: string | number): string {
  const p = zoneParts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

export function weekdayName(weekday: number, lang: Lang): string {
  return WEEKDAYS[lang][weekday] ?? '';
}

/**
 * The instant of a wall-clock time in the policy zone, as ISO-8601 with that zone's offset
 * (`2026-11-30T09:00:00+08:00`): what a person picking "09:00" in a form means.
 */
export function zoneWallTimeToIso(day: string, time: string): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const offsetMinutes = zoneOffsetMinutes(asUtc - zoneOffsetMinutes(asUtc) * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${day}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function zoneOffsetMinutes(ms: number): number {
  const p = zoneParts(ms);
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((local - Math.floor(ms / 60_000) * 60_000) / 60_000);
}
