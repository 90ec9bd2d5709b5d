/**
 * Rosters in the case table (docs/people.md): one item per Asia/Shanghai day, `pk = ROSTER`,
 * `sk = DAY#<YYYY-MM-DD>`, holding the day's entries; round-robin cursors as `sk = CURSOR#<role>`.
 * A week is 7 items, so replacing a range is one transaction: a reader sees the old week or the new.
 */
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { daysBetween, type RosterEntry } from '../../core/people/roster.ts';
import type { RosterStore } from '../../core/people/roster-store.ts';

const PK = 'ROSTER';
const dayKey = (day: string) => ({ pk: PK, sk: `DAY#${day}` });
const cursorKey = (role: string) => ({ pk: PK, sk: `CURSOR#${role}` });
/** DynamoDB's limit of items per transaction. */
export const MAX_ROSTER_DAYS = 100;

export class DynamoDbRosterStore implements RosterStore {
  private readonly db: DynamoDBDocumentClient;

  constructor(options: { client: DynamoDBClient | DynamoDBDocumentClient; tableName: string }) {
    this.db = options.client instanceof DynamoDBDocumentClient ? options.client : DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
    this.table = options.tableName;
  }

  private readonly table: string;

  async read(from: string, to: string): Promise<RosterEntry[]> {
    const entries: RosterEntry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': PK, ':from': `DAY#${from}`, ':to': `DAY#${to}` },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of result.Items ?? []) entries.push(...((item.entries as RosterEntry[] | undefined) ?? []));
      startKey = result.LastEvaluatedKey;
    } while (startKey !== undefined);
    return entries;
  }

  async replace(from: string, to: string, entries: readonly RosterEntry[]): Promise<void> {
    const days = daysBetween(from, to);
    if (days.length > MAX_ROSTER_DAYS) throw new RangeError(`a roster write covers at most ${MAX_ROSTER_DAYS} days`);
    const byDay = new Map(days.map((d) => [d, [] as RosterEntry[]]));
    for (const e of entries) byDay.get(e.day)?.push(e);
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [...byDay].map(([day, list]) =>
          list.length > 0 ? { Put: { TableName: this.table, Item: { ...dayKey(day), entity: 'roster', day, entries: list } } } : { Delete: { TableName: this.table, Key: dayKey(day) } },
        ),
      }),
    );
  }

  async recentAssignees(role: string): Promise<string[]> {
    const result = await this.db.send(new GetCommand({ TableName: this.table, Key: cursorKey(role), ConsistentRead: true }));
    const recent: unknown = result.Item?.recent;
    if (Array.isArray(recent)) return recent.filter((p): p is string => typeof p === 'string');
    // An item of the first release kept only the last person.
    return typeof result.Item?.person === 'string' ? [result.Item.person] : [];
  }

  async recordAssigned(role: string, person: string): Promise<void> {
    const recent = [...(await this.recentAssignees(role)).filter((p) => p !== person), person];
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...cursorKey(role), entity: 'cursor', role, recent } }));
  }
}
