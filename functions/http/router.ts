/**
 * A small router by method and path template (`/cases/{caseId}/steps/{step}/complete`), matched
 * the way API Gateway matches routes: `{name}` is one path segment.
 */
import { InvalidRequest, MethodNotAllowed, RouteNotFound } from './errors.ts';
import { STAFF_REQUEST_LIMITS } from './limits.ts';
import type { ApiEvent } from './event.ts';
import type { HttpResponse } from './response.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteRequest<E extends ApiEvent = ApiEvent> {
  event: E;
  params: Readonly<Record<string, string>>;
}

export type RouteHandler<E extends ApiEvent = ApiEvent> = (request: RouteRequest<E>) => Promise<HttpResponse>;

export interface Route<E extends ApiEvent = ApiEvent> {
  method: Method;
  path: string;
  handle: RouteHandler<E>;
}

interface Compiled<E extends ApiEvent> {
  route: Route<E>;
  pattern: RegExp;
  names: string[];
}

export class Router<E extends ApiEvent = ApiEvent> {
  private readonly compiled: Compiled<E>[];

  constructor(readonly routes: readonly Route<E>[]) {
    this.compiled = routes.map((route) => compile(route));
  }

  /** Runs the matching route. Throws `RouteNotFound` or `MethodNotAllowed`. */
  async handle(event: E): Promise<HttpResponse> {
    const method = event.requestContext.http.method.toUpperCase();
    const path = event.rawPath || event.requestContext.http.path;
    let pathMatched = false;
    for (const { route, pattern, names } of this.compiled) {
      const match = pattern.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      return route.handle({ event, params: pathParameters(names, match) });
    }
    if (pathMatched) throw new MethodNotAllowed(method, path);
    throw new RouteNotFound(method, path);
  }
}

/** The `{name}` segments, percent-decoded; a bad escape (`%ZZ`) or an overlong value is a 400 naming `path.<name>`. */
function pathParameters(names: readonly string[], match: RegExpExecArray): Record<string, string> {
  const params: Record<string, string> = {};
  const { maxPathParameterLength } = STAFF_REQUEST_LIMITS;
  names.forEach((name, i) => {
    let value: string;
    try {
      value = decodeURIComponent(match[i + 1] ?? '');
    } catch {
      throw new InvalidRequest([{ field: `path.${name}`, message: 'is not valid percent-encoded UTF-8' }]);
    }
    if (value.length > maxPathParameterLength) throw new InvalidRequest([{ field: `path.${name}`, message: `is ${value.length} characters long, more than the ${maxPathParameterLength} allowed` }]);
    params[name] = value;
  });
  return params;
}

function compile<E extends ApiEvent>(route: Route<E>): Compiled<E> {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{([A-Za-z0-9_]+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      names.push(param[1] ?? '');
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}
