/**
 * A customer notice (service-standards.md §12 "Customer notices"): a message the standard says the
 * customer gets — the planned ship time after the review (§2.4.1 l.202), "已经退款,请留意查收" when
 * a refund is sent (§2.4.1 l.222), a complaint received and resolved (§4.3). The platform publishes
 * it as a `CustomerNotice` event and posts it to the storefront, which decides how to reach the buyer.
 */

export const NoticeKind = {
  shipTime: 'ship-time',
  refundSent: 'refund-sent',
  complaintReceived: 'complaint-received',
  complaintResolved: 'complaint-resolved',
} as const;
export type NoticeKind = (typeof NoticeKind)[keyof typeof NoticeKind];
export const NOTICE_KINDS = Object.values(NoticeKind) as [NoticeKind, ...NoticeKind[]];

export interface CustomerNotice {
  /**
   * Stable across redeliveries (`<caseId>:<kind>[:<attempt>]`): the platform queues a notice once,
   * and the storefront may drop a repeat post by it (delivery is at least once).
   */
  noticeId: string;
  kind: NoticeKind;
  caseId: string;
  /** The storefront order; absent for a complaint filed without one. */
  orderId?: string;
  /** The Chinese text for the buyer, from the policy's template. */
  text: string;
  /** When the notice was raised (ISO-8601 UTC). */
  at: string;
}

/** What the notice outbox queues: the notice under its id (the outbox's dedupe key) and instant. */
export interface QueuedNotice {
  key: string;
  at: string;
  notice: CustomerNotice;
}

export function queuedNotice(notice: CustomerNotice): QueuedNotice {
  return { key: notice.noticeId, at: notice.at, notice };
}
