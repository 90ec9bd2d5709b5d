/**
 * A planned delivery falls due: the storefront's queued notices are posted one by one, oldest
 * first. Taken (2xx) → the notice leaves the queue and the case timeline records `notice.sent`.
 * Not taken (any other answer, a network failure, a missing secret) → delivery stops and is tried
 * again after a back-off (1 min doubling to 1 h, core/notices/delivery.ts); a notice still not
 * taken 24 h after it was raised is dead-lettered at its next failure (`notice.dead-lettered` on
 * the timeline; the supervisor board lists it). One delivery at a time (the outbox's lease).
 */
import type { ChannelState, PendingAlarm } from '../../core/alarms/outbox.ts';
import { givenUp, nextBackoffMs } from '../../core/notices/delivery.ts';
import type { QueuedNotice } from '../../core/notices/notice.ts';
import { planDelivery } from './accept.ts';
import { STOREFRONT_CHANNEL, type NoticeDeps } from './deps.ts';

/** How long a delivery may hold the queue (longer than the function's timeout). */
export const DELIVERY_LEASE_MS = 90_000;
/** Notices posted per delivery (each post may take its 10 s timeout: 5 fit the function's 60 s); more go with the next delivery, planned at once. */
const BATCH = 5;

export interface DeliveryResult {
  outcome: 'delivered' | 'retrying' | 'nothing-ready' | 'waiting' | 'busy';
  delivered: number;
  deadLettered: number;
  /** Why the last post failed. */
  reason?: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export async function deliverNotices(deps: NoticeDeps): Promise<DeliveryResult> {
  const now = deps.clock.now();
  const claim = await deps.outbox.claim(STOREFRONT_CHANNEL, iso(now), iso(now + DELIVERY_LEASE_MS));
  if ('heldUntil' in claim) {
    await deps.deliveries.scheduleFlush(STOREFRONT_CHANNEL, iso(Date.parse(claim.heldUntil) + 1000));
    return { outcome: 'busy', delivered: 0, deadLettered: 0 };
  }
  let state: ChannelState = claim.state;
  try {
    const { result, next, state: after } = await deliverClaimed(deps, now, state);
    state = after;
    if (next !== undefined) await planDelivery(deps, next);
    return result;
  } finally {
    await deps.outbox.release(STOREFRONT_CHANNEL, state);
  }
}

async function deliverClaimed(deps: NoticeDeps, now: number, state: ChannelState): Promise<{ result: DeliveryResult; next?: number; state: ChannelState }> {
  const waitUntil = state.nextSendAt === undefined ? 0 : Date.parse(state.nextSendAt);
  if (waitUntil > now) return { state, next: waitUntil, result: { outcome: 'waiting', delivered: 0, deadLettered: 0 } };
  const pending = await deps.outbox.pending(STOREFRONT_CHANNEL, BATCH + 1);
  if (pending.length === 0) return { state: {}, result: { outcome: 'nothing-ready', delivered: 0, deadLettered: 0 } };
  const result: DeliveryResult = { outcome: 'delivered', delivered: 0, deadLettered: 0 };
  for (const item of pending.slice(0, BATCH)) {
    const failure = await post(deps, item);
    if (failure === undefined) {
      await deps.outbox.sent(STOREFRONT_CHANNEL, [item]);
      await timeline(deps, item, now, 'notice.sent', {});
      result.delivered++;
      continue;
    }
    result.reason = failure;
    if (givenUp(item.alarm.at, now)) {
      await deps.outbox.deadLetter(STOREFRONT_CHANNEL, [item], failure, iso(now));
      await timeline(deps, item, now, 'notice.dead-lettered', { reason: failure });
      deps.log.error('the storefront did not take a customer notice for 24 h; dead-lettered', { noticeId: item.alarm.key, reason: failure });
      result.deadLettered++;
      continue;
    }
    const backoffMs = nextBackoffMs(state.backoffMs);
    deps.log.warn('the storefront did not take a customer notice; retrying later', { noticeId: item.alarm.key, reason: failure, backoffMs });
    return { state: { nextSendAt: iso(now + backoffMs), backoffMs }, next: now + backoffMs, result: { ...result, outcome: 'retrying' } };
  }
  return { state: {}, ...(pending.length > BATCH ? { next: now } : {}), result };
}

/** Undefined when the storefront took the notice, else why not. */
async function post(deps: NoticeDeps, item: PendingAlarm<QueuedNotice>): Promise<string | undefined> {
  const { url, secret: ref } = deps.policy.notices;
  if (url === undefined || ref === undefined) return 'no notices.url or notices.secret in the policy';
  let secret: string;
  try {
    secret = await deps.secrets(ref);
  } catch (error) {
    // The resolver is the alarms' (adapters/alarms/secrets.ts); its message speaks of a channel.
    return `notices.secret: ${(error as Error).message.replace("the alarm channel's secret ", '')}`;
  }
  const answer = await deps.post({ url, secret, notice: item.alarm.notice, realNow: deps.realClock.now() });
  return answer.delivered ? undefined : answer.reason;
}

async function timeline(deps: NoticeDeps, item: PendingAlarm<QueuedNotice>, now: number, kind: string, extra: Record<string, unknown>): Promise<void> {
  const { notice } = item.alarm;
  await deps.repository.appendTimeline(notice.caseId, { id: `${kind}:${notice.noticeId}`, at: iso(now), kind, detail: { noticeId: notice.noticeId, notice: notice.kind, text: notice.text, ...extra } });
}
