import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EventPublishFailed } from '../../../adapters/events/errors.ts';
import { EventBridgePublisher } from '../../../adapters/events/eventbridge-publisher.ts';
import type { DomainEvent } from '../../../core/ports/events.ts';
import { VirtualClock } from '../../../core/time/clock.ts';

const eventBridge = mockClient(EventBridgeClient);

function publisher(): EventBridgePublisher {
  return new EventBridgePublisher({ client: new EventBridgeClient({ region: 'us-east-1' }), busName: 'sla-platform-events', clock: new VirtualClock('2025-03-03T02:00:00Z') });
}

const event = (i: number): DomainEvent => ({ detailType: 'SlaWarning', detail: { caseId: `c-${i}` } });

describe('EventBridgePublisher', () => {
  beforeEach(() => eventBridge.reset());

  it('puts each event on the bus with source sla-platform, its detail-type and JSON detail', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: '1' }] });

    await publisher().publish([{ detailType: 'StepOpened', detail: { caseId: 'c-1', step: 'order.review' }, time: '2025-03-03T02:05:00.000Z' }, event(2)]);

    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.Entries).toEqual([
      { EventBusName: 'sla-platform-events', Source: 'sla-platform', DetailType: 'StepOpened', Detail: '{"caseId":"c-1","step":"order.review"}', Time: new Date('2025-03-03T02:05:00.000Z') },
      { EventBusName: 'sla-platform-events', Source: 'sla-platform', DetailType: 'SlaWarning', Detail: '{"caseId":"c-2"}', Time: new Date('2025-03-03T02:00:00.000Z') },
    ]);
  });

  it('sends at most 10 entries per call', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0 });
    await publisher().publish(Array.from({ length: 23 }, (_, i) => event(i)));
    expect(eventBridge.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries?.length)).toEqual([10, 10, 3]);
  });

  it('throws EventPublishFailed naming the refused entries when FailedEntryCount > 0', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ EventId: 'ok' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }] });
    const publishing = publisher().publish([event(1), event(2)]);
    await expect(publishing).rejects.toBeInstanceOf(EventPublishFailed);
    await expect(publishing).rejects.toThrow(/SlaWarning \(ThrottlingException: slow down\)/);
  });

  it('makes no call for no events', async () => {
    await publisher().publish([]);
    expect(eventBridge.calls()).toHaveLength(0);
  });
});
