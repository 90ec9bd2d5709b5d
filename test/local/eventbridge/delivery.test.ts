import { CreateEventBusCommand, PutEventsCommand, PutRuleCommand, PutTargetsCommand, type EventBridgeClient, type PutTargetsCommandInput } from '@aws-sdk/client-eventbridge';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { advanceRuntime } from '../../../local/runtime/virtual-time.ts';
import { createEventBridgeLocal, type EventBridgeDispatcher, type EventBridgeLocal } from '../../../local/eventbridge/index.ts';
import { close, eventBridgeClient, listen, webhookServer, type Received } from './harness.ts';

const BREACH = { Source: 'sla-platform', DetailType: 'SlaBreached', EventBusName: 'sla-events', Detail: JSON.stringify({ caseId: 'c-1', step: 'ship', role: 'warehouse' }) };
const PATTERN = JSON.stringify({ source: ['sla-platform'], 'detail-type': ['SlaBreached'] });

describe('EventBridge emulator target delivery', () => {
  let dataDir: string;
  let clock: VirtualClock;
  let eb: EventBridgeLocal;
  let api: Server;
  let client: EventBridgeClient;
  let hook: { server: Server; received: Received[] };
  let hookUrl: string;

  async function start(statuses: number[] = [], dispatcher?: EventBridgeDispatcher): Promise<void> {
    eb = createEventBridgeLocal({ data: dataDir, clock, ...(dispatcher ? { dispatcher } : {}) });
    api = createServer(eb.listener);
    client = eventBridgeClient(await listen(api));
    hook = webhookServer(statuses);
    hookUrl = `${await listen(hook.server)}/robot/send`;
  }

  async function stop(): Promise<void> {
    client.destroy();
    await close(api);
    await close(hook.server);
    eb.close();
  }

  async function breachRule(target: PutTargetsCommandInput['Targets']): Promise<void> {
    await client.send(new CreateEventBusCommand({ Name: 'sla-events' }));
    await client.send(new PutRuleCommand({ Name: 'breach-alarm', EventBusName: 'sla-events', EventPattern: PATTERN }));
    await client.send(new PutTargetsCommand({ Rule: 'breach-alarm', EventBusName: 'sla-events', Targets: target }));
  }

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'eb-local-'));
    clock = new VirtualClock('2026-11-27T02:00:00Z');
  });

  afterEach(async () => {
    if (api?.listening) await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('posts a matching event to an HTTP target (the group-robot webhook)', async () => {
    await start();
    await breachRule([{ Id: 'robot', Arn: hookUrl }]);
    const out = await client.send(new PutEventsCommand({ Entries: [BREACH, { ...BREACH, DetailType: 'SlaWarning' }] }));
    await eb.idle();
    expect(hook.received).toHaveLength(1);
    const event = JSON.parse(hook.received[0]!.body) as Record<string, unknown>;
    expect(event).toMatchObject({ id: out.Entries?.[0]?.EventId, source: 'sla-platform', 'detail-type': 'SlaBreached', time: '2026-11-27T02:00:00Z', detail: { caseId: 'c-1', step: 'ship' } });
    expect(hook.received[0]!.path).toBe('/robot/send');
    expect(eb.pendingDeliveries()).toBe(0);
  });

  it('renders an InputTransformer template into the robot message body, with header parameters', async () => {
    await start();
    await breachRule([
      {
        Id: 'robot',
        Arn: hookUrl,
        HttpParameters: { HeaderParameters: { 'x-robot': 'sla' }, QueryStringParameters: { key: 'k1' } },
        InputTransformer: {
          InputPathsMap: { caseId: '$.detail.caseId', step: '$.detail.step' },
          InputTemplate: '{"msgtype": "text", "text": {"content": "SLA breached: case <caseId>, step <step> (rule <aws.events.rule-name>)"}, "case": <caseId>}',
        },
      },
    ]);
    await client.send(new PutEventsCommand({ Entries: [BREACH] }));
    await eb.idle();
    expect(JSON.parse(hook.received[0]!.body)).toEqual({ msgtype: 'text', text: { content: 'SLA breached: case c-1, step ship (rule breach-alarm)' }, case: 'c-1' });
    expect(hook.received[0]!.headers['x-robot']).toBe('sla');
    expect(hook.received[0]!.path).toBe('/robot/send?key=k1');
  });

  it('sends Input verbatim and InputPath a part of the event', async () => {
    await start();
    await breachRule([
      { Id: 'fixed', Arn: `${hookUrl}?t=fixed`, Input: '{"alarm":true}' },
      { Id: 'detail', Arn: `${hookUrl}?t=detail`, InputPath: '$.detail' },
    ]);
    await client.send(new PutEventsCommand({ Entries: [BREACH] }));
    await eb.idle();
    const byPath = Object.fromEntries(hook.received.map((r) => [r.path.split('?t=')[1], JSON.parse(r.body) as unknown]));
    expect(byPath).toEqual({ fixed: { alarm: true }, detail: { caseId: 'c-1', step: 'ship', role: 'warehouse' } });
  });

  it('retries a failing target with exponential backoff on the clock until it succeeds', async () => {
    await start([500, 503]);
    await breachRule([{ Id: 'robot', Arn: hookUrl }]);
    await client.send(new PutEventsCommand({ Entries: [BREACH] }));
    await eb.idle();
    expect(hook.received).toHaveLength(1);
    await clock.advance(999);
    await eb.idle();
    expect(hook.received).toHaveLength(1);
    await clock.advance(1); // first retry after 1 s
    await eb.idle();
    expect(hook.received).toHaveLength(2);
    await clock.advance(2_000); // second retry 2 s later succeeds
    await eb.idle();
    expect(hook.received).toHaveLength(3);
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
    expect(eb.pendingDeliveries()).toBe(0);
    expect(eb.deadLetters()).toEqual([]);
  });

  it('dead-letters a delivery once its retry attempts run out', async () => {
    await start([500, 500, 500, 500]);
    await breachRule([{ Id: 'robot', Arn: hookUrl, RetryPolicy: { MaximumRetryAttempts: 2 } }]);
    await client.send(new PutEventsCommand({ Entries: [BREACH] }));
    // Timer by timer: each retry's HTTP answer arrives over real I/O before the clock moves on.
    await advanceRuntime({ settle: () => eb.idle() }, clock, clock.now() + 60_000);
    expect(hook.received).toHaveLength(3);
    const dead = eb.deadLetters();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ attempts: 3, error: expect.stringContaining('HTTP 500') as unknown });
    expect(eb.pendingDeliveries()).toBe(0);
  });

  it('does not retry a 4xx answer', async () => {
    await start([400]);
    await breachRule([{ Id: 'robot', Arn: hookUrl }]);
    await client.send(new PutEventsCommand({ Entries: [BREACH] }));
    await eb.idle();
    expect(eb.deadLetters()).toHaveLength(1);
    expect(hook.received).toHaveLength(1);
  });

  it('hands Lambda and Step Functions targets to the plugged-in dispatcher', async () => {
    const calls: string[] = [];
    await start([], {
      invokeLambda: async (arn, payload) => void calls.push(`lambda ${arn} ${(JSON.parse(payload) as { detail: { caseId: string } }).detail.caseId}`),
      startExecution: async (arn, input) => void calls.push(`sfn ${arn} ${input}`),
    });
    await breachRule([
      { Id: 'fn', Arn: 'arn:aws:lambda:us-east-1:123456789012:function:alarm' },
      { Id: 'wf', Arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:escalate', InputPath: '$.detail.caseId' },
    ]);
    await client.send(new PutEventsCommand({ Entries: [BREACH] }));
    await eb.idle();
    expect(calls.sort()).toEqual(['lambda arn:aws:lambda:us-east-1:123456789012:function:alarm c-1', 'sfn arn:aws:states:us-east-1:123456789012:stateMachine:escalate "c-1"']);
  });

  it('keeps buses, rules, targets and undelivered deliveries across a restart on the same data dir', async () => {
    await start([500]);
    await breachRule([{ Id: 'robot', Arn: hookUrl }]);
    await client.send(new PutEventsCommand({ Entries: [BREACH] }));
    await eb.idle();
    expect(hook.received).toHaveLength(1);
    expect(eb.pendingDeliveries()).toBe(1);
    const firstHook = hook;
    await stop(); // the retry is pending in SQLite

    eb = createEventBridgeLocal({ data: dataDir, clock, dispatcher: { postHttp: async (request) => void firstHook.received.push({ path: request.url, headers: {}, body: request.body }) } });
    expect((await eb.request('DescribeRule', { Name: 'breach-alarm', EventBusName: 'sla-events' })).status).toBe(200);
    expect((await eb.request('ListTargetsByRule', { Rule: 'breach-alarm', EventBusName: 'sla-events' })).body).toMatchObject({ Targets: [{ Id: 'robot', Arn: hookUrl }] });
    await clock.advance(1_000);
    await eb.idle();
    expect(firstHook.received).toHaveLength(2);
    expect(firstHook.received[1]!.body).toBe(firstHook.received[0]!.body);
    expect(eb.pendingDeliveries()).toBe(0);
    eb.close();
  });
});
