import type { FunctionDecl, ScheduleDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';
import { CaseType } from '../../core/cases/case.ts';
import { lifecycleWorkflowId } from '../case-action/workflow-ids.ts';

/** Opens one `stock.supplier-collect` per supplier with goods waiting in damaged stock (报损库). */
export const supplierCollectFunction: FunctionDecl = {
  id: 'supplier-collect',
  entry: 'functions/supplier-collect/handler.ts',
  timeoutSeconds: 120,
  access: {
    tables: [{ id: casesTable.id, access: 'readwrite' }],
    buses: [eventBus.id],
    workflows: [{ id: lifecycleWorkflowId(CaseType.stock), access: 'start' }],
  },
};

/** Every Monday 10:00 (service-standards.md §12 "Side flows", derived): suppliers collect in weekly batches ("分批取货"). */
export const supplierCollectSchedule: ScheduleDecl = {
  id: 'supplier-collect',
  expression: 'cron(0 10 ? * MON *)',
  timeZone: 'Asia/Shanghai',
  targetFunction: supplierCollectFunction.id,
};
