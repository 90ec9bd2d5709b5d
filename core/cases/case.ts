/** A case: one customer request (an order, a cancellation, ...) and the lifecycle run for it. */

export const CaseType = {
  order: 'order',
  cancellation: 'cancellation',
  return: 'return',
  exchange: 'exchange',
  complaint: 'complaint',
  stock: 'stock',
} as const;
export type CaseType = (typeof CaseType)[keyof typeof CaseType];

export const CaseStatus = {
  open: 'open',
  /** The lifecycle ran to its end (handed over and delivered, refunded, resolved, ...). */
  completed: 'completed',
  /** Stopped by a confirmed cancellation or a withdrawn request. */
  cancelled: 'cancelled',
  /** Refused, e.g. a return of goods damaged by the customer (人为损坏). */
  rejected: 'rejected',
  /** An unpaid order not paid by the end of day 3. */
  expired: 'expired',
  /** Became another case type (a return taken as an exchange, an exchange `other-model` as a return). */
  converted: 'converted',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];

/** Instants are ISO-8601 strings in UTC (`...Z`), so they sort as text in the same order as in time. */
export type Instant = string;

export interface CaseRecord {
  id: string;
  type: CaseType;
  status: CaseStatus;
  /** The storefront order this case is about (absent for stock cases and some complaints). */
  orderId?: string;
  openedAt: Instant;
  closedAt?: Instant;
  /** The storefront event that opened the case, for tracing redeliveries. */
  sourceEventId?: string;
  /**
   * The Step Functions execution running the case's lifecycle, on cases stored before its ARN was
   * derived from the case id (`functions/case-action/workflow-ids.ts`, `lifecycleExecutionArn`); new cases omit it.
   */
  executionArn?: string;
  /** The webhook payload and anything else the lifecycle needs (customer, items, channel, ...). */
  data: Record<string, unknown>;
}

/** How the other case relates to this one; each link is stored on both cases with inverse relations. */
export const LinkRelation = {
  /** This case was opened about the other one (a cancellation, return or exchange of an order). */
  originatesFrom: 'originates-from',
  /** The inverse of `originates-from`. */
  gaveRise: 'gave-rise',
  /** This case became the other one (a return taken as an exchange). */
  convertedTo: 'converted-to',
  convertedFrom: 'converted-from',
} as const;
export type LinkRelation = (typeof LinkRelation)[keyof typeof LinkRelation];

export const inverseRelation: Record<LinkRelation, LinkRelation> = {
  'originates-from': 'gave-rise',
  'gave-rise': 'originates-from',
  'converted-to': 'converted-from',
  'converted-from': 'converted-to',
};

export interface CaseLink {
  /** The other case. */
  caseId: string;
  caseType: CaseType;
  relation: LinkRelation;
  linkedAt: Instant;
}

/** "有记录、有指令、有回音、有结果": every event in a case's life, in order. */
export interface TimelineEntry {
  /** Unique within the case; pass a stable id (e.g. the event id) to make appends idempotent. */
  id: string;
  at: Instant;
  /** What happened, e.g. `case.opened`, `step.completed`, `sla.breached`, `note`. */
  kind: string;
  step?: string;
  by?: string;
  detail?: Record<string, unknown>;
}
