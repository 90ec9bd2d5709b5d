import { createHash, randomUUID } from 'node:crypto';
import type { Json } from '../json.ts';

/**
 * The functions Step Functions adds to JSONata
 * (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html#jsonata-functions-provided-by-sfn).
 * Arguments are checked as AWS checks them; a mistake throws, and the caller reports it as
 * States.QueryEvaluationError.
 */
export const AWS_FUNCTIONS = {
  /** `$partition(array, size)`: chunks of `size` (the last may be shorter). */
  partition: (items: Json[], size: number): Json[] => {
    if (!Array.isArray(items)) throw new TypeError('$partition: the first argument must be an array');
    if (!Number.isInteger(size) || size <= 0) throw new TypeError('$partition: the chunk size must be a positive integer');
    const out: Json[] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
  },
  /**
   * `$range(start, end, step)`: from start, by step, up to and including end when a step lands on
   * it. The result is a JSONata sequence, so a single number is that number, not an array.
   */
  range: (start: number, end: number, step: number): Json => {
    if (![start, end, step].every(Number.isInteger) || step === 0) throw new TypeError('$range: start, end and step must be integers and step not 0');
    const out: number[] = [];
    for (let v = start; step > 0 ? v <= end : v >= end; v += step) out.push(v);
    return out.length === 1 ? out[0]! : out;
  },
  /** `$hash(data, algorithm)`: hex digest; algorithms as States.Hash (MD5, SHA-1, SHA-256, SHA-384, SHA-512). */
  hash: (data: Json, algorithm: string): string => {
    const name = HASH_ALGORITHMS[algorithm];
    if (!name) throw new TypeError(`$hash: unsupported algorithm ${String(algorithm)}`);
    return createHash(name).update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex');
  },
  /** `$random([seed])`: a float in [0, 1). */
  random: (): number => Math.random(),
  uuid: (): string => randomUUID(),
  /** `$parse(text)`: JSON text to a value. */
  parse: (text: string): Json => JSON.parse(text) as Json,
};

export const HASH_ALGORITHMS: Readonly<Record<string, string>> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
