/**
 * What a queue row says about its clock, from the API's figures only (`remainingOnDutyMinutes`,
 * `onDutyNow`, `countingResumesAt`, status: computed by the core from the role's calendar) — the
 * browser never subtracts wall-clock times. Each state has words and an icon besides its colour.
 */
import type { QueueItem } from '../api/types.ts';

export type Urgency = 'paused' | 'breached' | 'warned' | 'offDuty' | 'ok' | 'none';

export interface RemainingView {
  urgency: Urgency;
  /** On-duty minutes left (negative once breached); undefined when the API gave none. */
  minutes: number | undefined;
  /** When counting starts again (off duty or paused until a time). */
  resumesAt: string | undefined;
  pauseReason: string | undefined;
}

export function remainingView(item: QueueItem): RemainingView {
  const minutes = typeof item.remainingOnDutyMinutes === 'number' ? item.remainingOnDutyMinutes : undefined;
  const resumesAt = item.countingResumesAt ?? item.pausedNow?.until ?? undefined;
  const base = { minutes, resumesAt, pauseReason: item.pausedNow?.reason };
  if (item.status === 'paused') return { urgency: 'paused', ...base };
  if (item.status === 'breached' || (minutes !== undefined && minutes < 0)) return { urgency: 'breached', ...base };
  if (item.due === null) return { urgency: 'none', ...base };
  if (item.status === 'warned') return { urgency: 'warned', ...base };
  if (item.onDutyNow === false) return { urgency: 'offDuty', ...base };
  return { urgency: 'ok', ...base };
}

/** `12 分钟`, `1 小时 5 分钟` — whole minutes, sign dropped (the words say over or left). */
export function minutesText(minutes: number, lang: 'zh' | 'en'): string {
  const total = Math.abs(Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (lang === 'zh') return h > 0 ? `${h} 小时 ${m} 分钟` : `${m} 分钟`;
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}
