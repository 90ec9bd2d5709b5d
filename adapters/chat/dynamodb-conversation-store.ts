/**
 * Conversations in the case table (docs/data-model.md, "Chat conversations"): one item per
 * conversation, `CHAT#<conversationId>` / `CONVERSATION`, its messages packed as compact JSON
 * (who and when, never the text), found per day through gsi4 (`CHATDAY#<day>`): the item itself on
 * its first day, a day marker (`CHAT#<id>` / `DAY#<day>`) on each later day with a customer message
 * (a reopened conversation), written in the same transaction as the conversation. While a
 * greeting or question is pending, through gsi3 (`CHATDUE` / `<due ISO>#<conversationId>`) for
 * the sweep. Every change is one conditional write on `version`.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ChatMessage, ChatSender } from '../../core/chat/message.ts';
import type { ConversationStore, StoredConversation } from '../../core/chat/repository.ts';
import { CaseIndex } from '../case-repository/table.ts';
import { queryAll, type TableAccess } from '../case-repository/table-access.ts';
import { failedConditions, isConditionalCheckFailed } from '../case-repository/sdk-errors.ts';

/** Sparse index partitions of conversation items. */
export const ChatPartition = { byDay: (day: string) => `CHATDAY#${day}`, due: 'CHATDUE' } as const;

const SENDER_CODE: Record<ChatSender, string> = { customer: 'c', agent: 'a', auto: 'o' };
const SENDER_OF: Record<string, ChatSender> = { c: 'customer', a: 'agent', o: 'auto' };

/** `[messageId, sender code, sentAt ms, agentId?]`: about 40 bytes a message. */
type Packed = [string, string, number, string?];

export interface DynamoDbConversationStoreOptions {
  /**
   * A plain client: a document client made `from` it shares its middleware stack, so it is made
   * with the case repository's marshalling options (a second set would change both).
   */
  client: DynamoDBClient;
  tableName: string;
}

export class DynamoDbConversationStore implements ConversationStore {
  private readonly access: TableAccess;

  constructor(options: DynamoDbConversationStoreOptions) {
    const db = DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
    this.access = { db, table: options.tableName, maxWriteAttempts: 1 };
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    const result = await this.access.db.send(new GetCommand({ TableName: this.access.table, Key: key(conversationId), ConsistentRead: true }));
    return result.Item === undefined ? undefined : fromItem(result.Item);
  }

  async put(next: StoredConversation, previous?: StoredConversation): Promise<boolean> {
    const version = next.version - 1;
    const condition =
      version === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': version } };
    const known = new Set([next.day, ...(previous?.days ?? [])]);
    const markers = next.days.filter((d) => !known.has(d));
    try {
      if (markers.length === 0) {
        await this.access.db.send(new PutCommand({ TableName: this.access.table, Item: toItem(next), ...condition }));
      } else {
        await this.access.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: this.access.table, Item: toItem(next), ...condition } },
              ...markers.map((day) => ({ Put: { TableName: this.access.table, Item: dayMarker(next.conversationId, day) } })),
            ],
          }),
        );
      }
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error) || failedConditions(error)?.[0] === true) return false;
      throw error;
    }
  }

  async announce(conversationId: string, announcement: string): Promise<boolean> {
    try {
      await this.access.db.send(
        new UpdateCommand({
          TableName: this.access.table,
          Key: key(conversationId),
          // The version moves too, so a concurrent put of older state fails and reloads instead of dropping the mark.
          UpdateExpression: 'ADD announced :one, #version :inc',
          ConditionExpression: 'attribute_exists(pk) AND NOT contains(announced, :key)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':one': new Set([announcement]), ':key': announcement, ':inc': 1 },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async listByDay(day: string): Promise<StoredConversation[]> {
    const items = await queryAll(this.access, {
      IndexName: CaseIndex.reporting,
      KeyConditionExpression: `${CaseIndex.reporting}pk = :pk`,
      ExpressionAttributeValues: { ':pk': ChatPartition.byDay(day) },
    });
    const reopened = items.filter((i) => i.entity === DAY_MARKER).map((i) => this.get(String(i.conversationId)));
    const found = [...items.filter((i) => i.entity !== DAY_MARKER).map(fromItem), ...(await Promise.all(reopened)).filter((c) => c !== undefined)];
    return [...new Map(found.map((c) => [c.conversationId, c])).values()];
  }
}

const DAY_MARKER = 'conversation-day';

/** Finds a conversation on a later day with a customer message; written once, never changed. */
function dayMarker(conversationId: string, day: string): Record<string, unknown> {
  return {
    ...key(conversationId),
    sk: `DAY#${day}`,
    entity: DAY_MARKER,
    conversationId,
    [`${CaseIndex.reporting}pk`]: ChatPartition.byDay(day),
    [`${CaseIndex.reporting}sk`]: conversationId,
  };
}

function key(conversationId: string): { pk: string; sk: string } {
  return { pk: `CHAT#${conversationId}`, sk: 'CONVERSATION' };
}

function toItem(c: StoredConversation): Record<string, unknown> {
  const packed: Packed[] = c.messages.map((m) => (m.agentId === undefined ? [m.messageId, SENDER_CODE[m.from], m.sentAt] : [m.messageId, SENDER_CODE[m.from], m.sentAt, m.agentId]));
  const due = c.nextDue === undefined ? {} : { [`${CaseIndex.attention}pk`]: ChatPartition.due, [`${CaseIndex.attention}sk`]: `${new Date(c.nextDue).toISOString()}#${c.conversationId}` };
  return {
    ...key(c.conversationId),
    entity: 'conversation',
    conversationId: c.conversationId,
    messages: JSON.stringify(packed),
    // DynamoDB has no empty sets: the attribute is absent until the first announcement.
    ...(c.announced.length > 0 ? { announced: new Set(c.announced) } : {}),
    day: c.day,
    days: c.days,
    ...(c.nextDue !== undefined ? { nextDue: c.nextDue } : {}),
    version: c.version,
    [`${CaseIndex.reporting}pk`]: ChatPartition.byDay(c.day),
    [`${CaseIndex.reporting}sk`]: c.conversationId,
    ...due,
  };
}

function fromItem(item: Record<string, unknown>): StoredConversation {
  const conversationId = String(item.conversationId);
  const packed = JSON.parse(String(item.messages)) as Packed[];
  const messages: ChatMessage[] = packed.map(([messageId, code, sentAt, agentId]) => ({
    conversationId,
    messageId,
    from: SENDER_OF[code] ?? 'customer',
    sentAt,
    ...(agentId !== undefined ? { agentId } : {}),
  }));
  const announced = item.announced instanceof Set ? [...(item.announced as Set<string>)].sort() : [];
  return {
    conversationId,
    messages,
    announced,
    day: String(item.day),
    // Conversations stored before `days` existed were indexed on their first day only.
    days: Array.isArray(item.days) ? item.days.map(String) : [String(item.day)],
    nextDue: typeof item.nextDue === 'number' ? item.nextDue : undefined,
    version: typeof item.version === 'number' ? item.version : 0,
  };
}
