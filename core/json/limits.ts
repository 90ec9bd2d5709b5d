/**
 * Limits on the shape of client JSON, checked before anything is written, so that no request can
 * reach DynamoDB's limits (400 KB item, 32 nesting levels, 2 KB partition and 1 KB sort keys,
 * numbers of at most 38 digits within 1E-130..1E+126) nor the SDK marshaller's (no NaN or
 * ±Infinity, integers within ±2^53, no `constructor` key taken for a class instance). The walk is
 * iterative, so a value nested thousands of levels deep cannot overflow the stack.
 */

export interface JsonLimits {
  /** Most nesting levels of objects and arrays (the body itself is level 1). DynamoDB allows 32. */
  maxDepth: number;
  /** Most characters (UTF-16 code units) of one string value. */
  maxStringLength: number;
  /** Most characters of one object key. */
  maxKeyLength: number;
  /** Most items of one array. */
  maxArrayItems: number;
  /** Most keys of one object. */
  maxObjectKeys: number;
}

export interface LimitIssue {
  /** Path of the offending value, e.g. `data.items[0].name`. */
  field: string;
  message: string;
}

/**
 * Keys refused anywhere in client data: the SDK's marshaller reads an object with a `constructor`
 * key as a class instance and fails, and `__proto__`/`prototype` invite prototype pollution in
 * whoever merges the data later. Refused (400 naming the field) rather than dropped, so the
 * storefront learns that its payload was not stored as sent.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The SDK marshals only integers within ±(2^53 − 1) exactly; it throws beyond that. */
const MAX_NUMBER = Number.MAX_SAFE_INTEGER;
/** DynamoDB's smallest positive number. */
const MIN_MAGNITUDE = 1e-130;

/** `path` + `key` in the API's field notation: `a.b`, `a[0]`; the root is `root` (`body`, or `''` for bare keys). */
export function fieldOf(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * The breaches of `limits` in `value` (parsed JSON), in document order, at most `max` of them.
 * `root` is the name of the value itself: `body`, or `''` when paths start at its keys.
 */
export function jsonLimitIssues(value: unknown, limits: JsonLimits, root: string, max = 5): LimitIssue[] {
  const issues: LimitIssue[] = [];
  const pending: Pending[] = [{ value, path: root, depth: 1 }];
  while (pending.length > 0 && issues.length < max) {
    const { value: current, path, depth, keyIssue } = pending.pop() as Pending;
    const name = path === '' ? 'body' : path;
    if (keyIssue !== undefined) {
      issues.push({ field: name, message: keyIssue });
      continue;
    }
    const issue = scalarIssue(current, limits);
    if (issue !== undefined) {
      issues.push({ field: name, message: issue });
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth > limits.maxDepth) {
      issues.push({ field: name, message: `nests deeper than ${limits.maxDepth} levels` });
      continue;
    }
    const children: Pending[] = [];
    if (Array.isArray(current)) {
      if (current.length > limits.maxArrayItems) {
        issues.push({ field: name, message: `has ${current.length} items, more than the ${limits.maxArrayItems} allowed` });
        continue;
      }
      current.forEach((item, i) => children.push({ value: item, path: fieldOf(path, i), depth: depth + 1 }));
    } else {
      const keys = Object.keys(current);
      if (keys.length > limits.maxObjectKeys) {
        issues.push({ field: name, message: `has ${keys.length} keys, more than the ${limits.maxObjectKeys} allowed` });
        continue;
      }
      for (const key of keys) {
        const keyIssue = keyIssueOf(key, limits);
        if (keyIssue !== undefined) children.push({ value: undefined, path: fieldOf(path, keyIssue.shown), depth: depth + 1, keyIssue: keyIssue.message });
        else children.push({ value: (current as Record<string, unknown>)[key], path: fieldOf(path, key), depth: depth + 1 });
      }
    }
    // Reversed onto the stack, so issues come out in document order.
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as Pending);
  }
  return issues.slice(0, max);
}

/** A value still to visit; `keyIssue` when its key itself is refused. */
interface Pending {
  value: unknown;
  path: string;
  depth: number;
  keyIssue?: string;
}

function scalarIssue(value: unknown, limits: JsonLimits): string | undefined {
  if (typeof value === 'string') {
    if (value.length > limits.maxStringLength) return `is ${value.length} characters long, more than the ${limits.maxStringLength} allowed`;
    if (!isWellFormed(value)) return 'is not valid Unicode (it holds a lone surrogate)';
  }
  if (typeof value === 'number') {
    const magnitude = Math.abs(value);
    if (!Number.isFinite(value) || magnitude > MAX_NUMBER || (magnitude !== 0 && magnitude < MIN_MAGNITUDE)) {
      return `must be a number between -${MAX_NUMBER} and ${MAX_NUMBER} (and 0 or at least 1e-130 in size)`;
    }
  }
  return undefined;
}

function keyIssueOf(key: string, limits: JsonLimits): { shown: string; message: string } | undefined {
  if (key === '') return { shown: '""', message: 'an empty key is not allowed' };
  if (RESERVED_KEYS.has(key)) return { shown: key, message: `is a reserved key (${[...RESERVED_KEYS].join(', ')} are refused)` };
  if (key.length > limits.maxKeyLength) return { shown: `${key.slice(0, 32)}…`, message: `a key of ${key.length} characters is longer than the ${limits.maxKeyLength} allowed` };
  if (!isWellFormed(key)) return { shown: '(key)', message: 'a key is not valid Unicode (it holds a lone surrogate)' };
  return undefined;
}

/** No lone UTF-16 surrogate: such a string has no UTF-8 form, so DynamoDB cannot store it. */
function isWellFormed(text: string): boolean {
  return !/\p{Surrogate}/u.test(text);
}
