/**
 * Evaluates parsed conditions against an item and applies update actions (Developer Guide,
 * "Condition expressions", "Update expressions"). A missing attribute makes a comparison false
 * (`<>` true); operand types known from ExpressionAttributeValues are checked up front, with
 * DynamoDB's messages, by `checkOperandTypes`.
 */
import { compareValues, sortSetMembers, typeOf, valuesEqual, type AttributeMap, type AttributeValue, TYPE_NAMES } from '../attribute-value.ts';
import { ValidationException } from '../errors.ts';
import { addNumbers, formatNumber, parseNumber } from '../numbers.ts';
import type { Condition, Operand, Path, UpdateActions } from './ast.ts';
import { readPath, removePath, writePath } from './document-path.ts';
import type { ExpressionContext } from './parser.ts';

export function evaluateOperand(operand: Operand, item: AttributeMap | undefined, ctx: ExpressionContext): AttributeValue | undefined {
  switch (operand.kind) {
    case 'path':
      return readPath(item, operand);
    case 'value':
      return ctx.value(operand.name);
    case 'size': {
      const value = readPath(item, operand.path);
      if (value === undefined) return undefined;
      const n = sizeOf(value);
      return n === undefined ? undefined : { N: String(n) };
    }
    case 'if_not_exists':
      return readPath(item, operand.path) ?? evaluateOperand(operand.fallback, item, ctx);
    case 'list_append': {
      const first = evaluateOperand(operand.first, item, ctx);
      const second = evaluateOperand(operand.second, item, ctx);
      if (first === undefined || second === undefined) throw missingAttribute();
      if (!('L' in first) || !('L' in second)) throw new ValidationException('An operand in the update expression has an incorrect data type');
      return { L: [...first.L, ...second.L] };
    }
    case 'arithmetic': {
      const left = evaluateOperand(operand.left, item, ctx);
      const right = evaluateOperand(operand.right, item, ctx);
      if (left === undefined || right === undefined) throw missingAttribute();
      if (!('N' in left) || !('N' in right)) throw new ValidationException('An operand in the update expression has an incorrect data type');
      return { N: formatNumber(addNumbers(parseNumber(left.N), parseNumber(right.N), operand.operator === '-')) };
    }
  }
}

const missingAttribute = (): ValidationException => new ValidationException('The provided expression refers to an attribute that does not exist in the item');

/** `size()`: characters of a string, bytes of a binary, members of a set, list or map; none for other types. */
function sizeOf(value: AttributeValue): number | undefined {
  if ('S' in value) return value.S.length;
  if ('B' in value) return Buffer.from(value.B, 'base64').length;
  if ('SS' in value) return value.SS.length;
  if ('NS' in value) return value.NS.length;
  if ('BS' in value) return value.BS.length;
  if ('L' in value) return value.L.length;
  if ('M' in value) return Object.keys(value.M).length;
  return undefined;
}

export function evaluateCondition(condition: Condition, item: AttributeMap | undefined, ctx: ExpressionContext): boolean {
  const operand = (o: Operand): AttributeValue | undefined => evaluateOperand(o, item, ctx);
  switch (condition.kind) {
    case 'and':
      return evaluateCondition(condition.left, item, ctx) && evaluateCondition(condition.right, item, ctx);
    case 'or':
      return evaluateCondition(condition.left, item, ctx) || evaluateCondition(condition.right, item, ctx);
    case 'not':
      return !evaluateCondition(condition.condition, item, ctx);
    case 'compare': {
      const left = operand(condition.left);
      const right = operand(condition.right);
      if (condition.operator === '<>') return left === undefined || right === undefined || !valuesEqual(left, right);
      if (left === undefined || right === undefined) return false;
      if (condition.operator === '=') return valuesEqual(left, right);
      const order = compareValues(left, right);
      if (order === undefined) return false;
      return condition.operator === '<' ? order < 0 : condition.operator === '<=' ? order <= 0 : condition.operator === '>' ? order > 0 : order >= 0;
    }
    case 'between': {
      const value = operand(condition.operand);
      const low = operand(condition.low);
      const high = operand(condition.high);
      if (value === undefined || low === undefined || high === undefined) return false;
      const above = compareValues(value, low);
      const below = compareValues(value, high);
      return above !== undefined && below !== undefined && above >= 0 && below <= 0;
    }
    case 'in': {
      const value = operand(condition.operand);
      return value !== undefined && condition.list.some((o) => {
        const candidate = operand(o);
        return candidate !== undefined && valuesEqual(value, candidate);
      });
    }
    case 'function':
      return evaluateFunction(condition.name, condition.args.map(operand));
  }
}

