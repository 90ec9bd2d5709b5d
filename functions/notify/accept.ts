/**
 * An alarm event arrives (a bus rule delivers it, at least once): it is queued durably for every
 * channel its routes name — once per alarm key, so a redelivery queues nothing — and a flush of
 * each channel is planned at the end of the digest window (or when the role's shift opens, for
 * on-duty-only routes).
 */
import { alarmFromEvent, type Alarm, type BusEvent } from '../../core/alarms/alarm.ts';
import { routeAlarm } from '../../core/alarms/routing.ts';
import { nextOnDuty } from '../../core/calendar/business-time.ts';
import type { NotifyDeps } from './deps.ts';

/** A planned flush that should have run this long ago was lost: plan another. */
export const STALE_FLUSH_MS = 5 * 60_000;

export interface Accepted {
  alarm: string;
  /** Channels the alarm was queued for now (empty on a redelivery). */
  queued: string[];
  /** Channels that had it already. */
  repeated: string[];
}

export async function acceptAlarmEvent(deps: NotifyDeps, event: BusEvent): Promise<Accepted> {
  const alarm = await withOrderId(deps, alarmFromEvent(event));
  const now = deps.clock.now();
  const result: Accepted = { alarm: alarm.key, queued: [], repeated: [] };
  for (const delivery of routeAlarm(deps.setup, alarm)) {
    if (!deps.setup.channels.has(delivery.channel)) continue;
    const calendar = alarm.role === undefined ? undefined : deps.policy.roles.get(alarm.role)?.calendar;
    const notBefore = delivery.onDutyOnly && calendar !== undefined ? nextOnDuty(calendar, now) : now;
    const queued = await deps.outbox.enqueue(delivery.channel, { alarm, notBefore: new Date(notBefore).toISOString() }, new Date(now).toISOString());
    (queued ? result.queued : result.repeated).push(delivery.channel);
    // Planned even for a repeat: the first delivery may have failed between queueing and planning.
    await planFlush(deps, delivery.channel, Math.max(now + deps.setup.digestWindowSeconds * 1000, notBefore));
  }
  deps.log.info('alarm accepted', { ...result });
  return result;
}

/** Plans a flush of `channel` at `at` unless an earlier one is planned already. */
export async function planFlush(deps: Pick<NotifyDeps, 'outbox' | 'flushes' | 'clock'>, channel: string, at: number): Promise<void> {
  const iso = new Date(at).toISOString();
  if (await deps.outbox.requestFlush(channel, iso, new Date(deps.clock.now()).toISOString(), STALE_FLUSH_MS)) await deps.flushes.scheduleFlush(channel, iso);
}

/** The order id people know the case by; events of step-level alarms carry only the case id. */
async function withOrderId(deps: NotifyDeps, alarm: Alarm): Promise<Alarm> {
  if (alarm.orderId !== undefined || alarm.caseId === undefined) return alarm;
  try {
    const { case: record } = await deps.repository.getCase(alarm.caseId);
    return record.orderId === undefined ? alarm : { ...alarm, orderId: record.orderId };
  } catch (error) {
    if ((error as Error).name !== 'CaseNotFound') throw error;
    return alarm;
  }
}
