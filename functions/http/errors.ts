/**
 * HTTP-level errors of the API plumbing. Like the domain errors (core/cases/errors.ts,
 * core/storefront/errors.ts), each has a stable `name` (the API's `error.code`) and a `status`.
 */

export abstract class HttpError extends Error {
  abstract readonly status: number;
}

/** A request body that is not JSON at all. */
export class MalformedJson extends HttpError {
  override readonly name = 'MalformedJson';
  readonly status = 400;
  constructor() {
    super('body: not valid JSON');
  }
}

/**
 * What was wrong with one field, for a client to word in its own language: `code` is stable —
 * zod's issue codes (`invalid_type`, `invalid_value`, `too_small`, `too_big`, `unrecognized_keys`,
 * `custom`) plus `required` (missing) and `not_allowed` (a value the request must leave out);
 * `options` lists the allowed values, `expected` the type.
 */
export interface FieldIssue {
  field: string;
  message: string;
  code?: string;
  options?: readonly string[];
  expected?: string;
}

/** A request (body, query or path) that is JSON but breaks the route's schema; the message names the field. */
export class InvalidRequest extends HttpError {
  override readonly name = 'InvalidRequest';
  readonly status = 400;
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  }

  get field(): string | undefined {
    return this.issues[0]?.field;
  }
}

/** No staff identity on a route that needs one (the authorizer should have refused it first). */
export class Unauthenticated extends HttpError {
  override readonly name = 'Unauthenticated';
  readonly status = 401;
  constructor(reason = 'no staff identity: send a bearer token') {
    super(reason);
  }
}

/** The caller's roles do not allow the action. */
export class Forbidden extends HttpError {
  override readonly name = 'Forbidden';
  readonly status = 403;
  constructor(reason: string) {
    super(reason);
  }
}

export class RouteNotFound extends HttpError {
  override readonly name = 'RouteNotFound';
  readonly status = 404;
  constructor(method: string, path: string) {
    super(`no route for ${method} ${path}`);
  }
}

export class MethodNotAllowed extends HttpError {
  override readonly name = 'MethodNotAllowed';
  readonly status = 405;
  constructor(method: string, path: string) {
    super(`${method} is not allowed on ${path}`);
  }
}

export class NotAcceptable extends HttpError {
  override readonly name = 'NotAcceptable';
  readonly status = 406;
  constructor(offered: readonly string[]) {
    super(`Accept: this route answers ${offered.join(' or ')}`);
  }
}

/** A body in a media type the route does not take (RFC 9110 §15.5.16). */
export class UnsupportedMediaType extends HttpError {
  override readonly name = 'UnsupportedMediaType';
  readonly status = 415;
  constructor(received: string | undefined, expected: string) {
    super(`Content-Type: ${received === undefined || received.trim() === '' ? 'is missing' : `"${received.slice(0, 100)}" is not accepted`}; send ${expected}`);
  }
}
