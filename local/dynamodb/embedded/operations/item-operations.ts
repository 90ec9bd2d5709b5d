/** PutItem, GetItem, UpdateItem, DeleteItem (API Reference). */
import type { AttributeMap } from '../attribute-value.ts';
import { ConditionalCheckFailedException } from '../errors.ts';
import { project } from '../expressions/document-path.ts';
import { storedKey, checkKey } from '../table-schema.ts';
import type { StoreContext } from './context.ts';
import { existingTable, optionalEnum, readExpressions, rejectUnsupported, requiredMap, tableName, type Body } from './request.ts';
import { conditionHolds, currentItem, prepareDelete, preparePut, prepareUpdate, store, type PreparedWrite } from './writes.ts';

const RETURN_VALUES_INVALID = 'Return values set to invalid value';

/** Runs one prepared write: condition against the stored item, then the write. */
function execute(ctx: StoreContext, write: PreparedWrite): { old?: AttributeMap; next?: AttributeMap } {
  const old = currentItem(ctx.store, write);
  if (!conditionHolds(write, old)) throw new ConditionalCheckFailedException(write.returnOldOnFailure ? old : undefined);
  const next = write.next(old);
  store(ctx.store, write, old, next);
  return { old, next };
}

export function putItem(ctx: StoreContext, body: Body): object {
  const returnValues = optionalEnum(body, 'ReturnValues', ['NONE', 'ALL_OLD'], 'NONE', RETURN_VALUES_INVALID);
  const { old } = execute(ctx, preparePut(ctx.store, body));
  return returnValues === 'ALL_OLD' && old ? { Attributes: old } : {};
}

export function deleteItem(ctx: StoreContext, body: Body): object {
  const returnValues = optionalEnum(body, 'ReturnValues', ['NONE', 'ALL_OLD'], 'NONE', RETURN_VALUES_INVALID);
  const { old } = execute(ctx, prepareDelete(ctx.store, body));
  return returnValues === 'ALL_OLD' && old ? { Attributes: old } : {};
}

export function updateItem(ctx: StoreContext, body: Body): object {
  const returnValues = optionalEnum(body, 'ReturnValues', ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'], 'NONE', RETURN_VALUES_INVALID);
  const write = prepareUpdate(ctx.store, body);
  const { old, next } = execute(ctx, write);
  let attributes: AttributeMap | undefined;
  if (returnValues === 'ALL_OLD') attributes = old;
  else if (returnValues === 'ALL_NEW') attributes = next;
  else if (returnValues === 'UPDATED_OLD') attributes = old && project(old, write.paths ?? []);
  else if (returnValues === 'UPDATED_NEW') attributes = next && project(next, write.paths ?? []);
  return attributes && Object.keys(attributes).length > 0 ? { Attributes: attributes } : {};
}

export function getItem(ctx: StoreContext, body: Body): object {
  rejectUnsupported(body);
  const table = existingTable(ctx.store, tableName(body));
  const key = requiredMap(body, 'Key');
  const { projection } = readExpressions(body, ['ProjectionExpression']);
  checkKey(table.definition, key);
  const item = ctx.store.get(table, storedKey(table.definition, key));
  if (!item) return {};
  return { Item: projection ? project(item, projection) : item };
}
