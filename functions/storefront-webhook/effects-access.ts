/**
 * What applying storefront events needs (effects/): the webhook that applies them at once and
 * storefront-apply, which applies the queued ones, hold the same grants for it.
 */
import type { FunctionDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { CaseType } from '../../core/cases/case.ts';
import { lifecycleWorkflowId } from '../case-action/workflow-ids.ts';
import { slaTimerFunction } from '../sla-timer/function.ts';

export const storefrontEffectsAccess = {
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
} satisfies FunctionDecl['access'];
