/** CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTimeToLive, DescribeTimeToLive. */
import { isRecord } from '../attribute-value.ts';
import { ResourceInUseException, ValidationException } from '../errors.ts';
import type { StoredTable } from '../item-store.ts';
import type { IndexDefinition, KeyPart, KeyType, TableDefinition } from '../table-schema.ts';
import { existingTable, rejectUnsupported, tableName, type Body } from './request.ts';
import type { StoreContext } from './context.ts';

const INDEX_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

export function createTable(ctx: StoreContext, body: Body): object {
  rejectUnsupported(body, ['LocalSecondaryIndexes', 'StreamSpecification', 'SSESpecification', 'TableClass', 'ResourcePolicy', 'OnDemandThroughput', 'WarmThroughput']);
  const name = tableName(body);
  const definitions = readAttributeDefinitions(body.AttributeDefinitions);
  const [partition, sort] = readKeySchema(body.KeySchema, definitions);
  const indexes = readIndexes(body.GlobalSecondaryIndexes, definitions);
  const used = new Set([partition.name, sort?.name, ...indexes.flatMap((i) => [i.partition.name, i.sort?.name])].filter((n) => n !== undefined));
  if (definitions.size !== used.size || [...definitions.keys()].some((n) => !used.has(n))) {
    throw new ValidationException('One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions');
  }
  const billingMode = body.BillingMode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';
  const provisioned = isRecord(body.ProvisionedThroughput) ? (body.ProvisionedThroughput as TableDefinition['provisioned']) : undefined;
  if (billingMode === 'PROVISIONED' && !provisioned) throw new ValidationException('One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED');
  if (ctx.store.table(name)) throw new ResourceInUseException(`Cannot create preexisting table`);
  const definition: TableDefinition = {
    name,
    partition,
    ...(sort ? { sort } : {}),
    attributeDefinitions: [...definitions.entries()].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    indexes,
    billingMode,
    ...(provisioned ? { provisioned } : {}),
    createdAt: ctx.clock.now() / 1000,
  };
  return { TableDescription: describe(ctx, ctx.store.createTable(definition)) };
}

function readAttributeDefinitions(raw: unknown): Map<string, KeyType> {
  if (!Array.isArray(raw) || raw.length === 0) throw new ValidationException('1 validation error detected: Value null at \'attributeDefinitions\' failed to satisfy constraint: Member must not be null');
  const out = new Map<string, KeyType>();
  for (const entry of raw as { AttributeName?: unknown; AttributeType?: unknown }[]) {
    if (typeof entry.AttributeName !== 'string' || !['S', 'N', 'B'].includes(String(entry.AttributeType))) {
      throw new ValidationException(`1 validation error detected: Value '${String(entry.AttributeType)}' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]`);
    }
    if (out.has(entry.AttributeName)) throw new ValidationException(`Cannot have two attributes with the same name. Attribute name: ${entry.AttributeName}`);
    out.set(entry.AttributeName, entry.AttributeType as KeyType);
  }
  return out;
}

function readKeySchema(raw: unknown, definitions: Map<string, KeyType>): [KeyPart, KeyPart | undefined] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 2) throw new ValidationException(`1 validation error detected: Value at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2`);
  const elements = raw as { AttributeName?: string; KeyType?: string }[];
  const part = (e: { AttributeName?: string } | undefined): KeyPart => {
    const type = definitions.get(String(e?.AttributeName));
    if (!type) throw new ValidationException(`One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [${elements.map((x) => x.AttributeName).join(', ')}], AttributeDefinitions: [${[...definitions.keys()].join(', ')}]`);
    return { name: String(e?.AttributeName), type };
  };
  const hash = elements.filter((e) => e.KeyType === 'HASH');
  const range = elements.filter((e) => e.KeyType === 'RANGE');
  if (hash.length !== 1 || elements[0]?.KeyType !== 'HASH' || range.length > 1) throw new ValidationException(`Invalid KeySchema: The first KeySchemaElement is not a HASH key type`);
  if (range[0] && range[0].AttributeName === hash[0]?.AttributeName) throw new ValidationException(`Both the Hash Key and the Range Key element in the KeySchema have the same name`);
  return [part(hash[0]), range[0] ? part(range[0]) : undefined];
}

function readIndexes(raw: unknown, definitions: Map<string, KeyType>): IndexDefinition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length === 0) throw new ValidationException('One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty');
  const names = new Set<string>();
  return (raw as Body[]).map((entry) => {
    const name = entry.IndexName;
    if (typeof name !== 'string' || !INDEX_NAME.test(name)) throw new ValidationException("Invalid table/index name.  Table/index names must be between 3 and 255 characters long, and may contain only the characters a-z, A-Z, 0-9, '_', '-', and '.'");
    if (names.has(name)) throw new ValidationException(`One or more parameter values were invalid: Duplicate index name: ${name}`);
    names.add(name);
    const [partition, sort] = readKeySchema(entry.KeySchema, definitions);
    const projection = (entry.Projection ?? {}) as { ProjectionType?: string; NonKeyAttributes?: string[] };
    const type = projection.ProjectionType;
    if (type !== 'ALL' && type !== 'KEYS_ONLY' && type !== 'INCLUDE') throw new ValidationException('One or more parameter values were invalid: Unknown ProjectionType: ' + String(type));
    return { name, partition, ...(sort ? { sort } : {}), projection: { type, ...(type === 'INCLUDE' ? { nonKeyAttributes: projection.NonKeyAttributes ?? [] } : {}) } };
  });
}

