/**
 * The staff console on the local HTTP API's port (api.md "Local home only"): `GET /` redirects to
 * `/console/`, `/console/…` serves the built files (hashed assets cached for a year, the page
 * revalidated), `config.json` tells the console to sign in locally on the same origin, and any
 * other path under `/console/` gets the page (the console routes by hash and turns a path such as
 * `/console/cases/<id>`, the links alarms send, into its route; a case id may hold a dot). Text is gzipped when the browser accepts it.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The shape of the runtime's own routes (local/gateway/local-routes.ts). */
export interface SiteRoute {
  method: string;
  path: string;
  handle(request: { path: string; headers: IncomingHttpHeaders }): Promise<SiteResponse>;
}

export interface SiteResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export const CONSOLE_PATH = '/console/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** What the console reads at start (console/src/api/config.ts): same-origin API, local sign-in. */
const LOCAL_CONFIG = JSON.stringify({ apiUrl: '', auth: { kind: 'local' } });

export function consoleSite(distDir: string): SiteRoute[] {
  const gzipped = new Map<string, Buffer>();
  const redirect = async (): Promise<SiteResponse> => ({ statusCode: 302, headers: { location: CONSOLE_PATH }, body: '' });
  return [
    { method: 'GET', path: '/', handle: redirect },
    { method: 'GET', path: '/console', handle: redirect },
    {
      method: 'GET',
      path: `${CONSOLE_PATH}*`,
      async handle(request) {
        const relativePath = decodePath(request.path.slice(CONSOLE_PATH.length));
        if (relativePath === undefined) return badEncoding(request.path);
        if (relativePath === 'config.json') return { statusCode: 200, headers: { 'content-type': TYPES['.json'] as string, 'cache-control': 'no-cache' }, body: LOCAL_CONFIG };
        const file = normalize(join(distDir, relativePath));
        if (!file.startsWith(distDir + sep)) return notFound(request.path);
        const found = (await readIfFile(file)) ?? (extname(relativePath) === '' || relativePath.startsWith('cases/') ? await readIfFile(join(distDir, 'index.html')) : undefined);
        if (found === undefined) return notFound(request.path);
        const served = found.path;
        const type = TYPES[extname(served)] ?? 'application/octet-stream';
        const headers: Record<string, string> = {
          'content-type': type,
          'cache-control': served.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          vary: 'accept-encoding',
        };
        if (!/^(text|application\/json|image\/svg)/.test(type) || !/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return { statusCode: 200, headers, body: found.body };
        let body = gzipped.get(served);
        if (body === undefined || served.endsWith('index.html')) {
          body = gzipSync(found.body);
          gzipped.set(served, body);
        }
        return { statusCode: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body };
      },
    },
  ];
}

async function readIfFile(path: string): Promise<{ path: string; body: Buffer } | undefined> {
  try {
    return { path, body: await readFile(path) };
  } catch {
    return undefined;
  }
}

/** The file path a URL path names; undefined when it is not valid percent-encoded UTF-8 (`%E0%A4%A`). */
function decodePath(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded) || 'index.html';
  } catch {
    return undefined;
  }
}

/** The same 400 the API answers for a badly encoded path parameter (local/gateway/answer.ts). */
function badEncoding(path: string): SiteResponse {
  return { statusCode: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'BadRequest', message: `path: ${path.slice(0, 200)} is not valid percent-encoded UTF-8` } }) };
}

function notFound(path: string): SiteResponse {
  return { statusCode: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'NotFound', message: `no console file at ${path}` } }) };
}
