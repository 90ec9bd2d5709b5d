/** `GET /healthz` and `GET /openapi.json`: public, no token. */
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { openApiDocument } from '../openapi.ts';

export function healthRoute(): Route {
  return { method: 'GET', path: '/healthz', handle: () => Promise.resolve(jsonResponse(200, { ok: true })) };
}

/** Built once per process: the API is rebuilt per request, the document never changes. */
let document: unknown;

export function openApiRoute(): Route {
  return {
    method: 'GET',
    path: '/openapi.json',
    handle: () => {
      document ??= openApiDocument();
      return Promise.resolve(jsonResponse(200, document));
    },
  };
}
