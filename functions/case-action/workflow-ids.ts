import type { CaseRecord, CaseType } from '../../core/cases/case.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';

/** The manifest workflow running a case type's lifecycle (one Standard state machine per lifecycle, named by its case type). */
export function lifecycleWorkflowId(caseType: CaseType): string {
  return caseType;
}

/**
 * The execution running a case's lifecycle. It is named after the case, so its ARN is derived
 * (no write to record it); cases stored before that carry the ARN they were started with.
 */
export function lifecycleExecutionArn(workflows: Pick<WorkflowGateway, 'executionArn'>, record: Pick<CaseRecord, 'id' | 'type' | 'executionArn'>): string {
  return record.executionArn ?? workflows.executionArn(lifecycleWorkflowId(record.type), record.id);
}
