export { createSchedulerLocal, type SchedulerLocal, type SchedulerLocalOptions } from './scheduler-local.ts';
export { handleSchedulerRequest, createSchedulerRequestListener, SCHEDULER_PATH_PREFIXES, type RestResponse } from './api/http-handler.ts';
export type { SchedulerDispatcher } from './engine/dispatcher.ts';
export { parseScheduleExpression, type ScheduleExpression } from './expression/parse.ts';
export { nextFireAfter, type Recurrence } from './expression/next-fire.ts';
