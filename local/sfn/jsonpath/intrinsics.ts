import { createHash, randomUUID } from 'node:crypto';
import { HASH_ALGORITHMS } from '../jsonata/aws-functions.ts';
import { isJsonObject, type Json } from '../json.ts';
import { StatesIntrinsicFailure } from '../errors/states-errors.ts';
import { parseIntrinsic, type IntrinsicArg } from './intrinsic-parser.ts';
import { readPath, type PathScope } from './scope.ts';

type Intrinsic = (args: Json[]) => Json;

const fail = (why: string): never => {
  throw new StatesIntrinsicFailure(why);
};

function str(v: Json | undefined, fn: string): string {
  return typeof v === 'string' ? v : fail(`${fn}: expected a string argument, got ${JSON.stringify(v)}`);
}
function num(v: Json | undefined, fn: string): number {
  return typeof v === 'number' ? v : fail(`${fn}: expected a number argument, got ${JSON.stringify(v)}`);
}
function int(v: Json | undefined, fn: string): number {
  const n = num(v, fn);
  return Number.isInteger(n) ? n : fail(`${fn}: expected an integer argument, got ${n}`);
}
function arr(v: Json | undefined, fn: string): Json[] {
  return Array.isArray(v) ? v : fail(`${fn}: expected an array argument, got ${JSON.stringify(v)}`);
}
function arity(args: Json[], n: number, fn: string): void {
  if (args.length !== n) fail(`${fn} takes ${n} argument(s), got ${args.length}`);
}
const same = (a: Json, b: Json): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Math.round gives -0 for -0.5: normalise so the sum prints as 0. */
const roundHalfUp = (n: number): number => Math.round(n) + 0;

/**
 * How States.Format prints an argument: strings as they are, objects and arrays the way AWS prints
 * them (Java's Map/List toString: `{Arg1=1, Arg2=[]}`, strings inside unquoted), the rest as JSON.
 */
