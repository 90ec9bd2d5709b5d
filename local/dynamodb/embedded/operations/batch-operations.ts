/**
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes). Every request is
 * validated before anything is read or written; the store never throttles, so UnprocessedKeys and
 * UnprocessedItems are always empty (API Reference, BatchGetItem and BatchWriteItem).
 */
import { isRecord, type AttributeMap } from '../attribute-value.ts';
import { ValidationException } from '../errors.ts';
import { project } from '../expressions/document-path.ts';
import { checkKey, storedKey } from '../table-schema.ts';
import type { StoreContext } from './context.ts';
import { existingTable, readExpressions, rejectUnsupported, requiredMap, type Body } from './request.ts';
import { currentItem, prepareDelete, preparePut, store, type PreparedWrite } from './writes.ts';

const MAX_GET_KEYS = 100;
const MAX_WRITES = 25;

function requestItems(body: Body): [string, unknown][] {
  const items = body.RequestItems;
  if (!isRecord(items)) throw new ValidationException("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
  const entries = Object.entries(items);
  if (entries.length === 0) throw new ValidationException("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
  return entries;
}

function checkDistinct(keys: { pk: Buffer; sk: Buffer }[], tableName: string): void {
  const seen = new Set(keys.map((k) => `${tableName}\u0000${k.pk.toString('hex')}\u0000${k.sk.toString('hex')}`));
  if (seen.size !== keys.length) throw new ValidationException('Provided list of item keys contains duplicates');
}

export function batchGetItem(ctx: StoreContext, body: Body): object {
  const requests = requestItems(body).map(([name, raw]) => {
    const request = (raw ?? {}) as Body;
    rejectUnsupported(request);
    const table = existingTable(ctx.store, name);
    if (!Array.isArray(request.Keys) || request.Keys.length === 0) throw new ValidationException('1 validation error detected: Value at \'requestItems.' + name + '.member.keys\' failed to satisfy constraint: Member must have length greater than or equal to 1');
    const keys = request.Keys.map((k: unknown) => requiredMap({ Key: k }, 'Key'));
    for (const key of keys) checkKey(table.definition, key);
    const stored = keys.map((k) => storedKey(table.definition, k));
    checkDistinct(stored, name);
    const { projection } = readExpressions(request, ['ProjectionExpression']);
    return { name, table, stored, projection };
  });
  if (requests.reduce((n, r) => n + r.stored.length, 0) > MAX_GET_KEYS) throw new ValidationException('Too many items requested for the BatchGetItem call');
  const responses: Record<string, AttributeMap[]> = {};
  for (const { name, table, stored, projection } of requests) {
    responses[name] = stored.flatMap((key) => {
      const item = ctx.store.get(table, key);
      return item ? [projection ? project(item, projection) : item] : [];
    });
  }
  return { Responses: responses, UnprocessedKeys: {} };
}

export function batchWriteItem(ctx: StoreContext, body: Body): object {
  const writes: PreparedWrite[] = [];
  for (const [name, raw] of requestItems(body)) {
    if (!Array.isArray(raw) || raw.length === 0) throw new ValidationException(`1 validation error detected: Value at 'requestItems.${name}.member' failed to satisfy constraint: Member must have length greater than or equal to 1`);
    const tableWrites = (raw as Body[]).map((request) => {
      const put = request.PutRequest as Body | undefined;
      const del = request.DeleteRequest as Body | undefined;
      if ((put === undefined) === (del === undefined)) throw new ValidationException('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
      return put ? preparePut(ctx.store, { TableName: name, Item: put.Item }) : prepareDelete(ctx.store, { TableName: name, Key: (del as Body).Key });
    });
    checkDistinct(tableWrites.map((w) => storedKey(w.table.definition, w.key)), name);
    writes.push(...tableWrites);
  }
  if (writes.length > MAX_WRITES) {
    throw new ValidationException("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
  }
  for (const write of writes) {
    const old = currentItem(ctx.store, write);
    store(ctx.store, write, old, write.next(old));
  }
  return { UnprocessedItems: {} };
}
