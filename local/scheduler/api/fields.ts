import { fieldReaders } from '../../edge/request-fields.ts';
import { ValidationException } from '../errors.ts';

type Body = Record<string, unknown>;

export const { requiredString, optionalString } = fieldReaders((message) => new ValidationException(message));

/** A timestamp field (epoch seconds on the wire) in epoch ms. */
export function optionalDate(body: Body, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationException(`Value at '${field}' must be a timestamp`);
  return Math.round(value * 1000);
}

/** Schedule and group names: 1–64 characters of `[0-9a-zA-Z-_.]`. */
export function validName(name: string | undefined, field: string): string {
  if (name === undefined || !/^[0-9a-zA-Z\-_.]{1,64}$/.test(name)) throw new ValidationException(`1 validation error detected: Value '${String(name)}' at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$`);
  return name;
}

export function maxResults(query: URLSearchParams): number {
  const text = query.get('MaxResults');
  if (text === null) return 100;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new ValidationException('MaxResults must be between 1 and 100');
  return n;
}

export const encodeToken = (parts: string[]): string => Buffer.from(JSON.stringify(parts)).toString('base64url');

export function decodeToken(token: string | null): string[] | undefined {
  if (token === null || token === '') return undefined;
  try {
    const parts = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.every((p) => typeof p === 'string')) return parts as string[];
  } catch {
    // falls through
  }
  throw new ValidationException('The NextToken is not valid');
}
