import {
  CreateEventBusCommand,
  DeleteRuleCommand,
  DescribeEventBusCommand,
  DescribeRuleCommand,
  InvalidEventPatternException,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  TestEventPatternCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createEventBridgeLocal, type EventBridgeLocal } from '../../../local/eventbridge/index.ts';
import { close, eventBridgeClient, listen } from './harness.ts';

describe('EventBridge emulator API through @aws-sdk/client-eventbridge', () => {
  let eb: EventBridgeLocal;
  let server: Server;
  let client: EventBridgeClient;

  beforeEach(async () => {
    eb = createEventBridgeLocal({ data: ':memory:', clock: new VirtualClock('2026-11-27T02:00:00Z'), region: 'ap-east-1', accountId: '000000000000' });
    server = createServer(eb.listener);
    client = eventBridgeClient(await listen(server));
  });

  afterEach(async () => {
    client.destroy();
    await close(server);
    eb.close();
  });

  it('creates, describes and lists buses, and has a default bus', async () => {
    const { EventBusArn } = await client.send(new CreateEventBusCommand({ Name: 'sla-events', Description: 'SLA events' }));
    expect(EventBusArn).toBe('arn:aws:events:ap-east-1:000000000000:event-bus/sla-events');
    const described = await client.send(new DescribeEventBusCommand({ Name: 'sla-events' }));
    expect(described).toMatchObject({ Name: 'sla-events', Arn: EventBusArn, Description: 'SLA events' });
    expect(described.CreationTime).toEqual(new Date('2026-11-27T02:00:00Z'));
    const { EventBuses } = await client.send(new ListEventBusesCommand({}));
    expect(EventBuses?.map((b) => b.Name)).toEqual(['default', 'sla-events']);
  });

  it('refuses a duplicate bus with ResourceAlreadyExistsException', async () => {
    await client.send(new CreateEventBusCommand({ Name: 'b' }));
    await expect(client.send(new CreateEventBusCommand({ Name: 'b' }))).rejects.toBeInstanceOf(ResourceAlreadyExistsException);
  });

  it('answers ResourceNotFoundException for an unknown bus or rule', async () => {
    await expect(client.send(new DescribeEventBusCommand({ Name: 'nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new DescribeRuleCommand({ Name: 'nope' }))).rejects.toThrow(/Rule nope does not exist on EventBus default/);
  });

  it('puts, describes, lists and deletes rules; a custom bus gives rule/<bus>/<name> ARNs', async () => {
    await client.send(new CreateEventBusCommand({ Name: 'sla-events' }));
    const pattern = JSON.stringify({ source: ['sla-platform'], 'detail-type': ['SlaBreached'] });
    const { RuleArn } = await client.send(new PutRuleCommand({ Name: 'breaches', EventBusName: 'sla-events', EventPattern: pattern }));
    expect(RuleArn).toBe('arn:aws:events:ap-east-1:000000000000:rule/sla-events/breaches');
    expect(await client.send(new DescribeRuleCommand({ Name: 'breaches', EventBusName: 'sla-events' }))).toMatchObject({ Name: 'breaches', EventPattern: pattern, State: 'ENABLED', EventBusName: 'sla-events' });
    expect((await client.send(new ListRulesCommand({ EventBusName: 'sla-events' }))).Rules?.map((r) => r.Name)).toEqual(['breaches']);
    await client.send(new DeleteRuleCommand({ Name: 'breaches', EventBusName: 'sla-events' }));
    expect((await client.send(new ListRulesCommand({ EventBusName: 'sla-events' }))).Rules).toEqual([]);
  });

  it('refuses an invalid pattern with InvalidEventPatternException', async () => {
    const error = await client.send(new PutRuleCommand({ Name: 'bad', EventPattern: '{"source": [{"numeric": [">"]}]}' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventPatternException);
    expect((error as Error).message).toMatch(/source: numeric expects/);
  });

  it('puts, lists and removes targets; a rule with targets is not deleted without Force', async () => {
    await client.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source": ["x"]}' }));
    const put = await client.send(new PutTargetsCommand({ Rule: 'r', Targets: [{ Id: 'hook', Arn: 'http://127.0.0.1:9/hook' }, { Id: 'fn', Arn: 'arn:aws:lambda:ap-east-1:000000000000:function:alarm' }, { Id: 'queue', Arn: 'arn:aws:sqs:ap-east-1:000000000000:q' }] }));
    expect(put.FailedEntryCount).toBe(1);
    expect(put.FailedEntries?.[0]?.TargetId).toBe('queue');
    expect((await client.send(new ListTargetsByRuleCommand({ Rule: 'r' }))).Targets?.map((t) => t.Id)).toEqual(['fn', 'hook']);
    await expect(client.send(new DeleteRuleCommand({ Name: 'r' }))).rejects.toMatchObject({ name: 'ValidationException', message: "Rule can't be deleted since it has targets." });
    const removed = await client.send(new RemoveTargetsCommand({ Rule: 'r', Ids: ['fn', 'missing'] }));
    expect(removed.FailedEntryCount).toBe(1);
    expect((await client.send(new ListTargetsByRuleCommand({ Rule: 'r' }))).Targets?.map((t) => t.Id)).toEqual(['hook']);
    await client.send(new DeleteRuleCommand({ Name: 'r', Force: true }));
  });

  it('PutEvents returns an id per accepted entry and an error per refused one', async () => {
    const out = await client.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'sla-platform', DetailType: 'SlaWarning', Detail: '{"caseId":"c1"}' },
          { Source: 'sla-platform', DetailType: 'SlaWarning', Detail: 'not json' },
          { Source: 'sla-platform', DetailType: 'SlaWarning', Detail: '{}', EventBusName: 'missing' },
        ],
      }),
    );
    expect(out.FailedEntryCount).toBe(2);
    expect(out.Entries?.[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.Entries?.[1]?.ErrorCode).toBe('MalformedDetail');
    expect(out.Entries?.[2]?.ErrorCode).toBe('ResourceNotFoundException');
  });

  it('TestEventPattern evaluates a pattern against an event', async () => {
    const event = JSON.stringify({ id: '1', source: 'sla-platform', 'detail-type': 'SlaBreached', account: '0', time: '2026-11-27T02:00:00Z', region: 'ap-east-1', resources: [], detail: { step: 'ship' } });
    expect((await client.send(new TestEventPatternCommand({ EventPattern: '{"detail": {"step": [{"prefix": "sh"}]}}', Event: event }))).Result).toBe(true);
    expect((await client.send(new TestEventPatternCommand({ EventPattern: '{"detail": {"step": ["pack"]}}', Event: event }))).Result).toBe(false);
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const response = await eb.request('CreateArchive', {});
    expect(response).toEqual({ status: 400, body: { __type: 'UnknownOperationException', message: 'Unknown operation: AWSEvents.CreateArchive' } });
  });
});
