/** Validating a request part against a zod schema; the 400 names every offending field. */
import type { z } from 'zod';
import { InvalidRequest } from './errors.ts';

/** `where` prefixes each field (`body`, `query`): `body.fields.serialNumbers[0]`. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input, { error: requiredMessage });
  if (result.success) return result.data;
  throw new InvalidRequest(result.error.issues.map((issue) => ({ field: fieldPath(where, issue.path), message: issue.message })));
}

/** "is required" reads better than "expected string, received undefined" for a missing field. */
function requiredMessage(issue: z.core.$ZodRawIssue): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;
}

export function fieldPath(where: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), where);
}
