/**
 * DynamoDB's AttributeValue as it travels in the JSON protocol (`{"S": "…"}`, `{"N": "1.5"}`,
 * `{"B": "<base64>"}`, sets, lists, maps), validated and brought to canonical form on the way in,
 * compared as DynamoDB compares (API Reference, "AttributeValue"; Developer Guide,
 * "Comparison operator and function reference").
 */
import { ValidationException } from './errors.ts';
import { canonicalNumber, compareNumbers, parseNumber } from './numbers.ts';

export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { L: AttributeValue[] }
  | { M: AttributeMap };

export type AttributeMap = Record<string, AttributeValue>;

export type TypeName = 'S' | 'N' | 'B' | 'BOOL' | 'NULL' | 'SS' | 'NS' | 'BS' | 'L' | 'M';
export const TYPE_NAMES: readonly TypeName[] = ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M'];

export function typeOf(value: AttributeValue): TypeName {
  return Object.keys(value)[0] as TypeName;
}

const SET_NOUN: Record<string, string> = { SS: 'string', NS: 'number', BS: 'binary' };

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates a value from a request and returns its canonical form (numbers normalised, sets in sort order). */
export function canonicalValue(raw: unknown): AttributeValue {
  if (!isRecord(raw)) throw new ValidationException('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  // The one type present, without an array per value (every attribute of every item comes through here).
  let type: string | undefined;
  let value: unknown;
  for (const key of Object.keys(raw)) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (type !== undefined) throw new ValidationException('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
    type = key;
    value = v;
  }
  if (type === undefined) throw new ValidationException('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  switch (type) {
    case 'S':
      if (typeof value !== 'string') throw invalidType(type);
      return { S: value };
    case 'N':
      if (typeof value !== 'string') throw invalidType(type);
      return { N: canonicalNumber(value) };
    case 'B':
      if (typeof value !== 'string') throw invalidType(type);
      return { B: canonicalBinary(value) };
    case 'BOOL':
      if (typeof value !== 'boolean') throw invalidType(type);
      return { BOOL: value };
    case 'NULL':
      if (value !== true) throw new ValidationException('One or more parameter values were invalid: Null attribute value types must have the value of true');
      return { NULL: true };
    case 'SS':
    case 'NS':
    case 'BS':
      return canonicalSet(type, value);
    case 'L':
      if (!Array.isArray(value)) throw invalidType(type);
      return { L: value.map(canonicalValue) };
    case 'M':
      if (!isRecord(value)) throw invalidType(type);
      return { M: canonicalMap(value) };
    default:
      throw new ValidationException(`Supplied AttributeValue has an unknown datatype: ${type}`);
  }
}

export function canonicalMap(raw: Record<string, unknown>): AttributeMap {
  const out: AttributeMap = {};
  for (const name of Object.keys(raw)) out[name] = canonicalValue(raw[name]);
  return out;
}

const invalidType = (type: string): ValidationException => new ValidationException(`Supplied AttributeValue of type ${type} has a value of the wrong JSON type`);

function canonicalBinary(text: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new ValidationException('Invalid Base64 encoded binary value');
  return Buffer.from(text, 'base64').toString('base64');
}

function canonicalSet(type: 'SS' | 'NS' | 'BS', value: unknown): AttributeValue {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalidType(type);
  const noun = SET_NOUN[type] ?? type;
  if (value.length === 0) throw new ValidationException(`One or more parameter values were invalid: An ${noun} set  may not be empty`);
  const members = (value as string[]).map((v) => (type === 'NS' ? canonicalNumber(v) : type === 'BS' ? canonicalBinary(v) : v));
  if (new Set(members).size !== members.length) throw new ValidationException(`One or more parameter values were invalid: Input collection [${(value as string[]).join(', ')}] contains duplicates`);
  return { [type]: sortSetMembers(type, members) } as AttributeValue;
}

export function sortSetMembers(type: 'SS' | 'NS' | 'BS', members: string[]): string[] {
  return [...members].sort((a, b) => compareScalars(type === 'SS' ? 'S' : type === 'NS' ? 'N' : 'B', a, b));
}

/** Orders two S (UTF-8 bytes), N (numerically) or B (bytes) values, as DynamoDB orders sort keys. */
export function compareScalars(type: 'S' | 'N' | 'B', a: string, b: string): number {
  if (type === 'N') return compareNumbers(parseNumber(a), parseNumber(b));
  if (type === 'S') return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  return Buffer.compare(Buffer.from(a, 'base64'), Buffer.from(b, 'base64'));
}

/** `<` `<=` `>` `>=` and BETWEEN: only two values of one of the scalar types compare; anything else is not true. */
export function compareValues(a: AttributeValue, b: AttributeValue): number | undefined {
  const type = typeOf(a);
  if (type !== typeOf(b) || (type !== 'S' && type !== 'N' && type !== 'B')) return undefined;
  return compareScalars(type, scalarText(a), scalarText(b));
}

export function scalarText(value: AttributeValue): string {
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  throw new Error(`not a scalar: ${typeOf(value)}`);
}

/** `=` and `<>`: equal type and value; sets equal as sets, maps key by key, lists element by element. */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  const type = typeOf(a);
  if (type !== typeOf(b)) return false;
  if ('L' in a) {
    const other = (b as { L: AttributeValue[] }).L;
    return a.L.length === other.length && a.L.every((v, i) => valuesEqual(v, other[i] as AttributeValue));
  }
  if ('M' in a) {
    const other = (b as { M: AttributeMap }).M;
    const keys = Object.keys(a.M);
    return keys.length === Object.keys(other).length && keys.every((k) => other[k] !== undefined && valuesEqual(a.M[k] as AttributeValue, other[k]));
  }
  if ('SS' in a || 'NS' in a || 'BS' in a) {
    const x = Object.values(a)[0] as string[];
    const y = Object.values(b)[0] as string[];
    return x.length === y.length && x.every((v, i) => v === y[i]); // canonical sets are sorted
  }
  return Object.values(a)[0] === Object.values(b)[0];
}

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Bytes a value counts for the item size limit (Developer Guide, "Item sizes and formats"). */
export function valueSize(value: AttributeValue): number {
  if ('S' in value) return utf8(value.S);
  if ('N' in value) return numberSize(value.N);
  if ('B' in value) return Buffer.from(value.B, 'base64').length;
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('SS' in value) return value.SS.reduce((n, s) => n + utf8(s), 0);
  if ('NS' in value) return value.NS.reduce((n, s) => n + numberSize(s), 0);
  if ('BS' in value) return value.BS.reduce((n, s) => n + Buffer.from(s, 'base64').length, 0);
  if ('L' in value) return 3 + value.L.reduce((n, v) => n + 1 + valueSize(v), 0);
  return 3 + Object.entries(value.M).reduce((n, [k, v]) => n + 1 + utf8(k) + valueSize(v), 0);
}

function numberSize(text: string): number {
  const digits = text.replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(digits.length / 2) + 1;
}

export function itemSize(item: AttributeMap): number {
  return Object.entries(item).reduce((n, [name, value]) => n + utf8(name) + valueSize(value), 0);
}

export const MAX_ITEM_BYTES = 400 * 1024;
