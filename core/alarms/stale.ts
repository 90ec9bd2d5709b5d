/**
 * Warnings that no longer warn: an SlaWarning ("即将超时 … 还剩 N 分钟") is noise once its deadline
 * has passed — the step has breached (its SlaBreached alarm says so) or was done. A catch-up digest
 * after a restart would otherwise list "还剩 0 分钟" for steps late half an hour (issue 28 item 14).
 */
import { DetailType } from '../ports/events.ts';
import type { Alarm } from './alarm.ts';

const stepOf = (alarm: Alarm): string => `${alarm.caseId}#${alarm.step ?? ''}#${String(alarm.event.detail.attempt ?? 1)}`;

/**
 * Splits alarms about to be sent at `now` (epoch ms) into those to send and the warnings to drop:
 * a warning whose `due` is at or before `now`, or whose step's breach is among `alarms`.
 */
export function dropStaleWarnings<T extends { alarm: Alarm }>(items: readonly T[], now: number): { send: T[]; stale: T[] } {
  const breachedSteps = new Set(items.filter((i) => i.alarm.detailType === DetailType.SlaBreached).map((i) => stepOf(i.alarm)));
  const send: T[] = [];
  const stale: T[] = [];
  for (const item of items) {
    const { alarm } = item;
    const isStale = alarm.detailType === DetailType.SlaWarning && ((alarm.due !== undefined && Date.parse(alarm.due) <= now) || breachedSteps.has(stepOf(alarm)));
    (isStale ? stale : send).push(item);
  }
  return { send, stale };
}
