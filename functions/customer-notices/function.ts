import type { FunctionDecl, RuleDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { NOTICE_TRIGGER_TYPES } from '../../core/notices/triggers.ts';
import { DetailType, EVENT_SOURCE } from '../../core/ports/events.ts';

export const CUSTOMER_NOTICES_FUNCTION_ID = 'customer-notices';

/**
 * Customer notices (docs/notices.md, service-standards.md §12): turns the events the standard
 * answers with a message to the customer into `CustomerNotice` events, queues each for the
 * storefront in the case table, and posts them signed on one-time delivery schedules (which target
 * this function), with back-off for 24 h, then dead-letters them.
 */
export const customerNoticesFunction: FunctionDecl = {
  id: CUSTOMER_NOTICES_FUNCTION_ID,
  entry: 'functions/customer-notices/handler.ts',
  timeoutSeconds: 60,
  access: {
    tables: [{ id: casesTable.id, access: 'readwrite' }],
    buses: [eventBus.id],
    scheduler: true,
    scheduleTargets: [CUSTOMER_NOTICES_FUNCTION_ID],
    noticeSecrets: true,
  },
};

/** The events that call for a notice (review confirmed, refund requested, complaint opened / resolved) → customer-notices. */
export const noticeTriggersRule: RuleDecl = {
  id: 'notice-triggers',
  bus: eventBus.id,
  pattern: { source: [EVENT_SOURCE], 'detail-type': [...NOTICE_TRIGGER_TYPES] },
  targets: [{ function: CUSTOMER_NOTICES_FUNCTION_ID }],
};

/** Every `CustomerNotice` → customer-notices, which queues it for the storefront. */
export const customerNoticeRule: RuleDecl = {
  id: 'customer-notices',
  bus: eventBus.id,
  pattern: { source: [EVENT_SOURCE], 'detail-type': [DetailType.CustomerNotice] },
  targets: [{ function: CUSTOMER_NOTICES_FUNCTION_ID }],
};
