/**
 * The idempotency records in the case table (docs/data-model.md, "idempotency record"):
 * `pk = IDEMPOTENCY#<function>`, `sk = <event id>`, `status` (`in-progress` | `queued` | `completed`),
 * `payloadHash` (hex SHA-256 of the body), `leaseUntil` (epoch ms), `response` and `expiresAt`
 * (epoch seconds, the table's TTL).
 */
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Claim, IdempotencyStore, StoredResponse } from './idempotency.ts';

export interface DynamoDbIdempotencyOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /** The records' partition, e.g. `IDEMPOTENCY#storefront-webhook`. */
  partition: string;
}

/**
 * `accept` has no lease of its own to compare with: an in-progress lease ending more than this
 * beyond now (two of the ingest's default 60 s leases) was written before the clock went back.
 */
const ACCEPT_REWOUND_MS = 120_000;

export class DynamoDbIdempotencyStore implements IdempotencyStore {
  private readonly db: DynamoDBDocumentClient;

  constructor(private readonly options: DynamoDbIdempotencyOptions) {
    this.db =
      options.client instanceof DynamoDBDocumentClient ? options.client : DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
  }

  claim(key: string, payloadHash: string, now: number, leaseUntil: number): Promise<Claim> {
    const item = { status: 'in-progress', payloadHash, leaseUntil, expiresAt: Math.ceil(leaseUntil / 1000) + 86_400 };
    return this.put(key, item, now, leaseUntil + (leaseUntil - now));
  }

  accept(key: string, payloadHash: string, response: StoredResponse, now: number, expiresAt: number): Promise<Claim> {
    // No lease: a queued record is final for the ack; only `now` decides whether an abandoned claim is taken over.
    return this.put(key, { status: 'queued', payloadHash, response, expiresAt: Math.ceil(expiresAt / 1000) }, now, now + ACCEPT_REWOUND_MS);
  }

  /** The conditional put of `claim` and `accept`; when it fails, what the stored record says. */
  private async put(key: string, item: Record<string, unknown> & { payloadHash: string }, now: number, rewound: number, attempt = 1): Promise<Claim> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.options.tableName,
          Item: { pk: this.options.partition, sk: key, entity: 'idempotency', ...item },
          // New, an abandoned claim whose lease ran out, or one whose lease ends more than a whole
          // lease beyond ours: only a clock since set back (NTP, a VM restore) writes such a lease.
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :inProgress AND (leaseUntil < :now OR leaseUntil > :rewound))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':inProgress': 'in-progress', ':now': now, ':rewound': rewound },
        }),
      );
      return { kind: 'claimed' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) && !(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    }
    const { Item } = await this.db.send(new GetCommand({ TableName: this.options.tableName, Key: { pk: this.options.partition, sk: key }, ConsistentRead: true }));
    // Records written before payload hashes were kept have none: they are taken as the same payload.
    if (Item !== undefined && typeof Item.payloadHash === 'string' && Item.payloadHash !== item.payloadHash) return { kind: 'reused' };
    if (Item?.status === 'completed' && isResponse(Item.response)) return { kind: 'completed', response: Item.response };
    if (Item?.status === 'queued' && isResponse(Item.response)) return { kind: 'queued', response: Item.response };
    // Released between our put and get: claim again.
    if (Item === undefined && attempt < 3) return this.put(key, item, now, rewound, attempt + 1);
    return { kind: 'in-progress' };
  }

  async complete(key: string, payloadHash: string, response: StoredResponse, expiresAt: number): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.options.tableName,
        Item: { pk: this.options.partition, sk: key, entity: 'idempotency', status: 'completed', payloadHash, response, expiresAt: Math.ceil(expiresAt / 1000) },
      }),
    );
  }

  async release(key: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({
        TableName: this.options.tableName,
        Key: { pk: this.options.partition, sk: key },
        ConditionExpression: '#status = :inProgress',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inProgress': 'in-progress' },
      }),
    ).catch((error: unknown) => {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    });
  }
}

function isResponse(value: unknown): value is StoredResponse {
  return typeof value === 'object' && value !== null && typeof (value as StoredResponse).statusCode === 'number' && typeof (value as StoredResponse).body === 'string';
}
