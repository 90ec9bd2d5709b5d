/** Case-level deadline items (docs/data-model.md, "Items"): started once, then moved by conditional writes. */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseDeadlineOutcome, CaseDeadlineRecord } from '../../core/cases/case-deadline.ts';
import { CaseDeadlineNotFound, CaseNotFound, ConcurrentUpdate } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import { optionalInstant } from './step-store.ts';
import { caseDeadlineItem, toCaseDeadline, versionOf } from './items.ts';
import { caseDeadlineKey, caseKey } from './keys.ts';
import { failedConditions } from './sdk-errors.ts';
import { writeVersioned, type Loaded, type TableAccess } from './table-access.ts';

export class CaseDeadlineStore {
  constructor(private readonly access: TableAccess) {}

  async start(input: Omit<CaseDeadlineRecord, 'warnedAt' | 'breachedAt' | 'settledAt'>): Promise<CaseDeadlineRecord> {
    const record: CaseDeadlineRecord = {
      caseId: input.caseId,
      caseType: input.caseType,
      deadline: input.deadline,
      startedAt: toInstant(input.startedAt),
      due: toInstant(input.due),
      ...(input.warnAt !== undefined ? { warnAt: optionalInstant(input.warnAt) } : {}),
    };
    try {
      await this.access.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: this.access.table, Key: caseKey(input.caseId), ConditionExpression: 'attribute_exists(pk)' } },
            { Put: { TableName: this.access.table, Item: caseDeadlineItem(record, 1), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return record;
    } catch (error) {
      const failed = failedConditions(error);
      if (failed?.[0]) throw new CaseNotFound(input.caseId);
      if (!failed?.[1]) throw error;
    }
    return (await this.load(input.caseId, input.deadline)).record;
  }

  async get(caseId: string, deadline: string): Promise<CaseDeadlineRecord | undefined> {
    const result = await this.access.db.send(new GetCommand({ TableName: this.access.table, Key: caseDeadlineKey(caseId, deadline), ConsistentRead: true }));
    return result.Item ? toCaseDeadline(result.Item) : undefined;
  }

  update(caseId: string, deadline: string, apply: (d: CaseDeadlineRecord) => CaseDeadlineOutcome): Promise<CaseDeadlineOutcome> {
    return writeVersioned(this.access, {
      load: () => this.load(caseId, deadline),
      apply: (record) => {
        const outcome = apply(record);
        return { next: outcome.changed ? outcome.deadline : undefined, result: outcome };
      },
      toItem: caseDeadlineItem,
      exhausted: () => new ConcurrentUpdate(caseId, `deadline ${deadline}`),
    });
  }

  private async load(caseId: string, deadline: string): Promise<Loaded<CaseDeadlineRecord>> {
    const result = await this.access.db.send(new GetCommand({ TableName: this.access.table, Key: caseDeadlineKey(caseId, deadline), ConsistentRead: true }));
    if (!result.Item) throw new CaseDeadlineNotFound(caseId, deadline);
    return { record: toCaseDeadline(result.Item), version: versionOf(result.Item) };
  }
}
