/** JSON values as event patterns and events carry them. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One leaf condition of a compiled pattern: a test on one value found at the field's path. */
export type ValueTest = (value: JsonPrimitive) => boolean;

/** A leaf: its value tests (OR) and its `exists` conditions, which look at presence rather than value. */
export interface LeafMatcher {
  kind: 'leaf';
  tests: ValueTest[];
  /** `exists: true` present among the alternatives. */
  existsTrue: boolean;
  /** `exists: false` present among the alternatives. */
  existsFalse: boolean;
}

/** An object: every field must match (AND), and at least one branch of each `$or`. */
export interface ObjectMatcher {
  kind: 'object';
  fields: [string, FieldMatcher][];
  ors: ObjectMatcher[][];
}

export type FieldMatcher = LeafMatcher | ObjectMatcher;

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
