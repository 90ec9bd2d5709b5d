import { casesTable } from '../../adapters/case-repository/table.ts';
import type { FunctionDecl, ScheduleDecl } from '../../platform/manifest-types.ts';

/** Draws last week's quality checks (质检) into the supervisor's QA queue (qa-sample.ts). */
export const qaSampleFunction: FunctionDecl = {
  id: 'qa-sample',
  entry: 'functions/qa-sample/handler.ts',
  timeoutSeconds: 120,
  access: { tables: [{ id: casesTable.id, access: 'readwrite' }] },
};

/** Mondays 06:00 Beijing time: the week before is complete (issue 23, "each week"). */
export const qaSampleSchedule: ScheduleDecl = {
  id: 'qa-sample',
  expression: 'cron(0 6 ? * MON *)',
  timeZone: 'Asia/Shanghai',
  targetFunction: qaSampleFunction.id,
};
