/** Case-level deadline items (docs/data-model.md, "Items"): started once, then moved by conditional writes. */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseDeadlineOutcome, CaseDeadlineRecord } from '../../core/cases/case-deadline.ts';
import type { NewCaseDeadline } from '../../core/cases/repository.ts';
import { CaseDeadlineNotFound, CaseNotFound, ConcurrentUpdate } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import { caseDeadlineItem, toCaseDeadline, versionOf, type Item } from './items.ts';
import { caseDeadlineKey, caseKey } from './keys.ts';
import { failedConditions } from './sdk-errors.ts';
import { writeVersioned, type Loaded, type TableAccess } from './table-access.ts';

export class CaseDeadlineStore {
  constructor(private readonly access: TableAccess) {}

  async start(input: NewCaseDeadline): Promise<CaseDeadlineRecord> {
    const record = newCaseDeadline(input);
    try {
      await this.access.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: this.access.table, Key: caseKey(input.caseId), ConditionExpression: 'attribute_exists(pk)' } },
            startCaseDeadlinePut(this.access.table, record),
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

/** The record of a deadline as it starts, its instants normalised to UTC. */
export function newCaseDeadline(input: NewCaseDeadline): CaseDeadlineRecord {
  return {
    caseId: input.caseId,
    caseType: input.caseType,
    deadline: input.deadline,
    startedAt: toInstant(input.startedAt),
    due: toInstant(input.due),
    ...(input.warnAt !== undefined ? { warnAt: toInstant(input.warnAt) } : {}),
  };
}

/** The transaction item that starts a deadline: a put that never overwrites a started one (its instants are kept). */
export function startCaseDeadlinePut(table: string, record: CaseDeadlineRecord): { Put: { TableName: string; Item: Item; ConditionExpression: string } } {
  return { Put: { TableName: table, Item: caseDeadlineItem(record, 1), ConditionExpression: 'attribute_not_exists(pk)' } };
}
