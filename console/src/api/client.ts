/**
 * Calls the staff API (api.md) with the session's bearer token. Every non-2xx answer becomes an
 * `ApiError` carrying the API's `{"error": {"code", "message"}}` and, for a 400, the message of each
 * field it names (`body.fields.invoiceNo: ...`) so a form can show it next to that field. A 401
 * ends the session: the app goes back to the sign-in page.
 */
import { currentSession, signOut } from '../auth/session.ts';
import { config } from './config.ts';
import type { ApiFieldIssue } from './error-words.ts';
import { fieldErrorsOf } from './field-errors.ts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field path (`fields.invoiceNo`, `reason`, `outcome`) → message, from a 400's message. */
    readonly fieldErrors: Record<string, string> = {},
    /** A 400's issues with their stable codes (error-words.ts words them). */
    readonly issues: readonly ApiFieldIssue[] = [],
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  accept?: string;
  /** Sign-in calls send no token and a 401 there is a wrong password, not an ended session. */
  anonymous?: boolean;
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  const session = currentSession();
  if (!options.anonymous && session) headers.authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${config().apiUrl}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  if (response.ok) return response;
  const error = await toApiError(response);
  if (response.status === 401 && !options.anonymous) signOut();
  throw error;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await request(path)).json()) as T;
}

export async function postJson<T>(path: string, body: unknown, options: Pick<RequestOptions, 'anonymous'> = {}): Promise<T> {
  return (await (await request(path, { method: 'POST', body, ...options })).json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  let code = `Http${response.status}`;
  let message = response.statusText;
  let issues: ApiFieldIssue[] = [];
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; fields?: ApiFieldIssue[] } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
    issues = Array.isArray(body.error?.fields) ? body.error.fields : [];
  } catch {
    // Not the API's error body (a proxy's page): the status says enough.
  }
  return new ApiError(response.status, code, message, response.status === 400 ? fieldErrorsOf(message) : {}, issues);
}
