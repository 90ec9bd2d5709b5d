/** The platform's events on the bus (docs/events.md documents each detail-type's schema). */
export const DetailType = {
  CaseOpened: 'CaseOpened',
  CaseClosed: 'CaseClosed',
  CaseLinked: 'CaseLinked',
  StepOpened: 'StepOpened',
  StepCompleted: 'StepCompleted',
  StepCancelled: 'StepCancelled',
  StepPaused: 'StepPaused',
  StepResumed: 'StepResumed',
  SlaWarning: 'SlaWarning',
  SlaBreached: 'SlaBreached',
  PickupBatchRun: 'PickupBatchRun',
  PickupMissed: 'PickupMissed',
  /** An order step passed its batch target still open: the parcel may miss its planned batch (service-standards.md §2). */
  PickupAtRisk: 'PickupAtRisk',
  RefundOverdue: 'RefundOverdue',
  /** The payment platform is asked to refund (cancel.refund, return.refund). */
  RefundRequested: 'RefundRequested',
  /** A case-level fact a workflow recorded (`record` case action), e.g. `OrderHandedOver`. */
  CaseFactRecorded: 'CaseFactRecorded',
  /** A chat conversation's first customer message went unanswered too long (service-standards.md §10). */
  ChatGreetingBreached: 'ChatGreetingBreached',
  /** A chat customer waited too long for an agent's answer (service-standards.md §10). */
  ChatReplyBreached: 'ChatReplyBreached',
  /** A message for the customer (ship time, refund sent, complaint received / resolved), posted to the storefront (service-standards.md §12). */
  CustomerNotice: 'CustomerNotice',
} as const;
export type DetailType = (typeof DetailType)[keyof typeof DetailType];

/** Every event's `source` on the bus. */
export const EVENT_SOURCE = 'sla-platform';

export interface DomainEvent {
  detailType: DetailType;
  /** Always carries `caseId` where a case is concerned. */
  detail: Record<string, unknown>;
  /** ISO-8601; defaults to now. */
  time?: string;
}

export interface EventPublisher {
  /** Puts events on the bus; throws if any entry failed, so the caller's retry redelivers them. */
  publish(events: readonly DomainEvent[]): Promise<void>;
}
