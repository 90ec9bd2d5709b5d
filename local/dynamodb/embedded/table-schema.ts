/** A table's definition as the store keeps it, and the keys of its items and index entries. */
import { scalarText, typeOf, type AttributeMap, type AttributeValue } from './attribute-value.ts';
import { ActionValidationError, ValidationException } from './errors.ts';
import { parseNumber, sortableNumber } from './numbers.ts';

export type KeyType = 'S' | 'N' | 'B';

export interface KeyPart {
  name: string;
  type: KeyType;
}

export interface IndexDefinition {
  name: string;
  partition: KeyPart;
  sort?: KeyPart;
  /** ALL, KEYS_ONLY, or INCLUDE with these attributes. */
  projection: { type: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; nonKeyAttributes?: string[] };
}

export interface TableDefinition {
  name: string;
  partition: KeyPart;
  sort?: KeyPart;
  attributeDefinitions: { AttributeName: string; AttributeType: KeyType }[];
  indexes: IndexDefinition[];
  billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  provisioned?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
  /** Epoch seconds. */
  createdAt: number;
  ttl?: { attributeName: string; enabled: boolean };
}

/** The bytes a key value sorts by: S as UTF-8, N order-preserving, B as is (Developer Guide, "Sort key"). */
export function keyBytes(value: AttributeValue): Buffer {
  if ('S' in value) return Buffer.from(value.S, 'utf8');
  if ('N' in value) return sortableNumber(parseNumber(value.N));
  if ('B' in value) return Buffer.from(value.B, 'base64');
  throw new Error(`not a key type: ${typeOf(value)}`);
}

const EMPTY = Buffer.alloc(0);

export interface StoredKey {
  pk: Buffer;
  sk: Buffer;
}

/** Partition key at most 2048 bytes, sort key 1024 (Developer Guide, "Service quotas: Attributes"). */
const MAX_PARTITION_BYTES = 2048;
const MAX_SORT_BYTES = 1024;

/** The stored key of an item that has passed `checkItemKeys`. */
export function storedKey(table: Pick<TableDefinition, 'partition' | 'sort'>, item: AttributeMap): StoredKey {
  return { pk: keyBytes(item[table.partition.name] as AttributeValue), sk: table.sort ? keyBytes(item[table.sort.name] as AttributeValue) : EMPTY };
}

/** The key attributes of an item (its `Key`). */
export function keyOf(table: Pick<TableDefinition, 'partition' | 'sort'>, item: AttributeMap): AttributeMap {
  const key: AttributeMap = { [table.partition.name]: item[table.partition.name] as AttributeValue };
  if (table.sort) key[table.sort.name] = item[table.sort.name] as AttributeValue;
  return key;
}

/** A `Key` parameter: exactly the table's key attributes, of their types. */
export function checkKey(table: TableDefinition, key: AttributeMap): void {
  const parts = table.sort ? [table.partition, table.sort] : [table.partition];
  if (Object.keys(key).length !== parts.length) throw new ValidationException('The number of conditions on the keys is invalid');
  if (parts.some((p) => key[p.name] === undefined)) throw new ActionValidationError('The provided key element does not match the schema');
  if (parts.some((p) => typeOf(key[p.name] as AttributeValue) !== p.type)) throw new ActionValidationError('One or more parameter values were invalid: Type mismatch for key');
  for (const part of parts) checkKeyValue(part, key[part.name] as AttributeValue, part === table.partition);
}

/** An item to write: it has the key attributes with their types, and index keys of their types. */
export function checkItemKeys(table: TableDefinition, item: AttributeMap): void {
  for (const part of table.sort ? [table.partition, table.sort] : [table.partition]) {
    const value = item[part.name];
    // DynamoDB Local's wording alone; DynamoDB's in a transaction's cancellation reason.
    if (value === undefined) throw new ActionValidationError('One of the required keys was not given a value', `One or more parameter values were invalid: Missing the key ${part.name} in the item`);
    if (typeOf(value) !== part.type) throw new ActionValidationError('One or more parameter values were invalid: Type mismatch for key');
    checkKeyValue(part, value, part === table.partition);
  }
  checkIndexKeys(table, item, 'One or more parameter values were invalid: Type mismatch for Index Key', 'One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value.');
}

export function checkIndexKeys(table: TableDefinition, item: AttributeMap, mismatch: string, empty: string): void {
  for (const index of table.indexes) {
    for (const part of index.sort ? [index.partition, index.sort] : [index.partition]) {
      const value = item[part.name];
      if (value === undefined) continue;
      const type = typeOf(value);
      if (type !== 'S' && type !== 'N' && type !== 'B') throw new ValidationException('Invalid attribute value type');
      if (type !== part.type) throw new ValidationException(mismatch);
      if (scalarText(value) === '' && part.type !== 'N') throw new ValidationException(empty);
    }
  }
}

function checkKeyValue(part: KeyPart, value: AttributeValue, isPartition: boolean): void {
  const bytes = keyBytes(value).length;
  if (part.type !== 'N' && bytes === 0) {
    throw new ValidationException(`One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${part.type === 'S' ? 'string' : 'binary'} value. Key: ${part.name}`);
  }
  if (isPartition && bytes > MAX_PARTITION_BYTES) throw new ValidationException('One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes');
  if (!isPartition && bytes > MAX_SORT_BYTES) throw new ValidationException('One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes');
}

/** The index entry's key, or none when the item lacks an index key attribute (a sparse index). */
export function indexKey(index: IndexDefinition, item: AttributeMap): StoredKey | undefined {
  const partition = item[index.partition.name];
  const sort = index.sort ? item[index.sort.name] : undefined;
  if (partition === undefined || (index.sort && sort === undefined)) return undefined;
  return { pk: keyBytes(partition), sk: sort ? keyBytes(sort) : EMPTY };
}

/** What an index holds of an item: everything, or its keys (and included attributes). */
export function projectForIndex(table: TableDefinition, index: IndexDefinition, item: AttributeMap): AttributeMap {
  if (index.projection.type === 'ALL') return item;
  const names = new Set([table.partition.name, table.sort?.name, index.partition.name, index.sort?.name, ...(index.projection.nonKeyAttributes ?? [])]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => names.has(name)));
}
