import type { FunctionDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';

const SLA_TIMER_ID = 'sla-timer';

/** Fires SLA timers (warning, breach, automatic resume, case-level deadlines); the target of every one-time timer schedule. */
export const slaTimerFunction: FunctionDecl = {
  id: SLA_TIMER_ID,
  entry: 'functions/sla-timer/handler.ts',
  timeoutSeconds: 30,
  access: { tables: [{ id: casesTable.id, access: 'readwrite' }], buses: [eventBus.id], scheduler: true, scheduleTargets: [SLA_TIMER_ID] },
};