function evaluateFunction(name: string, args: (AttributeValue | undefined)[]): boolean {
  const [subject, argument] = args;
  switch (name) {
    case 'attribute_exists':
      return subject !== undefined;
    case 'attribute_not_exists':
      return subject === undefined;
    case 'attribute_type':
      return subject !== undefined && argument !== undefined && 'S' in argument && typeOf(subject) === argument.S;
    case 'begins_with':
      if (subject === undefined || argument === undefined) return false;
      if ('S' in subject && 'S' in argument) return subject.S.startsWith(argument.S);
      if ('B' in subject && 'B' in argument) return Buffer.from(subject.B, 'base64').subarray(0, Buffer.from(argument.B, 'base64').length).equals(Buffer.from(argument.B, 'base64'));
      return false;
    case 'contains':
      if (subject === undefined || argument === undefined) return false;
      if ('S' in subject) return 'S' in argument && subject.S.includes(argument.S);
      if ('B' in subject) return 'B' in argument && Buffer.from(subject.B, 'base64').includes(Buffer.from(argument.B, 'base64'));
      if ('SS' in subject) return 'S' in argument && subject.SS.includes(argument.S);
      if ('NS' in subject) return 'N' in argument && subject.NS.includes(argument.N);
      if ('BS' in subject) return 'B' in argument && subject.BS.includes(argument.B);
      if ('L' in subject) return subject.L.some((element) => valuesEqual(element, argument));
      return false;
    default:
      throw new Error(`unknown function ${name}`);
  }
}

/** The document paths a condition reads, in order. */
export function conditionPaths(condition: Condition): Path[] {
  const ofOperand = (o: Operand): Path[] =>
    o.kind === 'path' ? [o] : o.kind === 'size' ? [o.path] : o.kind === 'if_not_exists' ? [o.path, ...ofOperand(o.fallback)] : o.kind === 'list_append' ? [...ofOperand(o.first), ...ofOperand(o.second)] : o.kind === 'arithmetic' ? [...ofOperand(o.left), ...ofOperand(o.right)] : [];
  switch (condition.kind) {
    case 'and':
    case 'or':
      return [...conditionPaths(condition.left), ...conditionPaths(condition.right)];
    case 'not':
      return conditionPaths(condition.condition);
    case 'compare':
      return [...ofOperand(condition.left), ...ofOperand(condition.right)];
    case 'between':
      return [condition.operand, condition.low, condition.high].flatMap(ofOperand);
    case 'in':
      return [condition.operand, ...condition.list].flatMap(ofOperand);
    case 'function':
      return condition.args.flatMap(ofOperand);
  }
}

// ---- static checks of operand types (the values' types are known before any item is read) ----

const LONG_TYPE: Record<string, string> = { S: 'STRING', N: 'NUMBER', B: 'BINARY', BOOL: 'BOOLEAN', NULL: 'NULL', SS: 'STRING_SET', NS: 'NUMBER_SET', BS: 'BINARY_SET', L: 'LIST', M: 'MAP' };

function valueType(operand: Operand | undefined, ctx: ExpressionContext): string | undefined {
  return operand?.kind === 'value' ? typeOf(ctx.value(operand.name)) : undefined;
}

