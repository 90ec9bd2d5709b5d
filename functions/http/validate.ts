/** Validating a request part against a zod schema; the 400 names every offending field. */
import type { z } from 'zod';
import { InvalidRequest, type FieldIssue } from './errors.ts';

/** `where` prefixes each field (`body`, `query`): `body.fields.serialNumbers[0]`. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  // reportInput: an issue keeps its input, which tells a missing value (`required`) from a wrong one; the input is never sent back.
  const result = schema.safeParse(input, { error: requiredMessage, reportInput: true });
  if (result.success) return result.data;
  throw new InvalidRequest(result.error.issues.map((issue) => toFieldIssue(where, issue)));
}

/** A zod issue as the API's field issue, with its stable code (`required` for a missing value). */
function toFieldIssue(where: string, issue: z.core.$ZodIssue): FieldIssue {
  const base = { field: fieldPath(where, issue.path), message: issue.message };
  if (issue.code === 'invalid_type') return { ...base, code: issue.input === undefined ? 'required' : 'invalid_type', expected: issue.expected };
  if (issue.code === 'invalid_value') return { ...base, code: issue.code, options: issue.values.map(String) };
  return { ...base, code: issue.code };
}

/** "is required" reads better than "expected string, received undefined" for a missing field. */
function requiredMessage(issue: z.core.$ZodRawIssue): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;
}

export function fieldPath(where: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), where);
}
