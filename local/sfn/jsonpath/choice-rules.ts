import type { Json } from '../json.ts';
import type { ChoiceRule } from '../asl/types.ts';
import { parseTimestamp } from '../asl/timestamp.ts';
import { StatesRuntime } from '../errors/states-errors.ts';
import { PathNotFound, readPath, type PathScope } from './scope.ts';

type Compare = (a: Json, b: Json) => boolean;

/** RFC 3339 with an offset, read without the host's zone; a date JavaScript would roll over (Feb 30) is none. */
const isTimestamp = (v: Json): v is string => typeof v === 'string' && parseTimestamp(v) !== undefined;

function typed<T>(guard: (v: Json) => v is Json & T, cmp: (a: T, b: T) => boolean): Compare {
  return (a, b) => guard(a) && guard(b) && cmp(a as T, b as T);
}
const isStr = (v: Json): v is string => typeof v === 'string';
const isNum = (v: Json): v is number => typeof v === 'number';
const isBool = (v: Json): v is boolean => typeof v === 'boolean';
const ts = (v: string): number => parseTimestamp(v)!;

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

/** What a rule tests, found once per rule object: the definition never changes, rules run on every Choice. */
type Test =
  | { kind: 'present' }
  | { kind: 'type'; op: string; test: (v: Json) => boolean }
  | { kind: 'compare'; op: string; cmp: Compare }
  | { kind: 'comparePath'; path: string; cmp: Compare }
  | { kind: 'none' };

const TYPE_TEST_ENTRIES = Object.entries(TYPE_TESTS);
const COMPARISON_ENTRIES = Object.entries(COMPARISONS).map(([op, cmp]) => ({ op, byPath: `${op}Path`, cmp }));
const tests = new WeakMap<ChoiceRule, Test>();

function testOf(rule: ChoiceRule): Test {
  let test = tests.get(rule);
  if (!test) {
    test = findTest(rule);
    tests.set(rule, test);
  }
  return test;
}

/** The first operator the rule has, in the order AWS documents them (type tests before comparisons). */
function findTest(rule: ChoiceRule): Test {
  if ('IsPresent' in rule) return { kind: 'present' };
  for (const [op, test] of TYPE_TEST_ENTRIES) if (op in rule) return { kind: 'type', op, test };
  for (const { op, byPath, cmp } of COMPARISON_ENTRIES) {
    if (op in rule) return { kind: 'compare', op, cmp };
    const path = rule[byPath];
    if (typeof path === 'string') return { kind: 'comparePath', path, cmp };
  }
  return { kind: 'none' };
}

/** Evaluates a JSONPath Choice rule (with And/Or/Not) against the state's effective input. */
export function choiceRuleMatches(rule: ChoiceRule, scope: PathScope): boolean {
  if (rule.And) return rule.And.every((r) => choiceRuleMatches(r, scope));
  if (rule.Or) return rule.Or.some((r) => choiceRuleMatches(r, scope));
  if (rule.Not) return !choiceRuleMatches(rule.Not, scope);
  const path = rule.Variable;
  if (typeof path !== 'string') throw new StatesRuntime('A Choice rule has no Variable');
  const value = read(path, scope);
  const test = testOf(rule);
  if (test.kind === 'present') return (value !== undefined) === rule.IsPresent;
  if (test.kind === 'type') return value !== undefined && test.test(value) === rule[test.op];
  if (value === undefined) throw new StatesRuntime(`Invalid path '${path}': The choice state's condition path references an invalid value.`);
  if (test.kind === 'compare') return test.cmp(value, rule[test.op] as Json);
  if (test.kind === 'comparePath') {
    const other = read(test.path, scope);
    if (other === undefined) throw new StatesRuntime(`Invalid path '${test.path}': The choice state's condition path references an invalid value.`);
    return test.cmp(value, other);
  }
  throw new StatesRuntime(`A Choice rule on '${path}' has no comparison operator`);
}
