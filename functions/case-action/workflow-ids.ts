import type { CaseType } from '../../core/cases/case.ts';

/** The manifest workflow running a case type's lifecycle (one Standard state machine per lifecycle, named by its case type). */
export function lifecycleWorkflowId(caseType: CaseType): string {
  return caseType;
}
