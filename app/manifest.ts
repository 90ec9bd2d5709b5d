/**
 * The one declarative manifest: every function, workflow, schedule, event rule, route and table
 * of the platform, declared once as data. The CDK stack (infra/) and the local runtime (local/)
 * both loop over it; neither names a resource by itself.
 */
import { casesTable } from '../adapters/case-repository/table.ts';
import { eventBus } from '../adapters/events/bus.ts';
import { chatTimerFunction, chatTimersQueue } from '../functions/chat-timer/function.ts';
import { caseActionFunction } from '../functions/case-action/function.ts';
import { customerNoticeRule, customerNoticesFunction, noticeTriggersRule } from '../functions/customer-notices/function.ts';
import { alarmEventsRule, alarmSummarySchedule, notifyFunction } from '../functions/notify/function.ts';
import { openStepFunction } from '../functions/open-step/function.ts';
import { pickupBatchFunction, pickupBatchSchedule } from '../functions/pickup-batch/function.ts';
import { supplierCollectFunction, supplierCollectSchedule } from '../functions/supplier-collect/function.ts';
import { qaSampleFunction, qaSampleSchedule } from '../functions/qa-sample/function.ts';
import { slaSweepFunction, slaSweepSchedule } from '../functions/sla-sweep/function.ts';
import { slaTimerFunction } from '../functions/sla-timer/function.ts';
import { staffApiFunction, staffApiRoutes } from '../functions/staff-api/function.ts';
import { storefrontWebhookFunction, storefrontWebhookRoutes } from '../functions/storefront-webhook/function.ts';
import { storefrontApplyFunction, storefrontEventsQueue } from '../functions/storefront-apply/function.ts';
import type { Manifest } from '../platform/manifest-types.ts';
import { connectorWebhookFunction, connectorWebhookRoutes } from '../connectors/webhook/function.ts';
import { tmcPollerFunction, tmcPollSchedule } from '../connectors/tmc/function.ts';

export const manifest: Manifest = {
  app: 'sla-platform',
  // The single case table (docs/data-model.md): cases, steps, links, timeline, idempotency records.
  tables: [casesTable],
  // The custom bus every event goes on (docs/events.md).
  buses: [eventBus],
  functions: [openStepFunction, slaTimerFunction, slaSweepFunction, caseActionFunction, pickupBatchFunction, storefrontWebhookFunction, staffApiFunction, chatTimerFunction, notifyFunction, customerNoticesFunction, supplierCollectFunction, qaSampleFunction, connectorWebhookFunction, tmcPollerFunction, storefrontApplyFunction],
  // One Standard state machine per lifecycle, named by its case type (docs/workflows.md).
  workflows: [
    { id: 'order', definition: 'workflows/order.asl.json', functions: { OpenStepFunctionArn: 'open-step', CaseActionFunctionArn: 'case-action' } },
    { id: 'cancellation', definition: 'workflows/cancellation.asl.json', functions: { OpenStepFunctionArn: 'open-step', CaseActionFunctionArn: 'case-action' } },
    { id: 'return', definition: 'workflows/return.asl.json', functions: { OpenStepFunctionArn: 'open-step', CaseActionFunctionArn: 'case-action' } },
    { id: 'exchange', definition: 'workflows/exchange.asl.json', functions: { OpenStepFunctionArn: 'open-step', CaseActionFunctionArn: 'case-action' } },
    { id: 'complaint', definition: 'workflows/complaint.asl.json', functions: { OpenStepFunctionArn: 'open-step', CaseActionFunctionArn: 'case-action' } },
    { id: 'stock', definition: 'workflows/stock.asl.json', functions: { OpenStepFunctionArn: 'open-step', CaseActionFunctionArn: 'case-action' } },
  ],
  schedules: [slaSweepSchedule, pickupBatchSchedule, alarmSummarySchedule, supplierCollectSchedule, qaSampleSchedule, tmcPollSchedule],
  // Second-precision chat deadlines (service-standards.md §10; docs/chat.md).
  queues: [chatTimersQueue, storefrontEventsQueue],
  // Alarm events → the notify function (group robots). `SlaBreached` → the SNS topic and CloudWatch
  // alarm for operations is the stack's own rule per bus (infra/contract.ts slaBreachedRuleId).
  // Customer notices (docs/notices.md): the events that call for one → customer-notices, which
  // publishes `CustomerNotice`; that event → customer-notices again, which posts it to the storefront.
  rules: [alarmEventsRule, noticeTriggersRule, customerNoticeRule],
  // Every route of api.md.
  routes: [...storefrontWebhookRoutes, ...staffApiRoutes, ...connectorWebhookRoutes],
};
