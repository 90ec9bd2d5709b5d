/**
 * One write as PutItem, UpdateItem, DeleteItem, a transaction's action or a batch's request
 * describes it: its table, the key it touches, its condition and how it turns the old item
 * into the new one. Single-item operations and TransactWriteItems share these.
 */
import { itemSize, MAX_ITEM_BYTES, type AttributeMap } from '../attribute-value.ts';
import { ActionValidationError, ValidationException } from '../errors.ts';
import type { Condition, Path } from '../expressions/ast.ts';
import { applyUpdate, evaluateCondition, updatedPaths } from '../expressions/evaluate.ts';
import type { ExpressionContext } from '../expressions/parser.ts';
import type { ItemStore, StoredTable } from '../item-store.ts';
import { checkIndexKeys, checkItemKeys, checkKey, keyOf, storedKey } from '../table-schema.ts';
import { existingTable, readExpressions, rejectUnsupported, requiredMap, returnValuesOnConditionCheckFailure, tableName, type Body } from './request.ts';

export interface PreparedWrite {
  kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  table: StoredTable;
  key: AttributeMap;
  condition?: Condition;
  ctx?: ExpressionContext;
  /** Return the old item with a failed condition. */
  returnOldOnFailure: boolean;
  /** The paths an update touches (UPDATED_OLD / UPDATED_NEW). */
  paths?: Path[];
  /** The new item from the old one; `undefined` deletes; not called for a ConditionCheck. */
  next: (old: AttributeMap | undefined) => AttributeMap | undefined;
}

export function preparePut(store: ItemStore, body: Body): PreparedWrite {
  rejectUnsupported(body);
  const table = existingTable(store, tableName(body));
  const item = requiredMap(body, 'Item');
  const { condition, ctx } = readExpressions(body, ['ConditionExpression']);
  checkItemKeys(table.definition, item);
  checkSize(item);
  return { kind: 'Put', table, key: keyOf(table.definition, item), condition, ctx, returnOldOnFailure: returnValuesOnConditionCheckFailure(body), next: () => item };
}

export function prepareDelete(store: ItemStore, body: Body): PreparedWrite {
  rejectUnsupported(body);
  const table = existingTable(store, tableName(body));
  const key = requiredMap(body, 'Key');
  const { condition, ctx } = readExpressions(body, ['ConditionExpression']);
  checkKey(table.definition, key);
  return { kind: 'Delete', table, key, condition, ctx, returnOldOnFailure: returnValuesOnConditionCheckFailure(body), next: () => undefined };
}

export function prepareConditionCheck(store: ItemStore, body: Body): PreparedWrite {
  const table = existingTable(store, tableName(body));
  const key = requiredMap(body, 'Key');
  if (typeof body.ConditionExpression !== 'string') throw new ValidationException("1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
  const { condition, ctx } = readExpressions(body, ['ConditionExpression']);
  checkKey(table.definition, key);
  return { kind: 'ConditionCheck', table, key, condition, ctx, returnOldOnFailure: returnValuesOnConditionCheckFailure(body), next: (old) => old };
}

export function prepareUpdate(store: ItemStore, body: Body): PreparedWrite {
  rejectUnsupported(body);
  const table = existingTable(store, tableName(body));
  const key = requiredMap(body, 'Key');
  const { condition, update, ctx } = readExpressions(body, ['UpdateExpression', 'ConditionExpression']);
  checkKey(table.definition, key);
  const paths = update ? updatedPaths(update) : [];
  const keyNames = new Set([table.definition.partition.name, table.definition.sort?.name]);
  return {
    kind: 'Update',
    table,
    key,
    condition,
    ctx,
    paths,
    returnOldOnFailure: returnValuesOnConditionCheckFailure(body),
    next: (old) => {
      // Checked once the condition has passed, as DynamoDB (Local) does.
      for (const path of paths) {
        const first = path.elements[0] as string;
        if (keyNames.has(first)) throw new ValidationException(`One or more parameter values were invalid: Cannot update attribute ${first}. This attribute is part of the key`);
      }
      const base = old ?? structuredClone(key);
      const item = update ? applyUpdate(update, base, ctx) : base;
      checkIndexKeys(
        table.definition,
        item,
        'One or more parameter values were invalid: Type mismatch for Index Key',
        'One or more parameter values are not valid. The update expression attempted to update a secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty string value.',
      );
      // An update's size is known only once applied: DynamoDB words it "Item size to update".
      if (itemSize(item) > MAX_ITEM_BYTES) throw new ActionValidationError('Item size to update has exceeded the maximum allowed size');
      return item;
    },
  };
}

function checkSize(item: AttributeMap): void {
  if (itemSize(item) > MAX_ITEM_BYTES) throw new ValidationException('Item size has exceeded the maximum allowed size');
}

export function currentItem(store: ItemStore, write: PreparedWrite): AttributeMap | undefined {
  return store.get(write.table, storedKey(write.table.definition, write.key));
}

export function conditionHolds(write: PreparedWrite, old: AttributeMap | undefined): boolean {
  return write.condition === undefined || evaluateCondition(write.condition, old, write.ctx as ExpressionContext);
}

/** Stores the new item (or deletes), keeping index entries in step. */
export function store(storeRef: ItemStore, write: PreparedWrite, old: AttributeMap | undefined, next: AttributeMap | undefined): void {
  if (write.kind === 'ConditionCheck') return;
  if (next === undefined) {
    if (old !== undefined) storeRef.delete(write.table, old);
  } else storeRef.put(write.table, next, old);
}
