/** Opaque page tokens: the query's LastEvaluatedKey as base64url JSON. */
import type { Page } from '../../core/cases/repository.ts';

export function encodeToken(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey === undefined ? undefined : Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url');
}

export function decodeToken(token: string | undefined): Record<string, unknown> | undefined {
  if (token === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new InvalidPageToken();
}

export class InvalidPageToken extends Error {
  override readonly name = 'InvalidPageToken';
  readonly status = 400;
  constructor() {
    super('nextToken: not a token this API returned');
  }
}

export function page<T>(items: T[], lastKey: Record<string, unknown> | undefined): Page<T> {
  const nextToken = encodeToken(lastKey);
  return nextToken === undefined ? { items } : { items, nextToken };
}
