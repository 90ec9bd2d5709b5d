/**
 * The embedded DynamoDB store: the DynamoDB API (JSON 1.0, `X-Amz-Target: DynamoDB_20120810.*`)
 * on SQLite in this process — no Java. Requests that arrive together share one commit
 * (group commit); every answer waits for the commit that holds its request.
 */
import { Database } from '../../sqlite/database.ts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../../core/time/clock.ts';
import type { StorageReporter } from '../../storage/storage-health.ts';
import { dispatchJsonProtocol, jsonProtocolListener, type JsonProtocolResponse, type JsonProtocolService } from '../../edge/json-protocol.ts';
import { DynamoDbApiError } from './errors.ts';
import { GroupCommit } from './group-commit.ts';
import { WriteFaultWatch } from './write-fault-watch.ts';
import { ItemStore } from './item-store.ts';
import { batchGetItem, batchWriteItem } from './operations/batch-operations.ts';
import type { StoreContext } from './operations/context.ts';
import { deleteItem, getItem, putItem, updateItem } from './operations/item-operations.ts';
import { query, scan } from './operations/read-operations.ts';
import type { Body } from './operations/request.ts';
import { createTable, deleteTable, describeTable, describeTimeToLive, listTables, updateTimeToLive } from './operations/table-operations.ts';
import { transactGetItems, transactWriteItems, type TokenLedger } from './operations/transaction-operations.ts';
import { TtlSweeper } from './ttl-sweeper.ts';

export const DYNAMODB_TARGET_PREFIX = 'DynamoDB_20120810.';
export const DATABASE_FILE = 'dynamodb.sqlite';

export interface EmbeddedDynamoDbOptions {
  /** A directory for `dynamodb.sqlite`, or ':memory:' (nothing survives). */
  data: string;
  clock: Clock;
  region?: string;
  accountId?: string;
  /**
   * SQLite's `synchronous` in WAL mode: NORMAL (default) keeps every acknowledged write through
   * kill -9 of the process; FULL also through a power cut, at one fsync per group commit.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /** How often expired TTL items are deleted (clock milliseconds; default 15 minutes). */
  ttlSweepMs?: number;
  onError?: (error: unknown) => void;
  /** Hears when a commit fails on a full disk and when one succeeds again (store name `dynamodb`). */
  health?: StorageReporter;
}

export interface EmbeddedDynamoDb {
  /** In-process API calls, the same shapes as over HTTP: `request('PutItem', {...})`. */
  request(operation: string, body: object): Promise<JsonProtocolResponse>;
  /** Node request listener for the shared edge (route `X-Amz-Target: DynamoDB_20120810.*`). */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  readonly targetPrefix: string;
  /** Commits what is pending and closes the database. */
  close(): void;
}

interface Context extends StoreContext {
  commit: GroupCommit;
  tokens: TokenLedger;
}

type Operation = (ctx: Context, body: Body) => object;

const OPERATIONS: Record<string, Operation> = {
  CreateTable: createTable,
  DescribeTable: describeTable,
  ListTables: listTables,
  DeleteTable: deleteTable,
  UpdateTimeToLive: updateTimeToLive,
  DescribeTimeToLive: describeTimeToLive,
  PutItem: putItem,
  GetItem: getItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  BatchGetItem: batchGetItem,
  BatchWriteItem: batchWriteItem,
  TransactWriteItems: (ctx, body) => transactWriteItems(ctx, ctx.tokens, body),
  TransactGetItems: transactGetItems,
};

const SERVICE: JsonProtocolService<Context> = {
  name: 'dynamodb-embedded',
  targetPrefix: DYNAMODB_TARGET_PREFIX,
  // Every operation runs inside the group commit and answers once its commit is durable.
  operations: Object.fromEntries(Object.entries(OPERATIONS).map(([name, op]) => [name, (ctx: Context, body: Record<string, unknown>) => ctx.commit.run(() => op(ctx, body))])),
  errorClass: DynamoDbApiError,
  internalErrorType: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
  errorBody: (error) => {
    const e = error as DynamoDbApiError;
    return { __type: `${e.namespace}#${e.name}`, message: e.message, ...e.extra };
  },
};

export function openStoreDatabase(data: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL'): Database {
  if (data === ':memory:') return new Database(':memory:');
  mkdirSync(data, { recursive: true });
  const db = new Database(join(data, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  return db;
}

export function createEmbeddedDynamoDb(options: EmbeddedDynamoDbOptions): EmbeddedDynamoDb {
  const db = openStoreDatabase(options.data, options.synchronous);
  const store = new ItemStore(db);
  const commit: GroupCommit = new GroupCommit(
    db,
    (error) => {
      // Whatever the lost batch did to the in-memory table list is undone.
      store.reloadTables();
      faults.failed(error);
      options.onError?.(error);
    },
    () => faults.committed(),
  );
  const faults = new WriteFaultWatch(options.data === ':memory:' ? undefined : options.data, db, options.clock, options.health, (write) => {
    commit.run(write).catch(() => {}); // its failure is the commit's, reported to the watch
    commit.commit();
  });
  const ctx: Context = { store, clock: options.clock, region: options.region ?? 'us-east-1', accountId: options.accountId ?? '000000000000', commit, tokens: new Map() };
  const sweeper = new TtlSweeper(store, commit, options.clock, options.ttlSweepMs ?? 15 * 60_000);
  sweeper.start();
  const handle = (target: string | undefined, rawBody: string): Promise<JsonProtocolResponse> => dispatchJsonProtocol(SERVICE, ctx, target, rawBody);
  return {
    request: (operation, body) => handle(`${DYNAMODB_TARGET_PREFIX}${operation}`, JSON.stringify(body)),
    listener: jsonProtocolListener('application/x-amz-json-1.0', handle),
    targetPrefix: DYNAMODB_TARGET_PREFIX,
    close() {
      sweeper.stop();
      faults.stop();
      commit.commit();
      db.close();
    },
  };
}
