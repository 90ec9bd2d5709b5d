import type { FunctionDecl, ScheduleDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { CaseType } from '../../core/cases/case.ts';
import { lifecycleWorkflowId } from '../case-action/workflow-ids.ts';
import { slaTimerFunction } from '../sla-timer/function.ts';

/** Hands every dispatched parcel to the courier (completes `order.pickup`), raising `PickupMissed` for late ones. */
export const pickupBatchFunction: FunctionDecl = {
  id: 'pickup-batch',
  entry: 'functions/pickup-batch/handler.ts',
  timeoutSeconds: 120,
  access: {
    tables: [{ id: casesTable.id, access: 'readwrite' }],
    buses: [eventBus.id],
    workflows: [{ id: lifecycleWorkflowId(CaseType.order), access: 'callback' }],
    scheduler: true,
    scheduleTargets: [slaTimerFunction.id],
  },
};

/** The three daily courier pickups (service-standards.md §2); the function skips non-pickup days of the policy too. */
export const pickupBatchSchedule: ScheduleDecl = {
  id: 'pickup-batch',
  expression: 'cron(0 10,13,17 ? * MON-SAT *)',
  timeZone: 'Asia/Shanghai',
  targetFunction: pickupBatchFunction.id,
};
