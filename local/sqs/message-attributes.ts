/**
 * Message attributes (SendMessage › MessageAttributes), validated, sized and digested as the SQS
 * Developer Guide documents them ("Amazon SQS message attributes": at most 10; names of
 * `A-Za-z0-9_-.` up to 256 characters, not starting with `AWS.`/`Amazon.`, no leading, trailing or
 * doubled period; types `String`, `Number`, `Binary` with an optional `.custom` suffix; every
 * part counts toward the message size) and its "Calculating the MD5 message digest for message
 * attributes" section, which SDKs use to check `MD5OfMessageAttributes`.
 */
import { createHash } from 'node:crypto';
import { InvalidParameterValue } from './errors.ts';

/** One attribute as the JSON protocol carries it: `BinaryValue` is base64. */
export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

/** One attribute as Lambda's SQS event record carries it (lower camel case, list members empty). */
export interface SqsRecordAttribute {
  dataType: string;
  stringValue?: string;
  binaryValue?: string;
  stringListValues: string[];
  binaryListValues: string[];
}

const MAX_ATTRIBUTES = 10;
const MAX_NAME_CHARS = 256;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `Binary` or `Binary.custom` → 2; `String…` and `Number…` → 1 (the digest's transport type byte). */
const transportType = (dataType: string): 1 | 2 => (dataType === 'Binary' || dataType.startsWith('Binary.') ? 2 : 1);
const baseType = (dataType: string): string => dataType.split('.', 1)[0]!;

/** The request's MessageAttributes, checked; throws InvalidParameterValue naming the attribute at fault. */
export function messageAttributes(raw: unknown): Record<string, MessageAttributeValue> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new InvalidParameterValue('MessageAttributes must be a map of attribute names to values.');
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > MAX_ATTRIBUTES) throw new InvalidParameterValue(`Number of message attributes [${entries.length}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`);
  const out: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of entries) {
    checkName(name);
    const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const dataType = v.DataType;
    if (typeof dataType !== 'string' || dataType === '') throw new InvalidParameterValue(`The message attribute '${name}' must contain non-empty message attribute type.`);
    if (dataType.length > MAX_NAME_CHARS || !['String', 'Number', 'Binary'].includes(baseType(dataType))) {
      throw new InvalidParameterValue(`The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`);
    }
    if (transportType(dataType) === 2) {
      if (typeof v.BinaryValue !== 'string' || v.BinaryValue === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v.BinaryValue)) {
        throw new InvalidParameterValue(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
      }
      out[name] = { DataType: dataType, BinaryValue: v.BinaryValue };
    } else {
      if (typeof v.StringValue !== 'string' || v.StringValue === '') {
        throw new InvalidParameterValue(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${baseType(dataType)}'.`);
      }
      if (baseType(dataType) === 'Number' && !NUMBER.test(v.StringValue)) {
        throw new InvalidParameterValue(`Can't cast the value of message (user) attribute '${name}' to a number.`);
      }
      out[name] = { DataType: dataType, StringValue: v.StringValue };
    }
  }
  return out;
}

function checkName(name: string): void {
  const lower = name.toLowerCase();
  if (
    name.length === 0 ||
    name.length > MAX_NAME_CHARS ||
    !/^[A-Za-z0-9_.-]+$/.test(name) ||
    name.startsWith('.') ||
    name.endsWith('.') ||
    name.includes('..') ||
    lower.startsWith('aws.') ||
    lower.startsWith('amazon.')
  ) {
    throw new InvalidParameterValue(`Message (user) attribute name '${name}' is invalid. The attribute name can contain A-Z, a-z, 0-9, underscore (_), hyphen (-) and period (.) characters, can be up to 256 characters long, and can't start with AWS. or Amazon., start or end with a period, or contain consecutive periods.`);
  }
}

const valueBytes = (v: MessageAttributeValue): Buffer => (v.BinaryValue !== undefined ? Buffer.from(v.BinaryValue, 'base64') : Buffer.from(v.StringValue ?? '', 'utf8'));

/** Bytes the attributes add to the message size: each name, type and value. */
export function attributesSize(attributes: Record<string, MessageAttributeValue>): number {
  let bytes = 0;
  for (const [name, v] of Object.entries(attributes)) bytes += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(v.DataType, 'utf8') + valueBytes(v).length;
  return bytes;
}

/**
 * MD5OfMessageAttributes: for each attribute in ascending name order, the name, the data type
 * (each as a 4-byte big-endian length and its UTF-8 bytes), the transport type byte (1 String or
 * Number, 2 Binary) and the value (4-byte length and bytes); the hex MD5 of it all. Undefined
 * when there are no attributes (SQS then leaves the member out).
 */
export function md5OfMessageAttributes(attributes: Record<string, MessageAttributeValue>): string | undefined {
  const names = Object.keys(attributes).sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  if (names.length === 0) return undefined;
  const hash = createHash('md5');
  const lengthPrefixed = (bytes: Buffer): void => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  };
  for (const name of names) {
    const v = attributes[name]!;
    lengthPrefixed(Buffer.from(name, 'utf8'));
    lengthPrefixed(Buffer.from(v.DataType, 'utf8'));
    hash.update(Buffer.of(transportType(v.DataType)));
    lengthPrefixed(valueBytes(v));
  }
  return hash.digest('hex');
}

/** The attributes as a Lambda SQS event record shows them. */
export function recordAttributes(attributes: Record<string, MessageAttributeValue>): Record<string, SqsRecordAttribute> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, v]) => [
      name,
      { ...(v.StringValue !== undefined ? { stringValue: v.StringValue } : {}), ...(v.BinaryValue !== undefined ? { binaryValue: v.BinaryValue } : {}), stringListValues: [], binaryListValues: [], dataType: v.DataType },
    ]),
  );
}
