/** Turns a webhook body into a typed event, or an error whose message names the offending field. */
import type { z } from 'zod';
import { jsonLimitIssues } from '../json/limits.ts';
import { InvalidStorefrontEvent, MalformedBody, type FieldIssue } from './errors.ts';
import { storefrontEvent, type StorefrontEvent } from './events.ts';
import { STOREFRONT_LIMITS } from './limits.ts';

/**
 * Parses the raw body (as signed) and validates it: first its shape against STOREFRONT_LIMITS
 * (depth, lengths, counts, reserved keys), then the event's schema. Throws `MalformedBody` or
 * `InvalidStorefrontEvent`. (JSON.parse itself is iterative in V8: deep nesting cannot overflow it.)
 */
export function parseStorefrontBody(rawBody: string): StorefrontEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new MalformedBody();
  }
  const breaches = jsonLimitIssues(json, STOREFRONT_LIMITS, '');
  if (breaches.length > 0) throw new InvalidStorefrontEvent(breaches);
  return parseStorefrontEvent(json);
}

export function parseStorefrontEvent(input: unknown): StorefrontEvent {
  const result = storefrontEvent.safeParse(input, { error: requiredFieldMessage });
  if (result.success) return result.data;
  throw new InvalidStorefrontEvent(result.error.issues.map(toFieldIssue));
}

/** "is required" reads better than zod's "expected string, received undefined" for a missing field. */
function requiredFieldMessage(issue: z.core.$ZodRawIssue): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;
}

function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  return { field: formatPath(issue.path), message: issue.message };
}

/** `['data', 'items', 0, 'qty']` → `data.items[0].qty`; the body itself is `body`. */
function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return 'body';
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}
