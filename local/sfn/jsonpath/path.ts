import { isJsonObject, type Json, type JsonObject } from '../json.ts';

/** One step of a JSONPath: a member, an index, a wildcard, a slice, a union, a filter or a deep scan. */
type Segment =
  | { kind: 'member'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'slice'; start?: number; end?: number; step?: number }
  | { kind: 'union'; keys: (string | number)[] }
  | { kind: 'filter'; field: string[]; op?: string; value?: Json }
  | { kind: 'deep'; name: string | '*' };

export interface ParsedPath {
  /** `$` the input, `$$` the context object, otherwise a workflow variable's name. */
  root: string;
  segments: Segment[];
  /** True when the path names one location (no wildcard, slice, union, filter or deep scan). */
  definite: boolean;
}

export class JsonPathSyntaxError extends Error {
  constructor(path: string, why: string) {
    super(`Invalid JSONPath '${path}': ${why}`);
    this.name = 'JsonPathSyntaxError';
  }
}

const cache = new Map<string, ParsedPath>();

export function parsePath(path: string): ParsedPath {
  let parsed = cache.get(path);
  if (!parsed) {
    parsed = parse(path);
    cache.set(path, parsed);
  }
  return parsed;
}

function parse(path: string): ParsedPath {
  const rootMatch = /^\$(\$|[A-Za-z_][A-Za-z0-9_]*)?/.exec(path);
  if (!rootMatch) throw new JsonPathSyntaxError(path, "it must start with '$'");
  const root = rootMatch[1] === '$' ? '$$' : rootMatch[1] ?? '$';
  const segments: Segment[] = [];
  let i = rootMatch[0].length;
  const fail = (why: string): never => {
    throw new JsonPathSyntaxError(path, why);
  };
  while (i < path.length) {
    if (path.startsWith('..', i)) {
      i += 2;
      const m = /^(\*|[^.[\]]+)/.exec(path.slice(i));
      if (!m) fail('expected a name after ..');
      segments.push({ kind: 'deep', name: m![1]! });
      i += m![0].length;
    } else if (path[i] === '.') {
      i += 1;
      const m = /^(\*|[^.[\]]+)/.exec(path.slice(i));
      if (!m) fail(`expected a name at position ${i}`);
      segments.push(m![1] === '*' ? { kind: 'wildcard' } : { kind: 'member', name: m![1]! });
      i += m![0].length;
    } else if (path[i] === '[') {
      const close = findClose(path, i);
      if (close < 0) fail("unclosed '['");
      segments.push(parseBracket(path.slice(i + 1, close).trim(), fail));
      i = close + 1;
    } else {
      fail(`unexpected '${path[i]}' at position ${i}`);
    }
  }
  const definite = segments.every((s) => s.kind === 'member' || s.kind === 'index');
  return { root, segments, definite };
}

function findClose(path: string, open: number): number {
  let quote: string | undefined;
  for (let i = open + 1; i < path.length; i++) {
    const c = path[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ']') return i;
  }
  return -1;
}

function parseBracket(body: string, fail: (why: string) => never): Segment {
  if (body === '*') return { kind: 'wildcard' };
  if (body.startsWith('?(') && body.endsWith(')')) return parseFilter(body.slice(2, -1).trim(), fail);
  if (/^-?\d*:-?\d*(:-?\d+)?$/.test(body)) {
    const [start, end, step] = body.split(':').map((p) => (p === '' ? undefined : Number(p)));
    return { kind: 'slice', start, end, step };
  }
  const keys = splitUnion(body).map((part) => parseKey(part, fail));
  if (keys.length === 1) {
    const key = keys[0]!;
    return typeof key === 'number' ? { kind: 'index', index: key } : { kind: 'member', name: key };
  }
  return { kind: 'union', keys };
}

function splitUnion(body: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ',') {
      parts.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(body.slice(start).trim());
  return parts;
}

