import type { z } from 'zod';
import { InvalidInput } from './errors.ts';

/** Validates a function's event against its contract; `InvalidInput` names every bad field. */
export function parseInput<S extends z.ZodType>(what: string, schema: S, event: unknown): z.output<S> {
  const result = schema.safeParse(event);
  if (result.success) return result.data;
  throw new InvalidInput(
    what,
    result.error.issues.map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message)),
  );
}
