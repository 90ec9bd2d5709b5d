import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import { ConditionalCheckFailedException, DynamoDBClient, GetItemCommand, PutItemCommand, CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createEmbeddedDynamoDb, DYNAMODB_TARGET_PREFIX } from '../../../local/dynamodb/embedded/embedded-dynamodb.ts';
import { edgeCredentials } from '../../../local/edge/credentials.ts';
import { edgeGuard, loopbackHosts } from '../../../local/edge/edge-guard.ts';
import { createEdgeServer } from '../../../local/edge/edge-server.ts';
import { IN_PROCESS_REQUEST_CHANNEL, InProcessHandler, InProcessTransportError } from '../../../local/edge/in-process-handler.ts';
import { Activity, awsOperation } from '../../../local/runtime/activity.ts';
import { createSchedulerLocal } from '../../../local/scheduler/index.ts';

const clock = new VirtualClock('2026-11-29T02:00:00Z');
const dynamo = createEmbeddedDynamoDb({ data: ':memory:', clock });
const scheduler = createSchedulerLocal({ data: ':memory:', clock, dispatcher: { invokeLambda: async () => {} } });
const credentials = edgeCredentials(mkdtempSync(join(tmpdir(), 'in-process-')));
let edgePort = 0;
// Guarded as the runtime's edge is: in-process requests pass the same Host and SigV4 checks.
const guard = edgeGuard({ credentials, region: 'us-east-1', allowedHosts: () => loopbackHosts(edgePort), now: () => Date.now() });
const edge = createEdgeServer(
  [
    { name: 'dynamodb', targetPrefix: DYNAMODB_TARGET_PREFIX, listener: dynamo.listener },
    ...scheduler.pathPrefixes.map((pathPrefix) => ({ name: 'scheduler', pathPrefix, listener: scheduler.listener })),
  ],
  () => {},
  guard,
);
const activity = new Activity();
activity.watch(edge, awsOperation);
let edgeUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => edge.listen(0, '127.0.0.1', resolve));
  edgePort = (edge.address() as AddressInfo).port;
  edgeUrl = `http://127.0.0.1:${edgePort}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => edge.close(() => resolve()));
  dynamo.close();
  scheduler.close();
});

const inProcess = () => ({ endpoint: edgeUrl, region: 'us-east-1', credentials, requestHandler: new InProcessHandler(edge, () => edgeUrl) });
const overHttp = () => ({ endpoint: edgeUrl, region: 'us-east-1', credentials });

describe('the in-process transport to the edge', () => {
  it('gives a DynamoDB client the answers it gets over HTTP, errors included', async () => {
    const local = new DynamoDBClient({ ...inProcess(), maxAttempts: 1 });
    const http = new DynamoDBClient({ ...overHttp(), maxAttempts: 1 });
    await local.send(
      new CreateTableCommand({ TableName: 'orders', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] }),
    );
    await local.send(new PutItemCommand({ TableName: 'orders', Item: { pk: { S: '订单-1' }, n: { N: '12345678901234567890123456789012345678' } } }));

    const key = { TableName: 'orders', Key: { pk: { S: '订单-1' } } };
    const [viaLocal, viaHttp] = await Promise.all([local.send(new GetItemCommand(key)), http.send(new GetItemCommand(key))]);
    expect(viaLocal.Item).toEqual({ pk: { S: '订单-1' }, n: { N: '12345678901234567890123456789012345678' } });
    expect(viaLocal.Item).toEqual(viaHttp.Item);

    const conditional = new PutItemCommand({ TableName: 'orders', Item: { pk: { S: '订单-1' } }, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
    const failure = await local.send(conditional).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ConditionalCheckFailedException);
    expect((failure as ConditionalCheckFailedException).Item?.pk).toEqual({ S: '订单-1' });
    expect((failure as ConditionalCheckFailedException).$metadata.httpStatusCode).toBe(400);
    local.destroy();
    http.destroy();
  });

  it('carries a REST service’s path and query string (EventBridge Scheduler)', async () => {
    const client = new SchedulerClient(inProcess());
    const target = { Arn: 'arn:aws:lambda:us-east-1:000000000000:function:f', RoleArn: 'arn:aws:iam::000000000000:role/r', Input: '{}' };
    for (const name of ['review-1', 'review-2', 'pack-1']) {
      await client.send(new CreateScheduleCommand({ Name: name, ScheduleExpression: 'at(2026-11-29T12:00:00)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: target }));
    }
    const listed = await client.send(new ListSchedulesCommand({ NamePrefix: 'review-' }));
    expect(listed.Schedules?.map((s) => s.Name).sort()).toEqual(['review-1', 'review-2']);
    client.destroy();
  });

  it('is seen by the edge’s request listeners, so the runtime’s activity counts it until it is answered', async () => {
    const before = activity.counts()['DynamoDB_20120810.GetItem'] ?? 0;
    let busyWhenAnswered: boolean | undefined;
    const watch = (message: unknown): void => {
      (message as { response: Writable }).response.once('finish', () => (busyWhenAnswered = activity.busy));
    };
    subscribe(IN_PROCESS_REQUEST_CHANNEL, watch);
    const client = new DynamoDBClient(inProcess());
    await client.send(new GetItemCommand({ TableName: 'orders', Key: { pk: { S: 'none' } } }));
    unsubscribe(IN_PROCESS_REQUEST_CHANNEL, watch);
    expect(busyWhenAnswered).toBe(true);
    await activity.idle();
    expect(activity.busy).toBe(false);
    expect(activity.counts()['DynamoDB_20120810.GetItem']).toBe(before + 1);
    client.destroy();
  });

  it('checks the signature as the edge does over HTTP: a wrong secret or an unknown key is refused in-process with the same error', async () => {
    const key = { TableName: 'orders', Key: { pk: { S: '订单-1' } } };
    for (const wrong of [
      { credentials: { ...credentials, secretAccessKey: 'w'.repeat(40) }, name: 'InvalidSignatureException' },
      { credentials: { accessKeyId: 'LKIAAAAAAAAAAAAAAAAA', secretAccessKey: credentials.secretAccessKey }, name: 'UnrecognizedClientException' },
    ]) {
      const local = new DynamoDBClient({ ...inProcess(), credentials: wrong.credentials, maxAttempts: 1 });
      const http = new DynamoDBClient({ ...overHttp(), credentials: wrong.credentials, maxAttempts: 1 });
      const [viaLocal, viaHttp] = await Promise.all([local.send(new GetItemCommand(key)).catch((e: Error) => e.name), http.send(new GetItemCommand(key)).catch((e: Error) => e.name)]);
      expect([viaLocal, viaHttp]).toEqual([wrong.name, wrong.name]);
      local.destroy();
      http.destroy();
    }
  });

  it('refuses a request addressed anywhere but the edge', async () => {
    const client = new DynamoDBClient({ ...inProcess(), endpoint: 'http://127.0.0.1:1', maxAttempts: 1 });
    await expect(client.send(new GetItemCommand({ TableName: 'orders', Key: { pk: { S: 'x' } } }))).rejects.toBeInstanceOf(InProcessTransportError);
    client.destroy();
  });
});