function parseKey(part: string, fail: (why: string) => never): string | number {
  if (/^-?\d+$/.test(part)) return Number(part);
  const m = /^(['"])(.*)\1$/s.exec(part);
  if (!m) return fail(`bad subscript [${part}]`);
  // Only the quote itself and the backslash are escapes (`$['Test\"Name']` names the key `Test\"Name`), as AWS reads them.
  const quote = m[1]!;
  return m[2]!.replace(/\\([\s\S])/g, (all, c: string) => (c === quote || c === '\\' ? c : all));
}

function parseFilter(expr: string, fail: (why: string) => never): Segment {
  const m = /^@((?:\.[A-Za-z0-9_]+)*)\s*(?:(==|!=|<=|>=|<|>)\s*(.+))?$/.exec(expr);
  if (!m) return fail(`unsupported filter ?(${expr})`);
  const field = m[1]!.split('.').filter(Boolean);
  if (!m[2]) return { kind: 'filter', field };
  const raw = m[3]!.trim();
  let value: Json;
  try {
    value = JSON.parse(raw.startsWith("'") ? `"${raw.slice(1, -1).replace(/"/g, '\\"')}"` : raw) as Json;
  } catch {
    return fail(`bad filter value ${raw}`);
  }
  return { kind: 'filter', field, op: m[2], value };
}

/** Jayway's normalized form of a definite path, as AWS quotes it: `$['a']['b'][0]`. */
export function normalizedPath(segments: readonly Segment[]): string {
  return `$${segments.map((s) => (s.kind === 'index' ? `[${s.index}]` : s.kind === 'member' ? `['${s.name}']` : '')).join('')}`;
}

/**
 * Why a definite path found nothing, in AWS's (Jayway JsonPath's) words: the last step missing is
 * "No results for path: $['a']['b']", an earlier one "Missing property in path $['a']".
 */
export function whyNotFound(start: Json, path: ParsedPath): string {
  let node: Json = start;
  for (let i = 0; i < path.segments.length; i++) {
    const found = selectAll(node, [path.segments[i]!]);
    if (found.length === 0) {
      return i === path.segments.length - 1 ? `No results for path: ${normalizedPath(path.segments)}` : `Missing property in path ${normalizedPath(path.segments.slice(0, i + 1))}`;
    }
    node = found[0]!;
  }
  return `No results for path: ${normalizedPath(path.segments)}`;
}

/** Every value the path selects below `start`, in document order. */
export function selectAll(start: Json, segments: readonly Segment[]): Json[] {
  let current: Json[] = [start];
  for (const seg of segments) {
    const next: Json[] = [];
    for (const node of current) step(node, seg, next);
    current = next;
  }
  return current;
}

function step(node: Json, seg: Segment, out: Json[]): void {
  switch (seg.kind) {
    case 'member':
      if (isJsonObject(node) && Object.hasOwn(node, seg.name)) out.push(node[seg.name]!);
      return;
    case 'index': {
      if (!Array.isArray(node)) return;
      const i = seg.index < 0 ? node.length + seg.index : seg.index;
      if (i >= 0 && i < node.length) out.push(node[i]!);
      return;
    }
    case 'wildcard':
      if (Array.isArray(node)) out.push(...node);
      else if (isJsonObject(node)) out.push(...Object.values(node));
      return;
    case 'slice': {
      if (!Array.isArray(node)) return;
      const stepBy = seg.step ?? 1;
      const norm = (v: number | undefined, dflt: number): number =>
        v === undefined ? dflt : v < 0 ? Math.max(0, node.length + v) : Math.min(v, node.length);
      for (let i = norm(seg.start, 0); i < norm(seg.end, node.length); i += stepBy) out.push(node[i]!);
      return;
    }
    case 'union':
      for (const key of seg.keys) step(node, typeof key === 'number' ? { kind: 'index', index: key } : { kind: 'member', name: key }, out);
      return;
    case 'filter': {
      const items = Array.isArray(node) ? node : isJsonObject(node) ? Object.values(node) : [];
      for (const item of items) if (filterMatches(item, seg)) out.push(item);
      return;
    }
    case 'deep':
      deepScan(node, seg.name, out);
      return;
  }
}

function filterMatches(item: Json, seg: Extract<Segment, { kind: 'filter' }>): boolean {
  const found = selectAll(item, seg.field.map((name) => ({ kind: 'member', name })));
  if (found.length === 0) return false;
  if (!seg.op) return true;
  const v = found[0]!;
  const w = seg.value!;
  switch (seg.op) {
    case '==':
      return JSON.stringify(v) === JSON.stringify(w);
    case '!=':
      return JSON.stringify(v) !== JSON.stringify(w);
    default: {
      if (typeof v !== typeof w || (typeof v !== 'number' && typeof v !== 'string')) return false;
      const a = v as number | string;
      const b = w as number | string;
      return seg.op === '<' ? a < b : seg.op === '<=' ? a <= b : seg.op === '>' ? a > b : a >= b;
    }
  }
}

function deepScan(node: Json, name: string, out: Json[]): void {
  if (Array.isArray(node)) {
    for (const child of node) deepScan(child, name, out);
  } else if (isJsonObject(node)) {
    for (const [key, child] of Object.entries(node)) {
      if (name === '*' || key === name) out.push(child);
      deepScan(child, name, out);
    }
  }
}

/**
 * Returns a copy of `target` with `value` placed at the definite `path` (ResultPath semantics).
 * Only the objects and arrays along the path are copied; the rest is shared with `target`, which is
 * safe because the engine never mutates a value once a state produced it.
 */
export function setAtPath(target: Json, path: ParsedPath, value: Json): Json {
  return setIn(target, path.segments, 0, value);
}

function setIn(node: Json, segments: readonly Segment[], i: number, value: Json): Json {
  if (i === segments.length) return value;
  const seg = segments[i]!;
  if (seg.kind === 'member') {
    if (!isJsonObject(node)) throw new TypeError(`cannot set '${seg.name}' on a non-object`);
    const copy: JsonObject = { ...node };
    let child = copy[seg.name];
    // A missing (or scalar) intermediate becomes an empty object.
    if (i < segments.length - 1 && !isJsonObject(child) && !Array.isArray(child)) child = {};
    copy[seg.name] = setIn(child ?? null, segments, i + 1, value);
    return copy;
  }
  if (seg.kind === 'index') {
    if (!Array.isArray(node) || seg.index >= node.length) throw new TypeError(`index ${seg.index} is out of range`);
    const copy = [...node];
    copy[seg.index] = setIn(copy[seg.index]!, segments, i + 1, value);
    return copy;
  }
  throw new TypeError('a ResultPath must be a reference path');
}
