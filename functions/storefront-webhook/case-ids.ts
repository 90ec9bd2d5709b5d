/**
 * Case ids derived from the storefront's own ids, so that a redelivered or repeated event can
 * never open a second case: a second `order.placed` for an order finds the order's case.
 * A case id is also its execution's name, so it keeps to Step Functions' 80 characters of
 * [A-Za-z0-9_-]; an id that does not fit is replaced by a hash of itself.
 */
import { createHash } from 'node:crypto';
import type { CaseType } from '../../core/cases/case.ts';

const SAFE = /^[A-Za-z0-9_-]{1,48}$/;

function part(id: string): string {
  return SAFE.test(id) ? id : `h${createHash('sha256').update(id).digest('hex').slice(0, 24)}`;
}

function shortHash(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 10);
}

/** One order case per storefront order. */
export function orderCaseId(orderId: string): string {
  return `order-${part(orderId)}`;
}

/** One complaint case per storefront complaint. */
export function complaintCaseId(complaintId: string): string {
  return `complaint-${part(complaintId)}`;
}

/** A case opened by one request event (cancellation, return, exchange about an order; a stock alert about a SKU). */
export function requestCaseId(type: CaseType, subject: string, eventId: string): string {
  return `${type}-${part(subject)}-${shortHash(eventId)}`;
}
