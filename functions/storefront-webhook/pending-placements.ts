/**
 * Orders whose `order.placed` was acknowledged and is still queued (queued.ts): between the 202 and
 * the drain the order has no case yet. An `order.paid` or `order.cancel-requested` that finds no
 * case asks here before answering 404 `OrderNotFound`: a pending placement means "not yet", so the
 * event is queued behind it (acknowledged, applied once the case exists) instead of being refused
 * — a storefront that treats a 4xx as final would otherwise lose a Double 11 payment.
 */
export interface PendingPlacements {
  /** Records that the order case `caseId` is queued; kept until `expiresAt` (epoch ms). */
  mark(caseId: string, expiresAt: number): Promise<void>;
  /** Whether a placement of `caseId` was acknowledged (applied or not: the caller found no case). */
  isPending(caseId: string): Promise<boolean>;
}
