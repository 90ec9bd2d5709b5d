import type { Json } from '../json.ts';
import type { ChoiceRule } from '../asl/types.ts';
import { StatesRuntime } from '../errors/states-errors.ts';
import { PathNotFound, readPath, type PathScope } from './scope.ts';

type Compare = (a: Json, b: Json) => boolean;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isTimestamp = (v: Json): v is string => typeof v === 'string' && TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v));

function typed<T>(guard: (v: Json) => v is Json & T, cmp: (a: T, b: T) => boolean): Compare {
  return (a, b) => guard(a) && guard(b) && cmp(a as T, b as T);
}
const isStr = (v: Json): v is string => typeof v === 'string';
const isNum = (v: Json): v is number => typeof v === 'number';
const isBool = (v: Json): v is boolean => typeof v === 'boolean';
const ts = (v: string): number => Date.parse(v);

/** Comparison operators by name; each also has a `…Path` form comparing against another path. */
const COMPARISONS: Record<string, Compare> = {
  StringEquals: typed(isStr, (a, b) => a === b),
  StringLessThan: typed(isStr, (a, b) => a < b),
  StringGreaterThan: typed(isStr, (a, b) => a > b),
  StringLessThanEquals: typed(isStr, (a, b) => a <= b),
  StringGreaterThanEquals: typed(isStr, (a, b) => a >= b),
  StringMatches: typed(isStr, (a, pattern) => wildcard(pattern).test(a)),
  NumericEquals: typed(isNum, (a, b) => a === b),
  NumericLessThan: typed(isNum, (a, b) => a < b),
  NumericGreaterThan: typed(isNum, (a, b) => a > b),
  NumericLessThanEquals: typed(isNum, (a, b) => a <= b),
  NumericGreaterThanEquals: typed(isNum, (a, b) => a >= b),
  BooleanEquals: typed(isBool, (a, b) => a === b),
  TimestampEquals: typed(isTimestamp, (a, b) => ts(a) === ts(b)),
  TimestampLessThan: typed(isTimestamp, (a, b) => ts(a) < ts(b)),
  TimestampGreaterThan: typed(isTimestamp, (a, b) => ts(a) > ts(b)),
  TimestampLessThanEquals: typed(isTimestamp, (a, b) => ts(a) <= ts(b)),
  TimestampGreaterThanEquals: typed(isTimestamp, (a, b) => ts(a) >= ts(b)),
};

/** Type tests: `{"Variable": "$.x", "IsNull": true}`. */
const TYPE_TESTS: Record<string, (v: Json) => boolean> = {
  IsNull: (v) => v === null,
  IsNumeric: isNum,
  IsString: isStr,
  IsBoolean: isBool,
  IsTimestamp: isTimestamp,
};

export const CHOICE_OPERATORS = [...Object.keys(COMPARISONS), ...Object.keys(COMPARISONS).map((k) => `${k}Path`), ...Object.keys(TYPE_TESTS), 'IsPresent'];

function wildcard(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
    else if (c === '*') re += '.*';
    else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, 's');
}
const escapeRe = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function read(path: string, scope: PathScope): Json | undefined {
  try {
    return readPath(path, scope);
  } catch (err) {
    if (err instanceof PathNotFound) return undefined;
    throw err;
  }
}

/** Evaluates a JSONPath Choice rule (with And/Or/Not) against the state's effective input. */
export function choiceRuleMatches(rule: ChoiceRule, scope: PathScope): boolean {
  if (rule.And) return rule.And.every((r) => choiceRuleMatches(r, scope));
  if (rule.Or) return rule.Or.some((r) => choiceRuleMatches(r, scope));
  if (rule.Not) return !choiceRuleMatches(rule.Not, scope);
  const path = rule.Variable;
  if (typeof path !== 'string') throw new StatesRuntime('A Choice rule has no Variable');
  const value = read(path, scope);
  if ('IsPresent' in rule) return (value !== undefined) === rule.IsPresent;
  for (const [op, test] of Object.entries(TYPE_TESTS)) {
    if (op in rule) return value !== undefined && test(value) === rule[op];
  }
  if (value === undefined) throw new StatesRuntime(`Invalid path '${path}': The choice state's condition path references an invalid value.`);
  for (const [op, cmp] of Object.entries(COMPARISONS)) {
    if (op in rule) return cmp(value, rule[op] as Json);
    const byPath = rule[`${op}Path`];
    if (typeof byPath === 'string') {
      const other = read(byPath, scope);
      if (other === undefined) throw new StatesRuntime(`Invalid path '${byPath}': The choice state's condition path references an invalid value.`);
      return cmp(value, other);
    }
  }
  throw new StatesRuntime(`A Choice rule on '${path}' has no comparison operator`);
}
