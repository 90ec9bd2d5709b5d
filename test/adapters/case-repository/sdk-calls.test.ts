/** The shapes of the SDK calls that carry the store's guarantees, checked without a database. */
import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbCaseRepository } from '../../../adapters/case-repository/dynamodb-case-repository.ts';
import { stepItem } from '../../../adapters/case-repository/items.ts';
import { CaseClosed, ConcurrentUpdate, StepNotOpen } from '../../../core/cases/errors.ts';
import type { StepRecord } from '../../../core/cases/step.ts';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), {
  marshallOptions: { removeUndefinedValues: true },
});
const mock = mockClient(db);
const repo = new DynamoDbCaseRepository({ client: db, tableName: 'cases-test', maxWriteAttempts: 3 });

const step: StepRecord = {
  caseId: 'C-1',
  caseType: 'order',
  step: 'order.review',
  attempt: 1,
  role: 'ops-cs',
  status: 'open',
  openedAt: '2025-03-03T02:00:00.000Z',
  due: '2025-03-03T02:30:00.000Z',
  pauses: [],
};
const selector = { caseId: 'C-1', step: 'order.review', attempt: 1 };
const conditionFailed = (): ConditionalCheckFailedException => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

beforeEach(() => {
  mock.reset();
});

describe('completeStep', () => {
  it('writes the completed step only if its version is still the one read', async () => {
    mock.on(GetCommand).resolves({ Item: stepItem(step, 3) });
    mock.on(PutCommand).resolves({});

    await repo.completeStep(selector, { at: '2025-03-03T02:10:00.000Z', by: 'agent-li', outcome: 'confirmed' });

    const put = mock.commandCalls(PutCommand)[0]?.args[0].input;
    expect(put).toMatchObject({
      TableName: 'cases-test',
      ConditionExpression: '#version = :version',
      ExpressionAttributeValues: { ':version': 3 },
      Item: { pk: 'CASE#C-1', sk: 'STEP#order.review#001', version: 4, status: 'completed', gsi4pk: 'CLOSED#2025-03-03' },
    });
    expect(put?.Item).not.toHaveProperty('gsi2pk');
    expect(mock.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({ ConsistentRead: true, Key: { pk: 'CASE#C-1', sk: 'STEP#order.review#001' } });
  });

  it('re-reads after losing the race and reports the winner’s completion as StepNotOpen', async () => {
    const winner = { ...step, status: 'completed' as const, completedBy: 'agent-wang' };
    mock.on(GetCommand).resolvesOnce({ Item: stepItem(step, 1) }).resolves({ Item: stepItem(winner, 2) });
    mock.on(PutCommand).rejects(conditionFailed());

    await expect(repo.completeStep(selector, { at: '2025-03-03T02:10:00.000Z', by: 'agent-li' })).rejects.toBeInstanceOf(StepNotOpen);
    expect(mock.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('gives up with ConcurrentUpdate after losing every attempt', async () => {
    mock.on(GetCommand).resolves({ Item: stepItem({ ...step, status: 'paused', pausedNow: { from: step.openedAt, reason: 'r' } }, 1) });
    mock.on(PutCommand).rejects(conditionFailed());

    await expect(repo.resumeStep(selector, { at: '2025-03-03T02:10:00.000Z' })).rejects.toBeInstanceOf(ConcurrentUpdate);
    expect(mock.commandCalls(PutCommand)).toHaveLength(3);
  });

  it('passes other SDK failures through untouched', async () => {
    mock.on(GetCommand).resolves({ Item: stepItem(step, 1) });
    mock.on(PutCommand).rejects(new Error('socket hang up'));
    await expect(repo.completeStep(selector, { at: '2025-03-03T02:10:00.000Z', by: 'x' })).rejects.toThrow('socket hang up');
  });
});

describe('openStep', () => {
  const input = { caseId: 'C-1', caseType: 'order' as const, step: 'order.review', role: 'ops-cs', openedAt: '2025-03-03T02:00:00.000Z', due: '2025-03-03T02:30:00.000Z', taskToken: 't' };

  it('checks the case is open and the step new in one transaction', async () => {
    mock.on(TransactWriteCommand).resolves({});
    await repo.openStep(input);

    const items = mock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems;
    expect(items?.[0]?.ConditionCheck).toMatchObject({
      Key: { pk: 'CASE#C-1', sk: 'CASE' },
      ConditionExpression: 'attribute_exists(pk) AND #status = :open',
      ExpressionAttributeValues: { ':open': 'open' },
    });
    expect(items?.[1]?.Put).toMatchObject({
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: { sk: 'STEP#order.review#001', version: 1, taskToken: 't', gsi2pk: 'QUEUE#ops-cs', gsi3pk: 'SWEEP' },
    });
  });

  it('reports a failed case condition as CaseClosed with the case’s status', async () => {
    mock.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] }),
    );
    mock.on(GetCommand).resolves({ Item: { pk: 'CASE#C-1', sk: 'CASE', id: 'C-1', type: 'order', status: 'cancelled', openedAt: step.openedAt, data: {}, version: 2 } });

    await expect(repo.openStep(input)).rejects.toEqual(new CaseClosed('C-1', 'cancelled'));
  });
});

describe('markAnnounced', () => {
  it('stamps announcedAt in place with one UpdateItem, moving the version on, without reading the step', async () => {
    mock.on(UpdateCommand).resolves({});
    expect(await repo.markAnnounced(selector, '2025-03-03T02:00:01.000Z')).toBe(true);

    expect(mock.commandCalls(GetCommand)).toHaveLength(0);
    expect(mock.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({
      Key: { pk: 'CASE#C-1', sk: 'STEP#order.review#001' },
      UpdateExpression: 'SET announcedAt = :at, #version = #version + :one',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(announcedAt)',
      ExpressionAttributeValues: { ':at': '2025-03-03T02:00:01.000Z', ':one': 1 },
    });
  });

  it('answers false when the stamp is there already', async () => {
    mock.on(UpdateCommand).rejects(conditionFailed());
    mock.on(GetCommand).resolves({ Item: stepItem({ ...step, announcedAt: '2025-03-03T02:00:01.000Z' }, 2) });
    expect(await repo.markAnnounced(selector, '2025-03-03T02:05:00.000Z')).toBe(false);
  });
});
