import type { FunctionDecl, ScheduleDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { slaTimerFunction } from '../sla-timer/function.ts';

/** Catches SLA timers that were lost: warns or breaches every step whose timer is past due. */
export const slaSweepFunction: FunctionDecl = {
  id: 'sla-sweep',
  entry: 'functions/sla-sweep/handler.ts',
  timeoutSeconds: 120,
  access: { tables: [{ id: casesTable.id, access: 'readwrite' }], buses: [eventBus.id], scheduler: true, scheduleTargets: [slaTimerFunction.id], people: true },
};

export const slaSweepSchedule: ScheduleDecl = {
  id: 'sla-sweep',
  expression: 'rate(5 minutes)',
  timeZone: 'Asia/Shanghai',
  targetFunction: slaSweepFunction.id,
};
