/**
 * Query and Scan (API Reference): items in key order, `Limit` items evaluated per page, a page
 * ending once 1 MB has been read, LastEvaluatedKey to continue, the filter applied after the
 * read (it does not change what counts against Limit or the 1 MB), then the projection.
 */
import { type AttributeMap } from '../attribute-value.ts';
import { ValidationException } from '../errors.ts';
import { project } from '../expressions/document-path.ts';
import { conditionPaths, evaluateCondition } from '../expressions/evaluate.ts';
import type { IndexRow, Row, StoredTable } from '../item-store.ts';
import { checkKey, keyBytes, keyOf, projectForIndex, type IndexDefinition, type TableDefinition } from '../table-schema.ts';
import type { StoreContext } from './context.ts';
import { keyRange } from './key-condition.ts';
import { existingTable, optionalEnum, readExpressions, rejectUnsupported, requiredMap, tableName, type Body, type Expressions } from './request.ts';

/** A page ends once this much item data has been read (API Reference, Query: "1 MB"). */
export const PAGE_BYTES = 1024 * 1024;

type Select = 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';

interface ReadRequest {
  table: StoredTable;
  index?: IndexDefinition;
  expressions: Expressions;
  limit?: number;
  select: Select;
  startKey?: AttributeMap;
}

function readRequest(ctx: StoreContext, body: Body, fields: Parameters<typeof readExpressions>[1]): ReadRequest {
  rejectUnsupported(body, ['Segment', 'TotalSegments']);
  const table = existingTable(ctx.store, tableName(body));
  let index: IndexDefinition | undefined;
  if (body.IndexName !== undefined) {
    const name = tableName(body, 'IndexName');
    index = table.definition.indexes.find((i) => i.name === name);
    if (!index) throw new ValidationException(`The table does not have the specified index: ${name}`);
    if (body.ConsistentRead === true) throw new ValidationException('Consistent reads are not supported on global secondary indexes');
  }
  const limit = body.Limit === undefined ? undefined : Number(body.Limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new ValidationException(`1 validation error detected: Value '${String(body.Limit)}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  }
  const select = optionalEnum<Select>(body, 'Select', ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT'], 'ALL_ATTRIBUTES');
  const expressions = readExpressions(body, fields);
  if (select === 'SPECIFIC_ATTRIBUTES' && !expressions.projection) throw new ValidationException('Select type SPECIFIC_ATTRIBUTES requires ProjectionExpression or AttributesToGet');
  if (expressions.projection && body.Select !== undefined && select !== 'SPECIFIC_ATTRIBUTES') {
    throw new ValidationException(`Cannot specify the ProjectionExpression when choosing to get ${select}`);
  }
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && !index) throw new ValidationException('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
  if (select === 'ALL_ATTRIBUTES' && index && index.projection.type !== 'ALL') throw new ValidationException('One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index ' + index.name + ' because its projection type is not ALL');
  const startKey = body.ExclusiveStartKey === undefined || body.ExclusiveStartKey === null ? undefined : requiredMap(body, 'ExclusiveStartKey');
  return { table, index, expressions, limit, select, startKey };
}

/** The attributes an ExclusiveStartKey must have: the table's key, plus the index's key for an index. */
function checkStartKey(definition: TableDefinition, index: IndexDefinition | undefined, startKey: AttributeMap): void {
  const tableKey = keyOf(definition, startKey);
  try {
    checkKey(definition, Object.fromEntries(Object.entries(tableKey).filter(([, v]) => v !== undefined)));
  } catch {
    throw new ValidationException('The provided starting key is invalid: The provided key element does not match the schema');
  }
  const expected = new Set([definition.partition.name, definition.sort?.name, index?.partition.name, index?.sort?.name].filter((n) => n !== undefined));
  if (Object.keys(startKey).some((n) => !expected.has(n)) || [...expected].some((n) => startKey[n] === undefined)) {
    throw new ValidationException('The provided starting key is invalid: The provided key element does not match the schema');
  }
}

/** Reads rows until Limit or 1 MB, filtering and projecting; the key of the last row read continues. */
function page(request: ReadRequest, rows: Iterable<Row | IndexRow>, end?: Buffer): object {
  const { table, index, expressions, limit, select } = request;
  const items: AttributeMap[] = [];
  let scanned = 0;
  let bytes = 0;
  let last: AttributeMap | undefined;
  let lastSortKey: Buffer | undefined;
  let more = false;
  for (const row of rows) {
    if ((limit !== undefined && scanned >= limit) || bytes >= PAGE_BYTES) {
      more = true;
      break;
    }
    const stored = JSON.parse(row.item) as AttributeMap;
    const item = index ? projectForIndex(table.definition, index, stored) : stored;
    scanned++;
    bytes += row.size;
    last = item;
    lastSortKey = 'isk' in row ? row.isk : row.sk;
    if (expressions.filter && !evaluateCondition(expressions.filter, item, expressions.ctx)) continue;
    items.push(expressions.projection ? project(item, expressions.projection) : item);
  }
  // DynamoDB answers with a LastEvaluatedKey whenever Limit stopped the read, without looking ahead.
  // Except when the page ended on the range's own inclusive end: nothing can follow it (as DynamoDB Local answers).
  if (limit !== undefined && scanned >= limit && !(end && lastSortKey?.equals(end))) more = true;
  const lastKey = more && last ? lastEvaluatedKey(table.definition, index, last) : undefined;
  return {
    ...(select === 'COUNT' ? {} : { Items: items }),
    Count: items.length,
    ScannedCount: scanned,
    ...(lastKey ? { LastEvaluatedKey: lastKey } : {}),
  };
}

function lastEvaluatedKey(definition: TableDefinition, index: IndexDefinition | undefined, item: AttributeMap): AttributeMap {
  const key = keyOf(definition, item);
  if (index) {
    key[index.partition.name] = item[index.partition.name] as AttributeMap[string];
    if (index.sort) key[index.sort.name] = item[index.sort.name] as AttributeMap[string];
  }
  return key;
}

function indexCursor(definition: TableDefinition, index: IndexDefinition, key: AttributeMap): { ipk: Buffer; isk: Buffer; pk: Buffer; sk: Buffer } {
  return {
    ipk: keyBytes(key[index.partition.name] as AttributeMap[string]),
    isk: index.sort ? keyBytes(key[index.sort.name] as AttributeMap[string]) : Buffer.alloc(0),
    pk: keyBytes(key[definition.partition.name] as AttributeMap[string]),
    sk: definition.sort ? keyBytes(key[definition.sort.name] as AttributeMap[string]) : Buffer.alloc(0),
  };
}

export function query(ctx: StoreContext, body: Body): object {
  if (typeof body.KeyConditionExpression !== 'string') throw new ValidationException('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  const request = readRequest(ctx, body, ['KeyConditionExpression', 'FilterExpression', 'ProjectionExpression']);
  const { table, index, startKey } = request;
  const forward = body.ScanIndexForward !== false;
  const partition = index ? index.partition : table.definition.partition;
  const sort = index ? index.sort : table.definition.sort;
  const range = keyRange(request.expressions.keyCondition!, partition, sort, request.expressions.ctx, forward);
  const filtered = new Set(request.expressions.filter ? conditionPaths(request.expressions.filter).map((p) => p.elements[0]) : []);
  // The partition key is named first when the filter reads both.
  const keyInFilter = [partition.name, sort?.name].find((name) => name !== undefined && filtered.has(name));
  if (keyInFilter) throw new ValidationException(`Filter Expression can only contain non-primary key attributes: Primary key attribute: ${keyInFilter}`);
  if (startKey) checkStartKey(table.definition, index, startKey);
  if (index) {
    const cursor = startKey && indexCursor(table.definition, index, startKey);
    return page(request, ctx.store.indexRange(table, index.name, range, cursor), range.end);
  }
  const cursor = startKey && { pk: keyBytes(startKey[table.definition.partition.name] as AttributeMap[string]), sk: table.definition.sort ? keyBytes(startKey[table.definition.sort.name] as AttributeMap[string]) : Buffer.alloc(0) };
  return page(request, ctx.store.range(table, range, cursor), range.end);
}

export function scan(ctx: StoreContext, body: Body): object {
  const request = readRequest(ctx, body, ['FilterExpression', 'ProjectionExpression']);
  const { table, index, startKey } = request;
  if (startKey) checkStartKey(table.definition, index, startKey);
  if (index) return page(request, ctx.store.scanIndex(table, index.name, startKey && indexCursor(table.definition, index, startKey)));
  const cursor = startKey && { pk: keyBytes(startKey[table.definition.partition.name] as AttributeMap[string]), sk: table.definition.sort ? keyBytes(startKey[table.definition.sort.name] as AttributeMap[string]) : Buffer.alloc(0) };
  return page(request, ctx.store.scan(table, cursor));
}
