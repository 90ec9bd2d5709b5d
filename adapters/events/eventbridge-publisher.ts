/**
 * The EventPublisher on an EventBridge custom bus: PutEvents in batches of 10 (the API's limit),
 * every entry with source `sla-platform`. Any refused entry fails the call, so a Lambda retry
 * redelivers; consumers are idempotent.
 */
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type DomainEvent, type EventPublisher } from '../../core/ports/events.ts';
import type { Clock } from '../../core/time/clock.ts';
import { EventPublishFailed } from './errors.ts';

/** PutEvents takes at most 10 entries per call. */
export const PUT_EVENTS_BATCH = 10;

export interface EventBridgePublisherOptions {
  client: EventBridgeClient;
  busName: string;
  clock: Clock;
}

export class EventBridgePublisher implements EventPublisher {
  constructor(private readonly options: EventBridgePublisherOptions) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += PUT_EVENTS_BATCH) {
      const batch = events.slice(i, i + PUT_EVENTS_BATCH);
      const output = await this.options.client.send(new PutEventsCommand({ Entries: batch.map((event) => this.entryOf(event)) }));
      if ((output.FailedEntryCount ?? 0) > 0) {
        const failed = (output.Entries ?? [])
          .map((entry, index) => ({ entry, event: batch[index] }))
          .filter(({ entry }) => entry.ErrorCode !== undefined)
          .map(({ entry, event }) => ({ detailType: event?.detailType ?? 'unknown', errorCode: entry.ErrorCode, errorMessage: entry.ErrorMessage }));
        throw new EventPublishFailed(failed.length ? failed : [{ detailType: 'unknown', errorCode: `FailedEntryCount=${output.FailedEntryCount}` }]);
      }
    }
  }

  private entryOf(event: DomainEvent): PutEventsRequestEntry {
    return {
      EventBusName: this.options.busName,
      Source: EVENT_SOURCE,
      DetailType: event.detailType,
      Detail: JSON.stringify(event.detail),
      Time: new Date(event.time ?? this.options.clock.now()),
    };
  }
}
