/**
 * The categories of the complaint cases a report counts (`GET /reports/sla?groupBy=category`,
 * service-standards.md §12 "Complaint kinds"): what the handler set at acknowledgement, else what
 * `complaint.filed` said (core/complaints/kinds.ts).
 */
import { StepNotFound } from '../../core/cases/errors.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import { complaintKind } from '../../core/complaints/kinds.ts';

/** caseId → category (absent: none given, counted as `other`) for the complaint cases among `caseIds`. */
export async function complaintCategories(repository: Pick<CaseRepository, 'getCaseRecords' | 'getStep'>, caseIds: readonly string[]): Promise<Map<string, string>> {
  const records = (await repository.getCaseRecords([...new Set(caseIds)])).filter((c) => c.type === 'complaint');
  const categories = new Map<string, string>();
  for (const record of records) {
    const acknowledged = await acknowledgementFields(repository, record.id);
    const { category } = complaintKind(record.data, acknowledged);
    if (category !== undefined) categories.set(record.id, category);
  }
  return categories;
}

async function acknowledgementFields(repository: Pick<CaseRepository, 'getStep'>, caseId: string): Promise<Record<string, unknown> | undefined> {
  try {
    const step = await repository.getStep({ caseId, step: 'complaint.acknowledge' });
    return step.status === 'completed' ? step.fields : undefined;
  } catch (error) {
    if (error instanceof StepNotFound) return undefined;
    throw error;
  }
}
