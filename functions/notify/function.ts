import type { FunctionDecl, RuleDecl, ScheduleDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { ALARM_DETAIL_TYPES } from '../../core/alarms/alarm.ts';
import { EVENT_SOURCE } from '../../core/ports/events.ts';

export const NOTIFY_FUNCTION_ID = 'notify';

/**
 * Alarms that reach people (docs/alarms.md): takes every alarm event off the bus, queues it per
 * channel in the case table, and sends digests to the group robots on one-time flush schedules
 * (which target this function), plus the daily summary.
 */
export const notifyFunction: FunctionDecl = {
  id: NOTIFY_FUNCTION_ID,
  entry: 'functions/notify/handler.ts',
  timeoutSeconds: 60,
  access: { tables: [{ id: casesTable.id, access: 'readwrite' }], scheduler: true, scheduleTargets: [NOTIFY_FUNCTION_ID], alarmSecrets: true },
};

/** Every alarm event on the bus → notify. */
export const alarmEventsRule: RuleDecl = {
  id: 'alarm-events',
  bus: eventBus.id,
  pattern: { source: [EVENT_SOURCE], 'detail-type': [...ALARM_DETAIL_TYPES] },
  targets: [{ function: NOTIFY_FUNCTION_ID }],
};

/** The daily summary's check, every quarter hour; the policy's `alarms.dailySummary.at` picks the run that sends. */
export const alarmSummarySchedule: ScheduleDecl = {
  id: 'alarm-summary',
  expression: 'cron(0,15,30,45 * * * ? *)',
  timeZone: 'Asia/Shanghai',
  targetFunction: NOTIFY_FUNCTION_ID,
};