export function checkConditionTypes(condition: Condition, label: string, ctx: ExpressionContext): void {
  const fail = (message: string): ValidationException => new ValidationException(`Invalid ${label}: ${message}`);
  switch (condition.kind) {
    case 'and':
    case 'or':
      checkConditionTypes(condition.left, label, ctx);
      checkConditionTypes(condition.right, label, ctx);
      return;
    case 'not':
      checkConditionTypes(condition.condition, label, ctx);
      return;
    case 'compare':
      if (condition.operator !== '=' && condition.operator !== '<>') checkOrdered(condition.operator, [condition.left, condition.right], ctx, fail);
      return;
    case 'between':
      checkOrdered('BETWEEN', [condition.operand, condition.low, condition.high], ctx, fail);
      checkBounds(condition.low, condition.high, ctx, fail);
      return;
    case 'function': {
      const type = valueType(condition.args[1], ctx);
      if (condition.name === 'begins_with' && type !== undefined && type !== 'S' && type !== 'B') {
        throw fail(`Incorrect operand type for operator or function; operator or function: begins_with, operand type: ${type}`);
      }
      if (condition.name === 'attribute_type' && type !== undefined) {
        if (type !== 'S') throw fail(`Incorrect operand type for operator or function; operator or function: attribute_type, operand type: ${type}`);
        const named = (ctx.value((condition.args[1] as { name: string }).name) as { S: string }).S;
        if (!(TYPE_NAMES as readonly string[]).includes(named)) throw fail(`Invalid attribute type name found; type: ${named}, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}`);
      }
      return;
    }
    default:
      return;
  }
}

/** BETWEEN's bounds, when both are values: of one type, the lower not above the upper. */
export function checkBounds(low: Operand, high: Operand, ctx: ExpressionContext, fail: (message: string) => ValidationException): void {
  if (low.kind !== 'value' || high.kind !== 'value') return;
  const a = ctx.value(low.name);
  const b = ctx.value(high.name);
  const quoted = `lower bound operand: AttributeValue: ${quote(ctx.rawValues[low.name], a)}, upper bound operand: AttributeValue: ${quote(ctx.rawValues[high.name], b)}`;
  if (typeOf(a) !== typeOf(b)) throw fail(`The BETWEEN operator requires same data type for lower and upper bounds; ${quoted}`);
  if ((compareValues(a, b) ?? 0) > 0) throw fail(`The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${quoted}`);
}

/** A value as DynamoDB (Local, on the JVM) prints it in messages: `{N:01.50}`, binaries as their buffer. */
function quote(raw: unknown, value: AttributeValue): string {
  const type = typeOf(value);
  if (type === 'B') {
    const length = Buffer.from((value as { B: string }).B, 'base64').length;
    return `{B:java.nio.HeapByteBuffer[pos=0 lim=${length} cap=${length}]}`;
  }
  const text = (raw as Record<string, unknown> | undefined)?.[type];
  return `{${type}:${typeof text === 'string' ? text : JSON.stringify(Object.values(value)[0])}}`;
}

/** `<` `<=` `>` `>=` BETWEEN order only strings, numbers and binaries. */
function checkOrdered(operator: string, operands: Operand[], ctx: ExpressionContext, fail: (message: string) => ValidationException): void {
  for (const operand of operands) {
    const type = valueType(operand, ctx);
    if (type !== undefined && type !== 'S' && type !== 'N' && type !== 'B') throw fail(`Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${type}`);
  }
}

export function checkUpdateTypes(actions: UpdateActions, ctx: ExpressionContext): void {
  const fail = (message: string): ValidationException => new ValidationException(`Invalid UpdateExpression: ${message}`);
  const visit = (operand: Operand): void => {
    if (operand.kind === 'arithmetic') {
      for (const side of [operand.left, operand.right]) {
        const type = valueType(side, ctx);
        if (type !== undefined && type !== 'N') throw fail(`Incorrect operand type for operator or function; operator or function: ${operand.operator}, operand type: ${type}`);
        visit(side);
      }
    } else if (operand.kind === 'list_append') {
      for (const side of [operand.first, operand.second]) {
        const type = valueType(side, ctx);
        if (type !== undefined && type !== 'L') throw fail(`Incorrect operand type for operator or function; operator or function: list_append, operand type: ${type}`);
        visit(side);
      }
    } else if (operand.kind === 'if_not_exists') visit(operand.fallback);
  };
  for (const { value } of actions.set) visit(value);
  for (const [action, allowed, list] of [['ADD', ['N', 'SS', 'NS', 'BS'], actions.add], ['DELETE', ['SS', 'NS', 'BS'], actions.delete]] as const) {
    for (const { value } of list) {
      const type = valueType(value, ctx) as string;
      if (!(allowed as readonly string[]).includes(type)) {
        throw fail(`Incorrect operand type for operator or function; operator: ${action}, operand type: ${LONG_TYPE[type] ?? type}, typeSet: ALLOWED_FOR_${action}_OPERAND`);
      }
    }
  }
}

