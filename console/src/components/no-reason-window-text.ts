/**
 * The no-reason window (service-standards.md §5–§6) in words: "七天无理由: 可退至 周一 12-07 24:00" /
 * "No-reason window (7 days): open until Mon 12-07 24:00", or "已于 … 截止" / "closed since …".
 * The API sends the end as 00:00 of the next day; people read it as 24:00 of the window's last day.
 */
import type { CaseView } from '../api/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { weekdayName, zoneParts } from '../time/format.ts';

export type NoReasonWindowView = NonNullable<CaseView['noReasonWindow']>;

const ZH_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `周一 12-07 24:00` (zh) / `Mon 12-07 24:00` (en) for an end at 00:00 of 12-08, Beijing time. */
export function windowEndText(endsAt: string, lang: Lang): string {
  const ms = Date.parse(endsAt);
  const end = zoneParts(ms);
  if (end.hour !== '00' || end.minute !== '00') return `${weekdayName(end.weekday, lang)} ${end.month}-${end.day} ${end.hour}:${end.minute}`;
  const lastDay = zoneParts(ms - 60_000);
  return `${weekdayName(lastDay.weekday, lang)} ${lastDay.month}-${lastDay.day} 24:00`;
}

/** The message variables: `days`, `daysZh` (七), `until`. */
export function windowVars(window: NoReasonWindowView, lang: Lang): Record<string, string | number> {
  return { days: window.days, daysZh: ZH_NUMERALS[window.days] ?? String(window.days), until: windowEndText(window.endsAt, lang) };
}

/** What the text needs of the console's i18n (a subset of `useI18n()`). */
export interface Translator {
  lang: Lang;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

export function noReasonWindowText(window: NoReasonWindowView, { t, lang }: Translator): string {
  return t(window.open ? 'noReason.open' : 'noReason.closed', windowVars(window, lang));
}
