/**
 * Where the runtime's DynamoDB lives: the embedded store (default: SQLite in this process, no
 * Java) or DynamoDB Local (`--dynamodb java`: the bundled jar on the system's Java 17). Either
 * way the handlers reach it through the edge port with the AWS SDK, and the manifest's tables exist.
 */
import type { StorageReporter } from '../storage/storage-health.ts';
import { join } from 'node:path';
import type { Manifest } from '../../platform/manifest-types.ts';
import type { Clock } from '../../core/time/clock.ts';
import { localDynamoDbClient } from '../dynamodb/client.ts';
import { createEmbeddedDynamoDb } from '../dynamodb/embedded/embedded-dynamodb.ts';
import { ensureEmbeddedTable } from '../dynamodb/embedded/ensure-tables.ts';
import { migrateDynamoDbLocal } from '../dynamodb/embedded/migrate-dynamodb-local.ts';
import { startDynamoDbLocal } from '../dynamodb/server.ts';
import { ensureTable } from '../dynamodb/tables.ts';
import type { Listener } from '../edge/edge-server.ts';
import { proxyTo } from '../edge/proxy.ts';
import type { LocalNames } from './names.ts';

export const DYNAMODB_HOMES = ['embedded', 'java'] as const;
export type DynamoDbHome = (typeof DYNAMODB_HOMES)[number];

/** The `--dynamodb` flag: embedded when absent, undefined when it names neither. */
export function dynamoDbHome(flag: string | undefined): DynamoDbHome | undefined {
  if (flag === undefined) return 'embedded';
  return (DYNAMODB_HOMES as readonly string[]).includes(flag) ? (flag as DynamoDbHome) : undefined;
}

/** DynamoDB Local's directory under the data directory; the embedded store's is beside it. */
const JAVA_DIR = 'dynamodb';
const EMBEDDED_DIR = 'dynamodb-embedded';

export interface StartedDynamoDb {
  /** Serves `X-Amz-Target: DynamoDB_20120810.*` on the edge port. */
  listener: Listener;
  stop(): Promise<void> | void;
}

export async function startDynamoDbHome(
  home: DynamoDbHome,
  options: {
    dataDir: string;
    host: string;
    clock: Clock;
    manifest: Manifest;
    names: LocalNames;
    /** The embedded store reports its commit faults here (DynamoDB Local is covered by the disk probe only). */
    health?: StorageReporter;
    log: (message: string, fields?: Record<string, unknown>) => void;
  },
): Promise<StartedDynamoDb> {
  const { dataDir, manifest, names, log } = options;
  if (home === 'java') {
    log('starting DynamoDB Local (--dynamodb java)');
    // WAL journal: the rollback journal's fsyncs per write made every write wait on the disk (docs/benchmarks.md).
    const dynamo = await startDynamoDbLocal({ dbPath: join(dataDir, JAVA_DIR), host: options.host, writeAheadLog: true });
    try {
      const ddb = localDynamoDbClient(dynamo.endpoint);
      for (const table of manifest.tables) await ensureTable(ddb, table, names.physical(table.id));
      ddb.destroy();
    } catch (error) {
      await dynamo.stop();
      throw error;
    }
    return { listener: proxyTo(dynamo.port, options.host), stop: () => dynamo.stop() };
  }
  const storeDir = join(dataDir, EMBEDDED_DIR);
  const store = createEmbeddedDynamoDb({ data: storeDir, clock: options.clock, health: options.health, onError: (error) => log('DynamoDB store: a commit failed', { error: String(error) }) });
  try {
    for (const table of manifest.tables) await ensureEmbeddedTable(store, table, names.physical(table.id));
    const migrated = await migrateDynamoDbLocal(join(dataDir, JAVA_DIR), storeDir, store);
    if (migrated) log(`moved ${migrated.items} items in ${migrated.tables} tables from DynamoDB Local's data (${join(dataDir, JAVA_DIR)}, left as it was) into the embedded store`);
  } catch (error) {
    store.close();
    throw error;
  }
  return { listener: store.listener, stop: () => store.close() };
}
