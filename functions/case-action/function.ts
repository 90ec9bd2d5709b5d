import type { FunctionDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { CaseType } from '../../core/cases/case.ts';
import { slaTimerFunction } from '../sla-timer/function.ts';
import { lifecycleWorkflowId } from './workflow-ids.ts';

/** The platform's own work inside a lifecycle: close, cancel an order, open a linked case, refund, record. */
export const caseActionFunction: FunctionDecl = {
  id: 'case-action',
  entry: 'functions/case-action/handler.ts',
  timeoutSeconds: 30,
  access: {
    tables: [{ id: casesTable.id, access: 'readwrite' }],
    buses: [eventBus.id],
    workflows: [
      // open-linked-case starts any lifecycle; cancel-order stops the order's.
      ...Object.values(CaseType).map((type) => ({ id: lifecycleWorkflowId(type), access: 'start' as const })),
      { id: lifecycleWorkflowId(CaseType.order), access: 'stop' as const },
    ],
    // Closing a case deletes its steps' timers.
    scheduler: true,
    scheduleTargets: [slaTimerFunction.id],
  },
};
