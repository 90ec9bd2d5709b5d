/**
 * The dependencies of the step/timer functions for logic tests: the real case repository on a
 * fresh table of the run's DynamoDB Local, in-memory fakes for the bus, scheduler and workflows,
 * the shipped policy and a VirtualClock.
 */
import { DynamoDbQaStore } from '../../adapters/qa/dynamodb-qa-store.ts';
import { afterAll, beforeAll } from 'vitest';
import { DynamoDbCaseRepository } from '../../adapters/case-repository/dynamodb-case-repository.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import type { CaseType } from '../../core/cases/case.ts';
import { VirtualClock } from '../../core/time/clock.ts';
import type { Dependencies } from '../../functions/shared/dependencies.ts';
import { awsClients } from '../../functions/shared/aws-clients.ts';
import { silentLogger } from '../../functions/shared/logger.ts';
import { getDefaultPolicy } from '../../policy/load.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';
import { DynamoDbConversationStore } from '../../adapters/chat/dynamodb-conversation-store.ts';
import { FakeChatTimers, FakeEventPublisher, FakeTimerScheduler, FakeWorkflowGateway } from '../support/fakes.ts';

export interface Harness extends Dependencies {
  repository: DynamoDbCaseRepository;
  events: FakeEventPublisher;
  timers: FakeTimerScheduler;
  workflows: FakeWorkflowGateway;
  conversations: DynamoDbConversationStore;
  chatTimers: FakeChatTimers;
  clock: VirtualClock;
}

/** A case table for the file; `fresh(start)` gives each test its own fakes and clock on it. */
export function useHarness(): { fresh: (start: string) => Harness; table: () => TestTable } {
  let table: TestTable | undefined;
  let repository: DynamoDbCaseRepository | undefined;
  let conversations: DynamoDbConversationStore | undefined;
  let qa: DynamoDbQaStore | undefined;
  beforeAll(async () => {
    table = await createTestTable(casesTable);
    repository = new DynamoDbCaseRepository({ client: table.client, tableName: table.tableName });
    conversations = new DynamoDbConversationStore({ client: table.client, tableName: table.tableName });
    qa = new DynamoDbQaStore({ client: table.client, tableName: table.tableName });
  });
  afterAll(async () => {
    await table?.drop();
  });
  return {
    table: () => {
      if (!table) throw new Error('table used outside a test');
      return table;
    },
    fresh(start) {
      if (!repository || !conversations || !qa) throw new Error('harness used outside a test');
      return {
        repository,
        conversations,
        qa,
        chatTimers: new FakeChatTimers(),
        events: new FakeEventPublisher(),
        timers: new FakeTimerScheduler(),
        workflows: new FakeWorkflowGateway(),
        clock: new VirtualClock(start),
        policy: getDefaultPolicy(),
        log: silentLogger(),
        // Unused by the fakes above; a piece that needs a raw client gets one from the environment.
        clients: awsClients(),
      };
    },
  };
}

let counter = 0;
/** Ids unique within the run (test files share DynamoDB Local but not tables; tests share a file's table). */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

/** Creates an open case opened at the clock's time and returns its id. */
export async function givenCase(h: Harness, type: CaseType = 'order', extra: { orderId?: string; data?: Record<string, unknown> } = {}): Promise<string> {
  const id = uniqueId(type);
  await h.repository.createCase({ id, type, orderId: extra.orderId, openedAt: new Date(h.clock.now()).toISOString(), data: extra.data ?? {} });
  return id;
}
