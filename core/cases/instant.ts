import type { Instant } from './case.ts';

/**
 * Normalises a time to the stored form: ISO-8601 UTC with milliseconds. Stored instants are
 * compared as text (sort keys, conditions), which is only sound when they all share this form.
 */
export function toInstant(at: string | number | Date): Instant {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(at)}`);
  return new Date(ms).toISOString();
}
