/**
 * Turns any thrown value into api.md's error body `{"error": {"code", "message"}}`. Errors that
 * carry a 4xx `status` (domain errors, HTTP errors), or a 5xx with `expose: true` (an expected,
 * retryable state such as `DeliveryInProgress`), show their own name and message; everything else
 * is a 5xx that says only "internal error" — the real error goes to the log. An error's
 * `retryAfterSeconds` becomes the `Retry-After` header; a 4xx error's `details` object (e.g.
 * `NoReasonWindowClosed`'s `{endsAt}`) becomes `error.details`, for clients that show it.
 */
import type { Log } from '../shared/logger.ts';
import { InvalidRequest } from './errors.ts';
import { jsonResponse, type HttpResponse } from './response.ts';

export interface ErrorBody {
  /** `fields`: a 400's issues, one per field, for a client to word (FieldIssue in errors.ts); `details`: facts of some 4xx errors (NoReasonWindowClosed). */
  error: { code: string; message: string; fields?: { path: string; code: string; message: string; options?: readonly string[]; expected?: string }[]; details?: Record<string, unknown> };
}

/** The status an error surfaces as: its own `status` when it has a valid one, else 500. */
export function statusOf(error: unknown): number {
  if (error instanceof Error && 'status' in error) {
    const status = (error as { status: unknown }).status;
    if (typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599) return status;
  }
  return 500;
}

export function errorBody(error: unknown): { status: number; body: ErrorBody } {
  const status = statusOf(error);
  if (error instanceof InvalidRequest) {
    const fields = error.issues.map((issue) => ({ path: issue.field, code: issue.code ?? 'custom', message: issue.message, ...(issue.options ? { options: issue.options } : {}), ...(issue.expected ? { expected: issue.expected } : {}) }));
    return { status, body: { error: { code: error.name, message: error.message, fields } } };
  }
  if (error instanceof Error && (status < 500 || (error as { expose?: unknown }).expose === true)) {
    const details = (error as { details?: unknown }).details;
    const withDetails = status < 500 && details !== null && typeof details === 'object' && !Array.isArray(details) ? { details: details as Record<string, unknown> } : {};
    return { status, body: { error: { code: error.name, message: error.message, ...withDetails } } };
  }
  return { status, body: { error: { code: status === 500 ? 'InternalError' : 'ServiceUnavailable', message: 'internal error' } } };
}

export function errorResponse(error: unknown, log: Pick<Log, 'error' | 'warn'>): HttpResponse {
  const { status, body } = errorBody(error);
  if (status >= 500 && body.error.message === 'internal error') log.error('request failed', { error: error instanceof Error ? error : new Error(String(error)) });
  else log.warn(`request refused: ${body.error.code}`, { status, reason: body.error.message });
  const response = jsonResponse(status, body);
  const retryAfter = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 0) response.headers['retry-after'] = String(retryAfter);
  return response;
}
