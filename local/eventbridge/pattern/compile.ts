import { compileLeaf } from './conditions.ts';
import { InvalidEventPatternError } from './errors.ts';
import { isJsonObject, type JsonValue, type ObjectMatcher } from './types.ts';

/** Parses and validates an event pattern (JSON text or value); throws InvalidEventPatternError. */
export function compilePattern(pattern: string | JsonValue): ObjectMatcher {
  let value: JsonValue;
  if (typeof pattern === 'string') {
    try {
      value = JSON.parse(pattern) as JsonValue;
    } catch {
      throw new InvalidEventPatternError('the pattern is not valid JSON', '');
    }
  } else {
    value = pattern;
  }
  if (!isJsonObject(value)) throw new InvalidEventPatternError('the pattern must be a JSON object', '');
  return compileObject(value, '');
}

function compileObject(object: { [key: string]: JsonValue }, path: string): ObjectMatcher {
  const keys = Object.keys(object);
  if (keys.length === 0) throw new InvalidEventPatternError('Empty objects are not allowed', path);
  const matcher: ObjectMatcher = { kind: 'object', fields: [], ors: [] };
  for (const key of keys) {
    const value = object[key]!;
    const here = path ? `${path}.${key}` : key;
    if (key === '$or') {
      matcher.ors.push(compileOr(value, here));
    } else if (Array.isArray(value)) {
      matcher.fields.push([key, compileLeaf(value, here)]);
    } else if (isJsonObject(value)) {
      matcher.fields.push([key, compileObject(value, here)]);
    } else {
      throw new InvalidEventPatternError('Match value must be an array or an object', here);
    }
  }
  return matcher;
}

function compileOr(value: JsonValue, path: string): ObjectMatcher[] {
  if (!Array.isArray(value) || value.length < 2) throw new InvalidEventPatternError('$or must be an array of at least two pattern objects', path);
  return value.map((branch, i) => {
    if (!isJsonObject(branch)) throw new InvalidEventPatternError('each $or branch must be a pattern object', `${path}[${i}]`);
    return compileObject(branch, `${path}[${i}]`);
  });
}
