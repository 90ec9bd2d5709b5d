/**
 * A Query's KeyConditionExpression as a key range: equality on the partition key, and at most
 * one of = < <= > >= BETWEEN begins_with on the sort key (Developer Guide, "Key condition
 * expressions for query").
 */
import { typeOf, type AttributeValue } from '../attribute-value.ts';
import { ValidationException } from '../errors.ts';
import type { Condition, Operand } from '../expressions/ast.ts';
import { checkBounds } from '../expressions/evaluate.ts';
import type { ExpressionContext } from '../expressions/parser.ts';
import type { Range } from '../item-store.ts';
import { keyBytes, type KeyPart } from '../table-schema.ts';

const unsupported = (): ValidationException => new ValidationException('Query key condition not supported');

export function keyRange(condition: Condition, partition: KeyPart, sort: KeyPart | undefined, ctx: ExpressionContext, forward: boolean): Range {
  const parts = condition.kind === 'and' ? [condition.left, condition.right] : [condition];
  for (const part of parts) {
    const operator = invalidOperator(part);
    if (operator) throw new ValidationException(`Invalid operator used in KeyConditionExpression: ${operator}`);
  }
  const onPartition = parts.filter((p) => subjectName(p) === partition.name);
  const onSort = parts.filter((p) => sort !== undefined && subjectName(p) === sort.name);
  if (onPartition.length === 0) throw new ValidationException('Query condition missed key schema element');
  if (onPartition.length + onSort.length !== parts.length || onPartition.length > 1 || onSort.length > 1) throw unsupported();
  const pkCondition = onPartition[0] as Condition;
  if (pkCondition.kind !== 'compare' || pkCondition.operator !== '=') throw unsupported();
  const range: Range = { pk: keyBytes(valueFor(pkCondition.right, partition, ctx)), forward };
  const sk = onSort[0];
  if (!sk || !sort) return range;
  if (sk.kind === 'compare') {
    const bytes = keyBytes(valueFor(sk.right, sort, ctx));
    if (sk.operator === '=' || sk.operator === '>' || sk.operator === '>=') range.low = { sk: bytes, exclusive: sk.operator === '>' };
    if (sk.operator === '=' || sk.operator === '<' || sk.operator === '<=') range.high = { sk: bytes, exclusive: sk.operator === '<' };
    if ((sk.operator === '<=' && forward) || (sk.operator === '>=' && !forward)) range.end = bytes;
  } else if (sk.kind === 'between') {
    checkBounds(sk.low, sk.high, ctx, (message) => new ValidationException(`Invalid KeyConditionExpression: ${message}`));
    range.low = { sk: keyBytes(valueFor(sk.low, sort, ctx)), exclusive: false };
    range.high = { sk: keyBytes(valueFor(sk.high, sort, ctx)), exclusive: false };
    range.end = forward ? range.high.sk : range.low.sk;
  } else if (sk.kind === 'function' && sk.name === 'begins_with') {
    if (sort.type === 'N') throw new ValidationException(`Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N`);
    const prefix = keyBytes(valueFor(sk.args[1] as Operand, sort, ctx));
    range.low = { sk: prefix, exclusive: false };
    const upper = successor(prefix);
    if (upper) range.high = { sk: upper, exclusive: true };
  } else throw unsupported();
  return range;
}

/** The operator that has no place in a key condition, if the part uses one. */
function invalidOperator(part: Condition): string | undefined {
  if (part.kind === 'or' || part.kind === 'not' || part.kind === 'in' || part.kind === 'and') return part.kind.toUpperCase();
  if (part.kind === 'compare' && part.operator === '<>') return '<>';
  if (part.kind === 'function' && part.name !== 'begins_with') return part.name;
  return undefined;
}

/** The attribute a key condition is about: a one-element path on its left. */
function subjectName(condition: Condition): string | undefined {
  const subject = condition.kind === 'compare' ? condition.left : condition.kind === 'between' ? condition.operand : condition.kind === 'function' ? condition.args[0] : undefined;
  if (subject?.kind !== 'path') return undefined;
  if (subject.elements.length !== 1 || typeof subject.elements[0] !== 'string') throw unsupported();
  return subject.elements[0];
}

function valueFor(operand: Operand | undefined, part: KeyPart, ctx: ExpressionContext): AttributeValue {
  if (operand?.kind !== 'value') throw unsupported();
  const value = ctx.value(operand.name);
  if (typeOf(value) !== part.type) throw new ValidationException('One or more parameter values were invalid: Condition parameter type does not match schema type');
  return value;
}

/** The smallest byte string above every string that starts with `prefix`; none when all bytes are 0xFF. */
function successor(prefix: Buffer): Buffer | undefined {
  const bytes = Buffer.from(prefix);
  for (let i = bytes.length - 1; i >= 0; i--) {
    if ((bytes[i] as number) < 0xff) {
      bytes[i] = (bytes[i] as number) + 1;
      return bytes.subarray(0, i + 1);
    }
  }
  return undefined;
}
