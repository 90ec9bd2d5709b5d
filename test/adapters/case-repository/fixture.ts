import { afterAll, beforeAll } from 'vitest';
import { DynamoDbCaseRepository } from '../../../adapters/case-repository/dynamodb-case-repository.ts';
import { casesTable } from '../../../adapters/case-repository/table.ts';
import type { CaseType } from '../../../core/cases/case.ts';
import type { OpenStep } from '../../../core/cases/repository.ts';
import { createTestTable, type TestTable } from '../../support/dynamodb.ts';

/** A repository on a fresh case table of the run's DynamoDB Local, dropped after the file. */
export function useCaseRepository(): { repo: () => DynamoDbCaseRepository; table: () => TestTable } {
  let table: TestTable | undefined;
  let repo: DynamoDbCaseRepository | undefined;
  beforeAll(async () => {
    table = await createTestTable(casesTable);
    repo = new DynamoDbCaseRepository({ client: table.client, tableName: table.tableName });
  });
  afterAll(async () => {
    await table?.drop();
  });
  return {
    repo: () => {
      if (!repo) throw new Error('repository used outside a test');
      return repo;
    },
    table: () => {
      if (!table) throw new Error('table used outside a test');
      return table;
    },
  };
}

let counter = 0;
/** Ids unique within the run, readable in failure output. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

/** Creates an open case and returns its id. */
export async function givenCase(repo: DynamoDbCaseRepository, type: CaseType = 'order', orderId?: string): Promise<string> {
  const id = uniqueId(type);
  await repo.createCase({ id, type, orderId, openedAt: '2025-03-03T10:00:00+08:00', data: {} });
  return id;
}

export function reviewStep(caseId: string, overrides: Partial<OpenStep> = {}): OpenStep {
  return {
    caseId,
    caseType: 'order',
    step: 'order.review',
    role: 'ops-cs',
    openedAt: '2025-03-03T10:00:00+08:00',
    warnAt: '2025-03-03T10:24:00+08:00',
    due: '2025-03-03T10:30:00+08:00',
    taskToken: 'token-1',
    ...overrides,
  };
}
