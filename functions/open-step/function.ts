import type { FunctionDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { slaTimerFunction } from '../sla-timer/function.ts';

/** Opens a human or automatic step for a workflow's waitForTaskToken Task. */
export const openStepFunction: FunctionDecl = {
  id: 'open-step',
  entry: 'functions/open-step/handler.ts',
  timeoutSeconds: 30,
  // people: a new step is assigned to an on-duty person of its role (issue 23).
  access: { tables: [{ id: casesTable.id, access: 'readwrite' }], buses: [eventBus.id], scheduler: true, scheduleTargets: [slaTimerFunction.id], people: true },
};