const keySchema = (partition: KeyPart, sort?: KeyPart): object[] => [{ AttributeName: partition.name, KeyType: 'HASH' }, ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' }] : [])];

export function describe(ctx: StoreContext, table: StoredTable): object {
  const d = table.definition;
  const arn = `arn:aws:dynamodb:${ctx.region}:${ctx.accountId}:table/${d.name}`;
  const throughput = { NumberOfDecreasesToday: 0, ReadCapacityUnits: d.provisioned?.ReadCapacityUnits ?? 0, WriteCapacityUnits: d.provisioned?.WriteCapacityUnits ?? 0 };
  const stats = ctx.store.stats(table);
  return {
    AttributeDefinitions: d.attributeDefinitions,
    TableName: d.name,
    KeySchema: keySchema(d.partition, d.sort),
    TableStatus: 'ACTIVE',
    CreationDateTime: d.createdAt,
    ProvisionedThroughput: throughput,
    TableSizeBytes: stats.sizeBytes,
    ItemCount: stats.itemCount,
    TableArn: arn,
    ...(d.billingMode === 'PAY_PER_REQUEST' ? { BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: d.createdAt } } : {}),
    ...(d.indexes.length
      ? {
          GlobalSecondaryIndexes: d.indexes.map((index) => {
            const indexStats = ctx.store.stats(table, index.name);
            return {
              IndexName: index.name,
              KeySchema: keySchema(index.partition, index.sort),
              Projection: { ProjectionType: index.projection.type, ...(index.projection.nonKeyAttributes ? { NonKeyAttributes: index.projection.nonKeyAttributes } : {}) },
              IndexStatus: 'ACTIVE',
              ProvisionedThroughput: throughput,
              IndexSizeBytes: indexStats.sizeBytes,
              ItemCount: indexStats.itemCount,
              IndexArn: `${arn}/index/${index.name}`,
            };
          }),
        }
      : {}),
    DeletionProtectionEnabled: false,
  };
}

export function describeTable(ctx: StoreContext, body: Body): object {
  return { Table: describe(ctx, existingTable(ctx.store, tableName(body))) };
}

export function listTables(ctx: StoreContext, body: Body): object {
  const limit = body.Limit === undefined ? 100 : Number(body.Limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new ValidationException(`1 validation error detected: Value '${String(body.Limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100`);
  const start = typeof body.ExclusiveStartTableName === 'string' ? body.ExclusiveStartTableName : undefined;
  const names = ctx.store.tableNames().filter((n) => start === undefined || n > start);
  const page = names.slice(0, limit);
  return { TableNames: page, ...(names.length > limit ? { LastEvaluatedTableName: page.at(-1) } : {}) };
}

export function deleteTable(ctx: StoreContext, body: Body): object {
  const table = existingTable(ctx.store, tableName(body));
  const description = { ...describe(ctx, table), TableStatus: 'DELETING' };
  ctx.store.deleteTable(table);
  return { TableDescription: description };
}

export function updateTimeToLive(ctx: StoreContext, body: Body): object {
  const table = existingTable(ctx.store, tableName(body));
  const spec = body.TimeToLiveSpecification as { AttributeName?: unknown; Enabled?: unknown } | undefined;
  if (!isRecord(spec) || typeof spec.AttributeName !== 'string' || spec.AttributeName === '' || typeof spec.Enabled !== 'boolean') {
    throw new ValidationException('1 validation error detected: Value null at \'timeToLiveSpecification\' failed to satisfy constraint: Member must not be null');
  }
  const current = table.definition.ttl;
  if (current?.enabled === spec.Enabled) throw new ValidationException(`TimeToLive is already ${spec.Enabled ? 'enabled' : 'disabled'}`);
  if (!spec.Enabled && current && current.attributeName !== spec.AttributeName) throw new ValidationException('TimeToLive is active on a different AttributeName: current AttributeName is ' + current.attributeName);
  ctx.store.updateTable(table, { ...table.definition, ttl: { attributeName: spec.AttributeName, enabled: spec.Enabled } });
  return { TimeToLiveSpecification: { AttributeName: spec.AttributeName, Enabled: spec.Enabled } };
}

export function describeTimeToLive(ctx: StoreContext, body: Body): object {
  const table = existingTable(ctx.store, tableName(body));
  const ttl = table.definition.ttl;
  return { TimeToLiveDescription: ttl?.enabled ? { TimeToLiveStatus: 'ENABLED', AttributeName: ttl.attributeName } : { TimeToLiveStatus: 'DISABLED' } };
}
