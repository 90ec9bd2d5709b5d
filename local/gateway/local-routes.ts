/**
 * Routes the local runtime serves itself rather than through a manifest function: api.md's
 * "Local home only" routes (sign-in, the console's static files). They never reach the CDK stack.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface LocalRequest {
  method: string;
  /** The path without the query. */
  path: string;
  /** The path with the query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp: string;
}

export interface LocalResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface LocalRoute {
  method: string;
  /** An exact path (`/auth/login`), or a prefix ending in `/*` (`/console/*`). */
  path: string;
  handle(request: LocalRequest): Promise<LocalResponse>;
}

/** The local route for a request, `'method-not-allowed'` when only the method differs, or undefined. */
export function matchLocalRoute(routes: readonly LocalRoute[], method: string, path: string): LocalRoute | 'method-not-allowed' | undefined {
  const onPath = routes.filter((r) => (r.path.endsWith('/*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path));
  if (onPath.length === 0) return undefined;
  return onPath.find((r) => r.method === method || (method === 'HEAD' && r.method === 'GET')) ?? 'method-not-allowed';
}
