import { fieldReaders } from '../../edge/request-fields.ts';
import { ValidationException } from '../errors.ts';
import type { Body } from './context.ts';

export const { requiredString, optionalString } = fieldReaders((message) => new ValidationException(message));

export function optionalNumber(body: Body, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new ValidationException(`Value at '${field}' must be a positive integer`);
  return value;
}

/** Names of buses and rules: 1–64 characters of `[.\-_A-Za-z0-9]` (bus names may also contain `/`). */
export function validName(name: string, field: string, allowSlash = false): string {
  const re = allowSlash ? /^[/.\-_A-Za-z0-9]{1,256}$/ : /^[.\-_A-Za-z0-9]{1,64}$/;
  if (!re.test(name)) throw new ValidationException(`1 validation error detected: Value '${name}' at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${re.source}`);
  return name;
}

/** Opaque list paging: the token is the index of the next item. */
export function page<T>(items: readonly T[], body: Body): { items: T[]; nextToken?: string } {
  const limit = optionalNumber(body, 'Limit') ?? 100;
  const token = optionalString(body, 'NextToken');
  const start = token ? Number.parseInt(Buffer.from(token, 'base64url').toString('utf8'), 10) : 0;
  if (!Number.isInteger(start) || start < 0) throw new ValidationException('The NextToken is not valid');
  const slice = items.slice(start, start + limit);
  return start + limit < items.length ? { items: slice, nextToken: Buffer.from(String(start + limit)).toString('base64url') } : { items: slice };
}
