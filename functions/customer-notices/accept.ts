/**
 * A `CustomerNotice` arrives (the `customer-notices` rule, at least once): it is queued for the
 * storefront once per `noticeId` and the queue is delivered at once (retries are planned on
 * schedules). Without `notices.url` in the policy the notice stays on the bus only.
 */
import type { CustomerNotice } from '../../core/notices/notice.ts';
import { queuedNotice } from '../../core/notices/notice.ts';
import { STALE_FLUSH_MS } from '../notify/accept.ts';
import { STOREFRONT_CHANNEL, type NoticeDeps } from './deps.ts';
import { deliverNotices, type DeliveryResult } from './deliver.ts';

export async function acceptNotice(deps: NoticeDeps, notice: CustomerNotice): Promise<{ noticeId: string; queued: boolean; delivery?: DeliveryResult }> {
  if (deps.policy.notices.url === undefined) {
    deps.log.info('no notices.url in the policy: the notice stays on the bus', { noticeId: notice.noticeId });
    return { noticeId: notice.noticeId, queued: false };
  }
  const now = new Date(deps.clock.now()).toISOString();
  const queued = await deps.outbox.enqueue(STOREFRONT_CHANNEL, { alarm: queuedNotice(notice), notBefore: now }, now);
  // Delivered even for a repeat: the first delivery may have failed between queueing and posting.
  // While a back-off runs, this finds the queue waiting and plans nothing earlier.
  return { noticeId: notice.noticeId, queued, delivery: await deliverNotices(deps) };
}

/** Plans a delivery at `at` unless an earlier one is planned already (the alarm outbox's `requestFlush`). */
export async function planDelivery(deps: Pick<NoticeDeps, 'outbox' | 'deliveries' | 'clock'>, at: number): Promise<void> {
  const iso = new Date(at).toISOString();
  if (await deps.outbox.requestFlush(STOREFRONT_CHANNEL, iso, new Date(deps.clock.now()).toISOString(), STALE_FLUSH_MS)) await deps.deliveries.scheduleFlush(STOREFRONT_CHANNEL, iso);
}
