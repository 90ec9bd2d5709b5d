/** The manifest's tables on the embedded store, created in-process (no HTTP) unless they exist. */
import type { TableDecl } from '../../../platform/manifest-types.ts';
import { createTableInput } from '../tables.ts';
import type { EmbeddedDynamoDb } from './embedded-dynamodb.ts';

export async function ensureEmbeddedTable(store: EmbeddedDynamoDb, decl: TableDecl, tableName: string): Promise<void> {
  const created = await store.request('CreateTable', createTableInput(decl, tableName));
  if (created.status !== 200) {
    // A data directory from an earlier start keeps its tables.
    if (String((created.body as { __type?: string }).__type).endsWith('#ResourceInUseException')) return;
    throw new Error(`CreateTable ${tableName}: ${JSON.stringify(created.body)}`);
  }
  if (!decl.ttlAttribute) return;
  const ttl = await store.request('UpdateTimeToLive', { TableName: tableName, TimeToLiveSpecification: { AttributeName: decl.ttlAttribute, Enabled: true } });
  if (ttl.status !== 200) throw new Error(`UpdateTimeToLive ${tableName}: ${JSON.stringify(ttl.body)}`);
}
