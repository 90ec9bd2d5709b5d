/** Reading a DynamoDB request's common members, with DynamoDB's validation messages. */
import { canonicalMap, canonicalValue, isRecord, type AttributeMap, type AttributeValue } from '../attribute-value.ts';
import { ResourceNotFoundException, ValidationException } from '../errors.ts';
import type { Condition, Path, UpdateActions } from '../expressions/ast.ts';
import { checkConditionTypes, checkUpdateTypes } from '../expressions/evaluate.ts';
import { ExpressionContext, parseCondition, parseProjection, parseUpdate, type ExpressionLabel } from '../expressions/parser.ts';
import type { ItemStore, StoredTable } from '../item-store.ts';

export type Body = Record<string, unknown>;

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

export function tableName(body: Body, field = 'TableName'): string {
  const name = body[field];
  if (name === undefined || name === null) throw new ValidationException(`1 validation error detected: Value null at '${lowerFirst(field)}' failed to satisfy constraint: Member must not be null`);
  if (typeof name !== 'string' || !TABLE_NAME.test(name)) {
    throw new ValidationException("Invalid table/index name.  Table/index names must be between 3 and 255 characters long, and may contain only the characters a-z, A-Z, 0-9, '_', '-', and '.'");
  }
  return name;
}

export function existingTable(store: ItemStore, name: string): StoredTable {
  const table = store.table(name);
  if (!table) throw new ResourceNotFoundException('Cannot do operations on a non-existent table');
  return table;
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

export function requiredMap(body: Body, field: string): AttributeMap {
  const value = body[field];
  if (value === undefined || value === null) throw new ValidationException(`1 validation error detected: Value null at '${lowerFirst(field)}' failed to satisfy constraint: Member must not be null`);
  if (!isRecord(value)) throw new ValidationException(`${field} must be a map of attribute values`);
  return canonicalMap(value);
}

/**
 * ExpressionAttributeValues, each value checked as an item's would be; an invalid one is refused
 * in DynamoDB's wrapper, "ExpressionAttributeValues contains invalid value: <why> for key <:name>"
 * (as DynamoDB and DynamoDB Local word it, e.g. "… An string set  may not be empty for key :v").
 */
function expressionAttributeValues(raw: unknown): AttributeMap {
  if (!isRecord(raw)) throw new ValidationException('ExpressionAttributeValues must be a map of attribute values');
  const out: AttributeMap = {};
  for (const [name, value] of Object.entries(raw)) {
    try {
      out[name] = canonicalValue(value);
    } catch (error) {
      if (!(error instanceof ValidationException)) throw error;
      throw new ValidationException(`ExpressionAttributeValues contains invalid value: ${error.message} for key ${name}`);
    }
  }
  return out;
}

export function optionalEnum<T extends string>(body: Body, field: string, allowed: readonly T[], fallback: T, message?: string): T {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationException(message ?? `1 validation error detected: Value '${String(value)}' at '${lowerFirst(field)}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
  return value as T;
}

export function returnValuesOnConditionCheckFailure(body: Body): boolean {
  return optionalEnum(body, 'ReturnValuesOnConditionCheckFailure', ['ALL_OLD', 'NONE'], 'NONE') === 'ALL_OLD';
}

/** The legacy (pre-expression) parameters: the embedded store names them rather than ignoring them. */
const LEGACY = ['Expected', 'AttributesToGet', 'KeyConditions', 'QueryFilter', 'ScanFilter', 'AttributeUpdates', 'ConditionalOperator'];

export function rejectUnsupported(body: Body, extra: readonly string[] = []): void {
  for (const field of [...LEGACY, ...extra]) {
    if (body[field] !== undefined && body[field] !== null) {
      throw new ValidationException(`The embedded DynamoDB store does not support the parameter ${field}; use expressions (ConditionExpression, ProjectionExpression, KeyConditionExpression, FilterExpression, UpdateExpression) or npm start -- --dynamodb java`);
    }
  }
}

export interface Expressions {
  ctx: ExpressionContext;
  condition?: Condition;
  keyCondition?: Condition;
  filter?: Condition;
  update?: UpdateActions;
  projection?: Path[];
}

type ExpressionField = 'ConditionExpression' | 'KeyConditionExpression' | 'FilterExpression' | 'UpdateExpression' | 'ProjectionExpression';

/**
 * Parses a request's expressions against its ExpressionAttributeNames/Values and checks, as
 * DynamoDB does, that every name and value given was used.
 */
export function readExpressions(body: Body, fields: readonly ExpressionField[]): Expressions {
  const rawNames = body.ExpressionAttributeNames;
  const rawValues = body.ExpressionAttributeValues;
  const names = rawNames === undefined || rawNames === null ? undefined : (rawNames as Record<string, string>);
  const values = rawValues === undefined || rawValues === null ? undefined : expressionAttributeValues(rawValues);
  if (names && Object.keys(names).length === 0) throw new ValidationException('ExpressionAttributeNames must not be empty');
  if (values && Object.keys(values).length === 0) throw new ValidationException('ExpressionAttributeValues must not be empty');
  const present = fields.filter((f) => typeof body[f] === 'string');
  for (const f of fields) if (body[f] !== undefined && body[f] !== null && typeof body[f] !== 'string') throw new ValidationException(`${f} must be a string`);
  if (present.length === 0) {
    if (values) throw new ValidationException(`ExpressionAttributeValues can only be specified when using expressions: ${fields.filter((f) => f !== 'ProjectionExpression').join(' and ')} are null`);
    if (names) throw new ValidationException(`ExpressionAttributeNames can only be specified when using expressions`);
  }
  const ctx = new ExpressionContext(names, values as Record<string, AttributeValue> | undefined, (rawValues ?? {}) as Record<string, unknown>);
  const out: Expressions = { ctx };
  for (const field of present) {
    const text = body[field] as string;
    if (field === 'UpdateExpression') {
      out.update = parseUpdate(text, ctx);
      checkUpdateTypes(out.update, ctx);
    } else if (field === 'ProjectionExpression') out.projection = parseProjection(text, ctx);
    else {
      const condition = parseCondition(text, field as ExpressionLabel, ctx);
      checkConditionTypes(condition, field, ctx);
      if (field === 'ConditionExpression') out.condition = condition;
      else if (field === 'KeyConditionExpression') out.keyCondition = condition;
      else out.filter = condition;
    }
  }
  const unusedNames = Object.keys(names ?? {}).filter((n) => !ctx.usedNames.has(n));
  if (unusedNames.length) throw new ValidationException(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`);
  const unusedValues = Object.keys(values ?? {}).filter((n) => !ctx.usedValues.has(n));
  if (unusedValues.length) throw new ValidationException(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`);
  return out;
}
