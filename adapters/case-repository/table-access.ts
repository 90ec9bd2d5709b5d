/**
 * The few ways the repository touches its table: paged and exhaustive queries, and the
 * optimistic versioned write every state transition goes through.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../../core/cases/repository.ts';
import type { Item } from './items.ts';
import { page, PageTokens } from './pagination.ts';
import { isConditionalCheckFailed } from './sdk-errors.ts';

export interface TableAccess {
  db: DynamoDBDocumentClient;
  table: string;
  /** Optimistic writes are retried this many times before giving up. */
  maxWriteAttempts: number;
  /** Signs page tokens; without it, a key of this process (tokens that never leave it). */
  pageTokens?: PageTokens;
}

const processTokens = new PageTokens();

export type Query = Omit<QueryCommandInput, 'TableName'>;

const DEFAULT_PAGE_SIZE = 100;

export async function queryPage<T>(access: TableAccess, query: Query, request: PageRequest | undefined, convert: (item: Item) => T): Promise<Page<T>> {
  // A token is valid only for the query it came from: the index, key condition and values.
  const scope = JSON.stringify([query.IndexName ?? '', query.KeyConditionExpression ?? '', query.ExpressionAttributeValues ?? {}]);
  const tokens = access.pageTokens ?? processTokens;
  const startKey = await tokens.decode(request?.nextToken, scope);
  const result = await access.db.send(new QueryCommand({ ...query, TableName: access.table, Limit: request?.limit ?? DEFAULT_PAGE_SIZE, ExclusiveStartKey: startKey }));
  return page((result.Items ?? []).map(convert), tokens.encode(result.LastEvaluatedKey, scope));
}

export async function queryAll(access: TableAccess, query: Query): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await access.db.send(new QueryCommand({ ...query, TableName: access.table, ExclusiveStartKey: startKey }));
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

/** All items of one index partition, in sort-key order. */
export function indexQuery(index: string, partition: string): Query {
  return { IndexName: index, KeyConditionExpression: `${index}pk = :pk`, ExpressionAttributeValues: { ':pk': partition } };
}

export interface Loaded<T> {
  record: T;
  version: number;
}

export interface VersionedWrite<T, R> {
  load: () => Promise<Loaded<T>>;
  /** The transition: `next` to write (none when nothing changes) and the caller's result. Throws domain errors. */
  apply: (record: T) => { next?: T; result: R };
  toItem: (record: T, version: number) => Item;
  /** The error when every attempt lost a race. */
  exhausted: () => Error;
}

/**
 * Load → apply → write back only if nobody wrote in between (`version` unchanged). A loser
 * reloads and applies again, so it sees the winner's write and fails with the domain error
 * (e.g. `StepNotOpen` for the second of two completions).
 */
export async function writeVersioned<T, R>(access: TableAccess, write: VersionedWrite<T, R>): Promise<R> {
  for (let attempt = 0; attempt < access.maxWriteAttempts; attempt++) {
    const { record, version } = await write.load();
    const { next, result } = write.apply(record);
    if (next === undefined) return result;
    try {
      await access.db.send(
        new PutCommand({
          TableName: access.table,
          Item: write.toItem(next, version + 1),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': version },
        }),
      );
      return result;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
  throw write.exhausted();
}
