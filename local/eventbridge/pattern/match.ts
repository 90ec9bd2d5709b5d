import { isJsonObject, type FieldMatcher, type JsonPrimitive, type JsonValue, type ObjectMatcher } from './types.ts';

/**
 * Whether an event matches a compiled pattern. Like EventBridge, arrays in the event are
 * flattened: a field matches when any value found at its path matches any alternative.
 */
export function matchesPattern(pattern: ObjectMatcher, event: JsonValue): boolean {
  return matchObject(pattern, [event]);
}

function matchObject(matcher: ObjectMatcher, nodes: readonly JsonValue[]): boolean {
  const objects = nodes.filter(isJsonObject);
  for (const [key, field] of matcher.fields) {
    const values: JsonValue[] = [];
    for (const object of objects) if (Object.hasOwn(object, key)) flattenInto(object[key]!, values);
    if (!matchField(field, values)) return false;
  }
  return matcher.ors.every((branches) => branches.some((branch) => matchObject(branch, nodes)));
}

function matchField(field: FieldMatcher, values: readonly JsonValue[]): boolean {
  if (field.kind === 'object') return matchObject(field, values);
  const leaves = values.filter((v): v is JsonPrimitive => !isJsonObject(v));
  if (leaves.length === 0) return field.existsFalse;
  if (field.existsTrue) return true;
  return field.tests.some((test) => leaves.some((value) => test(value)));
}

function flattenInto(value: JsonValue, out: JsonValue[]): void {
  if (Array.isArray(value)) for (const v of value) flattenInto(v, out);
  else out.push(value);
}
