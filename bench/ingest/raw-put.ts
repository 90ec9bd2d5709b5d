// The yardstick of bench:ingest: how many plain PutItems per second DynamoDB Local takes through
// the runtime's edge port (the path the handlers use), from this process, at the ingest's concurrency.
import { CreateTableCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from '../../local/dynamodb/client.ts';
import type { EdgeCredentials } from '../../local/edge/credentials.ts';

export interface RawPutResult {
  items: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p99: number };
}

const TABLE = 'ingest-bench-raw-put';

/** A throwaway table without indexes: the cheapest write DynamoDB Local can do. */
async function createTable(db: DynamoDBClient): Promise<void> {
  await db.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

/** `connections` loops, each awaiting one PutItem at a time until `seconds` have passed. */
async function putFor(db: DynamoDBClient, connections: number, seconds: number, payload: string, tag: string): Promise<RawPutResult> {
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  const loop = async (worker: number): Promise<void> => {
    for (let n = 0; performance.now() < end; n++) {
      const sent = performance.now();
      await db.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: `RAW#${tag}#${worker}` }, sk: { S: String(n).padStart(8, '0') }, data: { S: payload } } }));
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, worker) => loop(worker)));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
  return { items: latencies.length, seconds: elapsed, perSecond: latencies.length / elapsed, latencyMs: { p50: at(50), p99: at(99) } };
}

export interface RawPut {
  /** `connections` loops of PutItem for `seconds`; `tag` keeps the keys of each measurement apart. */
  measure(connections: number, seconds: number, tag: string): Promise<RawPutResult>;
  close(): void;
}

/** Creates the throwaway table; measure before and after the ingest so drift on a shared machine shows. */
export async function openRawPut(edgeUrl: string, payload: string, credentials: EdgeCredentials): Promise<RawPut> {
  const db = localDynamoDbClient(edgeUrl, credentials);
  await createTable(db);
  return {
    measure: (connections, seconds, tag) => putFor(db, connections, seconds, payload, tag),
    close: () => db.destroy(),
  };
}
