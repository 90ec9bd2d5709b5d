import type { FunctionDecl, RouteDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { CaseType } from '../../core/cases/case.ts';
import { lifecycleWorkflowId } from '../case-action/workflow-ids.ts';
import { chatTimersQueue } from '../chat-timer/function.ts';
import { slaTimerFunction } from '../sla-timer/function.ts';
import { storefrontEventsQueue } from '../storefront-apply/function.ts';

/** `POST /webhooks/storefront`: signed storefront events open cases, start lifecycles and complete waiting steps. */
export const storefrontWebhookFunction: FunctionDecl = {
  id: 'storefront-webhook',
  entry: 'functions/storefront-webhook/handler.ts',
  timeoutSeconds: 30,
  access: {
    tables: [{ id: casesTable.id, access: 'readwrite' }],
    buses: [eventBus.id],
    workflows: [
      ...Object.values(CaseType).map((type) => ({ id: lifecycleWorkflowId(type), access: 'start' as const })),
      // order.paid, order.delivered, goods.received and refund.settled answer waiting steps.
      ...Object.values(CaseType).map((type) => ({ id: lifecycleWorkflowId(type), access: 'callback' as const })),
    ],
    // A completed step's timers are deleted.
    scheduler: true,
    scheduleTargets: [slaTimerFunction.id],
    webhookSecret: true,
    // Chat messages arm second-precision chat deadlines (service-standards.md §10).
    // order.placed is acknowledged once stored and applied behind the queue (README.md, "Queued events").
    queues: [chatTimersQueue.id, storefrontEventsQueue.id],
  },
};

/** The webhook route: public at the gateway; the function checks the HMAC signature itself. */
export const storefrontWebhookRoutes: RouteDecl[] = [{ method: 'POST', path: '/webhooks/storefront', function: storefrontWebhookFunction.id, auth: 'public' }];
