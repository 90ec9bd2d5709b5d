import { compileCidr } from './cidr.ts';
import { InvalidEventPatternError } from './errors.ts';
import { compileNumeric } from './numeric.ts';
import { isJsonObject, type JsonPrimitive, type JsonValue, type LeafMatcher, type ValueTest } from './types.ts';
import { compileWildcard } from './wildcard.ts';

const lower = (s: string): string => s.toLowerCase();
const isString = (v: JsonPrimitive): v is string => typeof v === 'string';

/** Compiles a leaf's array of alternatives (`"state": ["a", {"prefix": "b"}]`) into one matcher. */
export function compileLeaf(alternatives: JsonValue[], path: string): LeafMatcher {
  if (alternatives.length === 0) throw new InvalidEventPatternError('Empty arrays are not allowed', path);
  const leaf: LeafMatcher = { kind: 'leaf', tests: [], existsTrue: false, existsFalse: false };
  for (const alternative of alternatives) {
    if (Array.isArray(alternative)) throw new InvalidEventPatternError('Match value must be a string, number, boolean, null or a filter object, not an array', path);
    if (!isJsonObject(alternative)) {
      leaf.tests.push(exactTest(alternative));
      continue;
    }
    const keys = Object.keys(alternative);
    if (keys.length !== 1) throw new InvalidEventPatternError(`A filter object must have exactly one key, got ${keys.length}`, path);
    const key = keys[0]!;
    const operand = alternative[key]!;
    if (key === 'exists') {
      if (typeof operand !== 'boolean') throw new InvalidEventPatternError('exists match pattern must be either true or false', path);
      if (operand) leaf.existsTrue = true;
      else leaf.existsFalse = true;
      continue;
    }
    leaf.tests.push(filterTest(key, operand, path));
  }
  return leaf;
}

function exactTest(expected: JsonPrimitive): ValueTest {
  return (value) => value === expected;
}

function filterTest(key: string, operand: JsonValue, path: string): ValueTest {
  switch (key) {
    case 'prefix':
      return stringAffix(operand, path, 'prefix', (v, s) => v.startsWith(s));
    case 'suffix':
      return stringAffix(operand, path, 'suffix', (v, s) => v.endsWith(s));
    case 'equals-ignore-case': {
      const expected = lower(requireString(operand, path, 'equals-ignore-case'));
      return (value) => isString(value) && lower(value) === expected;
    }
    case 'wildcard': {
      const test = compileWildcard(requireString(operand, path, 'wildcard'), path);
      return (value) => isString(value) && test(value);
    }
    case 'numeric': {
      const test = compileNumeric(operand, path);
      return (value) => typeof value === 'number' && test(value);
    }
    case 'cidr': {
      const test = compileCidr(requireString(operand, path, 'cidr'), path);
      return (value) => isString(value) && test(value);
    }
    case 'anything-but': {
      const excluded = anythingButTest(operand, path);
      return (value) => !excluded(value);
    }
    default:
      throw new InvalidEventPatternError(`Unrecognized match type ${key}`, path);
  }
}

/** `prefix`/`suffix` take a string or `{"equals-ignore-case": string}`. */
function stringAffix(operand: JsonValue, path: string, name: string, test: (value: string, affix: string) => boolean): ValueTest {
  if (isJsonObject(operand)) {
    const keys = Object.keys(operand);
    if (keys.length !== 1 || keys[0] !== 'equals-ignore-case') throw new InvalidEventPatternError(`${name} match pattern must be a string or {"equals-ignore-case": string}`, path);
    const affix = lower(requireString(operand['equals-ignore-case']!, path, `${name} equals-ignore-case`));
    return (value) => isString(value) && test(lower(value), affix);
  }
  const affix = requireString(operand, path, name);
  return (value) => isString(value) && test(value, affix);
}

/** What an `anything-but` excludes: a value, a list of values, or a prefix/suffix/equals-ignore-case/wildcard filter. */
function anythingButTest(operand: JsonValue, path: string): ValueTest {
  if (typeof operand === 'string' || typeof operand === 'number') return (value) => value === operand;
  if (Array.isArray(operand)) {
    if (operand.length === 0) throw new InvalidEventPatternError('anything-but list must not be empty', path);
    const strings = operand.every((v) => typeof v === 'string');
    const numbers = operand.every((v) => typeof v === 'number');
    if (!strings && !numbers) throw new InvalidEventPatternError('anything-but list must contain only strings or only numbers', path);
    const set = new Set<JsonPrimitive>(operand as JsonPrimitive[]);
    return (value) => set.has(value);
  }
  if (!isJsonObject(operand)) throw new InvalidEventPatternError('anything-but must be a string, a number, a list or a filter object', path);
  const keys = Object.keys(operand);
  if (keys.length !== 1) throw new InvalidEventPatternError('anything-but filter object must have exactly one key', path);
  const key = keys[0]!;
  const inner = operand[key]!;
  switch (key) {
    case 'prefix': {
      const prefix = requireString(inner, path, 'anything-but prefix');
      return (value) => isString(value) && value.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = requireString(inner, path, 'anything-but suffix');
      return (value) => isString(value) && value.endsWith(suffix);
    }
    case 'equals-ignore-case': {
      const set = new Set(stringOrStrings(inner, path, key).map(lower));
      return (value) => isString(value) && set.has(lower(value));
    }
    case 'wildcard': {
      const tests = stringOrStrings(inner, path, key).map((w) => compileWildcard(w, path));
      return (value) => isString(value) && tests.some((t) => t(value));
    }
    default:
      throw new InvalidEventPatternError(`Unsupported anything-but filter ${key}`, path);
  }
}

function requireString(operand: JsonValue, path: string, name: string): string {
  if (typeof operand !== 'string') throw new InvalidEventPatternError(`${name} match pattern must be a string`, path);
  return operand;
}

function stringOrStrings(operand: JsonValue, path: string, name: string): string[] {
  if (typeof operand === 'string') return [operand];
  if (Array.isArray(operand) && operand.length > 0 && operand.every((v) => typeof v === 'string')) return operand as string[];
  throw new InvalidEventPatternError(`anything-but ${name} must be a string or a non-empty list of strings`, path);
}