/** Every path an update touches, for the overlap check and for UPDATED_OLD/UPDATED_NEW. */
export function updatedPaths(actions: UpdateActions): Path[] {
  return [...actions.set.map((a) => a.path), ...actions.remove, ...actions.add.map((a) => a.path), ...actions.delete.map((a) => a.path)];
}

/** Applies the actions to a copy of `item`; every right-hand side reads the item as it was. */
export function applyUpdate(actions: UpdateActions, item: AttributeMap, ctx: ExpressionContext): AttributeMap {
  const next = structuredClone(item);
  // DynamoDB (Local)'s order of checks: targets that index into a list, then ADD and DELETE
  // targets and their types, then every other target's parent, then the right-hand sides.
  for (const path of updatedPaths(actions)) if (path.elements.some((e) => typeof e === 'number')) checkParent(item, path);
  for (const { path, value } of [...actions.add, ...actions.delete]) {
    checkParent(item, path);
    const current = readPath(item, path);
    const operand = ctx.value((value as { name: string }).name);
    if (current !== undefined && typeOf(current) !== typeOf(operand)) throw new ValidationException('An operand in the update expression has an incorrect data type');
  }
  for (const path of [...actions.set.map((a) => a.path), ...actions.remove]) checkParent(item, path);
  const sets = actions.set.map(({ path, value }) => {
    const result = evaluateOperand(value, item, ctx);
    if (result === undefined) throw missingAttribute();
    return { path, value: result };
  });
  for (const { path, value } of sets) writePath(next, path, value);
  // Indexes refer to the list as it was: remove the highest first.
  const removals = [...actions.remove].sort((a, b) => comparePathsForRemoval(b, a));
  for (const path of removals) removePath(next, path);
  for (const { path, value } of actions.add) {
    const addend = ctx.value((value as { name: string }).name);
    const current = readPath(next, path);
    if (current === undefined) writePath(next, path, structuredClone(addend));
    else if ('N' in current && 'N' in addend) writePath(next, path, { N: formatNumber(addNumbers(parseNumber(current.N), parseNumber(addend.N))) });
    else if (typeOf(current) === typeOf(addend) && typeOf(current).endsWith('S') && typeOf(current) !== 'S') {
      writePath(next, path, setUnion(current, addend));
    } else throw new ValidationException('An operand in the update expression has an incorrect data type');
  }
  for (const { path, value } of actions.delete) {
    const removed = ctx.value((value as { name: string }).name);
    const current = readPath(next, path);
    if (current === undefined) continue;
    if (typeOf(current) !== typeOf(removed)) throw new ValidationException('An operand in the update expression has an incorrect data type');
    const type = typeOf(current) as 'SS' | 'NS' | 'BS';
    const gone = new Set(Object.values(removed)[0] as string[]);
    const left = (Object.values(current)[0] as string[]).filter((m) => !gone.has(m));
    if (left.length === 0) removePath(next, path);
    else writePath(next, path, { [type]: left } as AttributeValue);
  }
  return next;
}

/** A target's parent must be there, and be a map (a list for an index). */
function checkParent(item: AttributeMap, path: Path): void {
  if (path.elements.length < 2) return;
  const parent = readPath(item, { kind: 'path', elements: path.elements.slice(0, -1) });
  const last = path.elements.at(-1);
  if (parent === undefined || (typeof last === 'number' ? !('L' in parent) : !('M' in parent))) {
    throw new ValidationException('The document path provided in the update expression is invalid for update');
  }
}

function setUnion(a: AttributeValue, b: AttributeValue): AttributeValue {
  const type = typeOf(a) as 'SS' | 'NS' | 'BS';
  const members = new Set([...(Object.values(a)[0] as string[]), ...(Object.values(b)[0] as string[])]);
  return { [type]: sortSetMembers(type, [...members]) } as AttributeValue;
}

function comparePathsForRemoval(a: Path, b: Path): number {
  const n = Math.min(a.elements.length, b.elements.length);
  for (let i = 0; i < n; i++) {
    const x = a.elements[i] as string | number;
    const y = b.elements[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.elements.length - b.elements.length;
}
