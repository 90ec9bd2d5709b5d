/**
 * The alarm outbox in the case table (docs/data-model.md, docs/alarms.md "Design"): one partition
 * per channel, `ALARMS#<channel>`, holding
 * - `STATE`: pacing (`nextSendAt`, `backoffMs`), the planned flush (`flushAt`) and the flush lease;
 * - `SEEN#<alarm key>`: the alarm was queued once (kept 14 days), so redeliveries are dropped;
 * - `PENDING#<at>#<alarm key>`: queued, sorted by when it happened;
 * - `DEAD#<at>#<alarm key>`: refused for good, with the robot's answer (kept 30 days);
 * - `SUMMARY#<day>`: the daily summary went out (kept 30 days).
 * Enqueueing writes SEEN and PENDING in one transaction: both or neither. The customer notices
 * (docs/notices.md) use the same outbox under the partition prefix `NOTICES`.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Alarm } from '../../core/alarms/alarm.ts';
import type { AlarmOutbox, ChannelState, DeadLetter, PendingAlarm, Queueable } from '../../core/alarms/outbox.ts';
import { failedConditions, isConditionalCheckFailed } from '../case-repository/sdk-errors.ts';

const DAY_S = 86_400;
const STATE = 'STATE';
const pendingKey = (alarm: Queueable): string => `PENDING#${alarm.at}#${alarm.key}`;
const expiresAt = (now: string, days: number): number => Math.floor(Date.parse(now) / 1000) + days * DAY_S;

export class DynamoDbAlarmOutbox<T extends Queueable = Alarm> implements AlarmOutbox<T> {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    /** `ALARMS` for alarm channels; another kind of item keeps its own partitions. */
    private readonly prefix = 'ALARMS',
  ) {}

  private partition(channel: string): string {
    return `${this.prefix}#${channel}`;
  }

  async enqueue(channel: string, item: PendingAlarm<T>, now: string): Promise<boolean> {
    const pk = this.partition(channel);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: { pk, sk: `SEEN#${item.alarm.key}`, at: now, expiresAt: expiresAt(now, 14) }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: this.table, Item: { pk, sk: pendingKey(item.alarm), alarm: JSON.stringify(item.alarm), notBefore: item.notBefore } } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (failedConditions(error)?.[0] === true) return false;
      throw error;
    }
  }

  async pending(channel: string, limit: number): Promise<PendingAlarm<T>[]> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': this.partition(channel), ':prefix': 'PENDING#' },
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return (result.Items ?? []).map((item) => ({ alarm: JSON.parse(String(item.alarm)) as T, notBefore: String(item.notBefore) }));
  }

  async sent(channel: string, items: readonly PendingAlarm<T>[]): Promise<void> {
    await Promise.all(items.map((item) => this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: this.partition(channel), sk: pendingKey(item.alarm) } }))));
  }

  async deadLetter(channel: string, items: readonly PendingAlarm<T>[], reason: string, now: string): Promise<void> {
    const pk = this.partition(channel);
    for (const item of items) {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: { pk, sk: `DEAD#${item.alarm.at}#${item.alarm.key}`, alarm: JSON.stringify(item.alarm), reason, at: now, expiresAt: expiresAt(now, 30) } } },
            { Delete: { TableName: this.table, Key: { pk, sk: pendingKey(item.alarm) } } },
          ],
        }),
      );
    }
  }

  async deadLetters(channel: string): Promise<DeadLetter<T>[]> {
    const result = await this.db.send(
      new QueryCommand({ TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': this.partition(channel), ':prefix': 'DEAD#' } }),
    );
    return (result.Items ?? []).map((item) => ({ alarm: JSON.parse(String(item.alarm)) as T, at: String(item.at), reason: String(item.reason) }));
  }

  async claim(channel: string, now: string, leaseUntil: string): Promise<{ state: ChannelState } | { heldUntil: string }> {
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: this.partition(channel), sk: STATE },
          UpdateExpression: 'SET leaseUntil = :until REMOVE flushAt',
          ConditionExpression: 'attribute_not_exists(leaseUntil) OR leaseUntil <= :now',
          ExpressionAttributeValues: { ':until': leaseUntil, ':now': now },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const item = result.Attributes ?? {};
      return {
        state: {
          ...(typeof item.nextSendAt === 'string' ? { nextSendAt: item.nextSendAt } : {}),
          ...(typeof item.backoffMs === 'number' ? { backoffMs: item.backoffMs } : {}),
        },
      };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const held = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: this.partition(channel), sk: STATE }, ConsistentRead: true }));
      return { heldUntil: String(held.Item?.leaseUntil ?? now) };
    }
  }

  async release(channel: string, state: ChannelState): Promise<void> {
    const sets = ['nextSendAt = :next'];
    const values: Record<string, unknown> = { ':next': state.nextSendAt ?? new Date(0).toISOString() };
    if (state.backoffMs !== undefined) {
      sets.push('backoffMs = :backoff');
      values[':backoff'] = state.backoffMs;
    }
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: this.partition(channel), sk: STATE },
        UpdateExpression: `SET ${sets.join(', ')} REMOVE leaseUntil${state.backoffMs === undefined ? ', backoffMs' : ''}`,
        ExpressionAttributeValues: values,
      }),
    );
  }

  async requestFlush(channel: string, at: string, now: string, staleMs: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: this.partition(channel), sk: STATE },
          UpdateExpression: 'SET flushAt = :at',
          ConditionExpression: 'attribute_not_exists(flushAt) OR flushAt > :at OR flushAt < :stale',
          ExpressionAttributeValues: { ':at': at, ':stale': new Date(Date.parse(now) - staleMs).toISOString() },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async claimSummary(channel: string, day: string, now: string): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.table, Item: { pk: this.partition(channel), sk: `SUMMARY#${day}`, at: now, expiresAt: expiresAt(now, 30) }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async unclaimSummary(channel: string, day: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: this.partition(channel), sk: `SUMMARY#${day}` } }));
  }
}