export function formatArgument(v: Json): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(formatArgument).join(', ')}]`;
  if (isJsonObject(v)) return `{${Object.entries(v).map(([k, w]) => `${k}=${formatArgument(w)}`).join(', ')}}`;
  return JSON.stringify(v);
}

/** The intrinsic functions of the Amazon States Language, by name. */
const INTRINSICS: Record<string, Intrinsic> = {
  'States.Format': (args) => {
    const template = str(args[0], 'States.Format');
    let next = 1;
    const out = template.replace(/\{\}/g, () => {
      if (next >= args.length) fail('States.Format: more {} than arguments');
      return formatArgument(args[next++]!);
    });
    if (next !== args.length) fail('States.Format: more arguments than {}');
    return out;
  },
  'States.StringToJson': (args) => {
    arity(args, 1, 'States.StringToJson');
    const text = str(args[0], 'States.StringToJson');
    // An empty (or blank) string is no JSON document at all: AWS gives null.
    if (text.trim() === '') return null;
    try {
      return JSON.parse(text) as Json;
    } catch {
      return fail('States.StringToJson: the argument is not valid JSON');
    }
  },
  'States.JsonToString': (args) => {
    arity(args, 1, 'States.JsonToString');
    return JSON.stringify(args[0]);
  },
  'States.Array': (args) => [...args],
  'States.ArrayPartition': (args) => {
    arity(args, 2, 'States.ArrayPartition');
    const items = arr(args[0], 'States.ArrayPartition');
    const size = int(args[1], 'States.ArrayPartition');
    if (size <= 0) fail('States.ArrayPartition: the chunk size must be positive');
    const out: Json[] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
  },
  'States.ArrayContains': (args) => {
    arity(args, 2, 'States.ArrayContains');
    return arr(args[0], 'States.ArrayContains').some((v) => same(v, args[1]!));
  },
  'States.ArrayRange': (args) => {
    arity(args, 3, 'States.ArrayRange');
    const [a, b, s] = [int(args[0], 'States.ArrayRange'), int(args[1], 'States.ArrayRange'), int(args[2], 'States.ArrayRange')];
    if (s === 0) fail('States.ArrayRange: the step must not be 0');
    const out: number[] = [];
    for (let v = a; s > 0 ? v <= b : v >= b; v += s) {
      out.push(v);
      if (out.length > 1000) fail('States.ArrayRange: at most 1000 items');
    }
    return out;
  },
  'States.ArrayGetItem': (args) => {
    arity(args, 2, 'States.ArrayGetItem');
    const items = arr(args[0], 'States.ArrayGetItem');
    const i = int(args[1], 'States.ArrayGetItem');
    return i >= 0 && i < items.length ? items[i]! : fail(`States.ArrayGetItem: index ${i} is out of range`);
  },
  'States.ArrayLength': (args) => {
    arity(args, 1, 'States.ArrayLength');
    return arr(args[0], 'States.ArrayLength').length;
  },
  'States.ArrayUnique': (args) => {
    arity(args, 1, 'States.ArrayUnique');
    const out: Json[] = [];
    for (const v of arr(args[0], 'States.ArrayUnique')) if (!out.some((w) => same(v, w))) out.push(v);
    return out;
  },
  'States.Base64Encode': (args) => {
    arity(args, 1, 'States.Base64Encode');
    return Buffer.from(str(args[0], 'States.Base64Encode'), 'utf8').toString('base64');
  },
  'States.Base64Decode': (args) => {
    arity(args, 1, 'States.Base64Decode');
    return Buffer.from(str(args[0], 'States.Base64Decode'), 'base64').toString('utf8');
  },
  'States.Hash': (args) => {
    arity(args, 2, 'States.Hash');
    const algorithm = HASH_ALGORITHMS[str(args[1], 'States.Hash')] ?? fail(`States.Hash: unsupported algorithm ${String(args[1])}`);
    const data = typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
    return createHash(algorithm).update(data).digest('hex');
  },
  'States.JsonMerge': (args) => {
    arity(args, 3, 'States.JsonMerge');
    const [a, b, deep] = args;
    if (!isJsonObject(a) || !isJsonObject(b)) return fail('States.JsonMerge: both arguments must be objects');
    if (deep !== false) fail('States.JsonMerge: only a shallow merge (false) is supported');
    return { ...a, ...b };
  },
  'States.MathRandom': (args) => {
    if (args.length < 2 || args.length > 3) fail('States.MathRandom takes 2 or 3 arguments');
    const lo = int(args[0], 'States.MathRandom');
    const hi = int(args[1], 'States.MathRandom');
    return lo + Math.floor(Math.random() * (hi - lo));
  },
  'States.MathAdd': (args) => {
    arity(args, 2, 'States.MathAdd');
    // AWS rounds each argument to the nearest integer, halves towards +∞ (1.5 → 2, -1.5 → -1), then adds.
    return roundHalfUp(num(args[0], 'States.MathAdd')) + roundHalfUp(num(args[1], 'States.MathAdd'));
  },
  'States.StringSplit': (args) => {
    arity(args, 2, 'States.StringSplit');
    const s = str(args[0], 'States.StringSplit');
    const seps = [...str(args[1], 'States.StringSplit')];
    return s.split(new RegExp(`[${seps.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`)).filter((p) => p !== '');
  },
  'States.UUID': (args) => {
    arity(args, 0, 'States.UUID');
    return randomUUID();
  },
};

export function isKnownIntrinsic(name: string): boolean {
  return Object.hasOwn(INTRINSICS, name);
}

/** Evaluates `States.Fn(...)` against the scope its paths read from. */
export function evaluateIntrinsic(expr: string, scope: PathScope): Json {
  return evalArg(parseIntrinsic(expr), scope);
}

function evalArg(arg: IntrinsicArg, scope: PathScope): Json {
  switch (arg.kind) {
    case 'literal':
      return arg.value;
    case 'path':
      return readPath(arg.path, scope);
    case 'call': {
      const fn = INTRINSICS[arg.name] ?? fail(`Unknown intrinsic function ${arg.name}`);
      return fn(arg.args.map((a) => evalArg(a, scope)));
    }
  }
}
