/**
 * Hostile JSON values and the mutations that plant them in valid bodies: wrong types, huge and
 * deep values, unicode (lone surrogates included), prototype keys, boundary numbers and dates.
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const nested = (depth: number, leaf: Json = 1): Json => {
  let value: Json = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

export const boundaryNumbers = [0, -0, -1, 1, 0.5, 1e-7, 2 ** 31, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e21, 1e308, 1e-130, 1e-200, Number.MAX_VALUE, Number.MIN_VALUE];
export const boundaryDates = [
  '2026-02-30T10:00:00+08:00',
  '2024-02-29T23:59:59+08:00',
  '2016-12-31T23:59:60Z',
  '2025-03-01T24:00:00+08:00',
  '2025-03-01T10:00:00',
  '2025-03-01',
  '0000-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999+14:00',
  '2025-13-01T00:00:00Z',
  '2025-03-01T10:00:00+25:00',
  '+275760-09-13T00:00:00Z',
];
export const reservedKeys = ['__proto__', 'constructor', 'prototype'];

export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, '', ' ', '\u0000', [], {}, 'alipay', 'order.placed', ...boundaryNumbers, ...boundaryDates),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 100, max: 6_000 }).map((n) => '长'.repeat(n)),
  fc.integer({ min: 2, max: 40 }).map((depth) => nested(depth)),
  fc.constantFrom(...reservedKeys).map((key): Json => JSON.parse(`{"${key}":{"polluted":true}}`) as Json),
  fc.integer({ min: 100, max: 700 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.integer({ min: 150, max: 300 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...reservedKeys, '', 'extra', 'id', 'data', 'type'),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer({ min: 129, max: 400 }).map((n) => 'k'.repeat(n)),
);

/** One change to a valid body: none, a value replaced, a field deleted, or a key added. */
export type Mutation = { kind: 'none' } | { kind: 'set'; at: number; value: Json } | { kind: 'delete'; at: number } | { kind: 'add'; at: number; key: string; value: Json };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: hostileKey, value: hostileValue }) },
);

type Path = (string | number)[];

/** Every path inside `value` (not the root itself). */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  const children: [string | number, Json][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  for (const [key, child] of children) {
    out.push([...prefix, key]);
    pathsOf(child, [...prefix, key], out);
  }
  return out;
}

/** `body` with `change` applied at the path its index picks (modulo the number of paths). */
export function mutate(body: Json, change: Mutation): Json {
  if (change.kind === 'none') return body;
  const copy = JSON.parse(JSON.stringify(body)) as Json;
  const paths = pathsOf(copy);
  const containers = [[] as Path, ...paths.filter((p) => isObject(at(copy, p)))];
  if (change.kind === 'add') {
    const target = at(copy, containers[change.at % containers.length] ?? []) as Record<string, Json>;
    Object.defineProperty(target, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  const path = paths[change.at % Math.max(paths.length, 1)];
  if (path === undefined) return copy;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = change.value;
  return copy;
}

function at(value: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k] as Json, value);
}

function isObject(value: Json): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Changes to the serialised body itself. */
export type RawMutation = 'none' | 'truncate' | 'garbage' | 'deep-5000' | 'oversize' | 'empty' | 'not-utf8';
export const rawMutation: fc.Arbitrary<RawMutation> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<RawMutation>('none') },
  { weight: 1, arbitrary: fc.constantFrom<RawMutation>('truncate', 'garbage', 'deep-5000', 'oversize', 'empty', 'not-utf8') },
);

export function applyRaw(text: string, change: RawMutation): Buffer {
  switch (change) {
    case 'none':
      return Buffer.from(text, 'utf8');
    case 'truncate':
      return Buffer.from(text.slice(0, Math.floor(text.length / 2)), 'utf8');
    case 'garbage':
      return Buffer.from(`${text}}{"`, 'utf8');
    case 'deep-5000':
      return Buffer.from(text.replace(/^\{/, `{"deep":${'['.repeat(5_000)}${']'.repeat(5_000)},`), 'utf8');
    case 'oversize':
      return Buffer.from(text.replace(/^\{/, `{"pad":"${'x'.repeat(70 * 1024)}",`), 'utf8');
    case 'empty':
      return Buffer.alloc(0);
    case 'not-utf8':
      return Buffer.concat([Buffer.from(text.slice(0, -2), 'utf8'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(text.slice(-2), 'utf8')]);
  }
}
