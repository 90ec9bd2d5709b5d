import { InvalidEventPatternError } from './errors.ts';

const LOWER = new Set(['>', '>=']);
const UPPER = new Set(['<', '<=']);

/**
 * `numeric` filter: `["=", n]`, one bound (`[">", 0]`), or a lower then an upper bound
 * (`[">", 0, "<=", 5]`). Numbers in events are compared as numbers.
 */
export function compileNumeric(spec: unknown, path: string): (value: number) => boolean {
  if (!Array.isArray(spec) || (spec.length !== 2 && spec.length !== 4)) throw new InvalidEventPatternError('numeric expects [op, number] or [lower-op, number, upper-op, number]', path);
  const pairs: [string, number][] = [];
  for (let i = 0; i < spec.length; i += 2) {
    const op: unknown = spec[i];
    const n: unknown = spec[i + 1];
    if (typeof op !== 'string' || !['=', '<', '<=', '>', '>='].includes(op)) throw new InvalidEventPatternError(`numeric: unrecognized operator ${JSON.stringify(op)}`, path);
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new InvalidEventPatternError(`numeric: ${JSON.stringify(n)} is not a number`, path);
    pairs.push([op, n]);
  }
  if (pairs.length === 2) {
    const [[op1, n1], [op2, n2]] = pairs as [[string, number], [string, number]];
    if (!LOWER.has(op1) || !UPPER.has(op2)) throw new InvalidEventPatternError('numeric range must be a lower bound (">" or ">=") followed by an upper bound ("<" or "<=")', path);
    if (n1 > n2) throw new InvalidEventPatternError('numeric range: the lower bound exceeds the upper bound', path);
  }
  const tests = pairs.map(([op, n]) => comparator(op, n));
  return (value) => tests.every((t) => t(value));
}

function comparator(op: string, n: number): (value: number) => boolean {
  switch (op) {
    case '=':
      return (v) => v === n;
    case '<':
      return (v) => v < n;
    case '<=':
      return (v) => v <= n;
    case '>':
      return (v) => v > n;
    default:
      return (v) => v >= n;
  }
}
