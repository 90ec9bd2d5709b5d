import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { RouteDecl } from '../../app/manifest-types.ts';
import type { Clock } from '../../core/time/clock.ts';
import { InvalidToken, verifyToken, type StaffClaims } from '../identity/tokens.ts';
import { isFunctionError, type InvokeResult } from '../lambda/invoker.ts';
import { toApiEvent } from './api-event.ts';
import { matchLocalRoute, type LocalRoute } from './local-routes.ts';
import { RouteTable } from './routes.ts';

/** API Gateway's payload limit for HTTP APIs. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface GatewayOptions {
  routes: readonly RouteDecl[];
  invoke: (functionId: string, event: unknown) => Promise<InvokeResult>;
  signingKey: Uint8Array;
  clock: Clock;
  accountId: string;
  /** Routes served by the runtime itself (api.md "Local home only"), matched before the manifest's. */
  localRoutes?: readonly LocalRoute[];
  /** Origins allowed by CORS; `*` by default, as a local development API. */
  allowOrigin?: string;
  onError?: (error: unknown) => void;
}

/**
 * The local HTTP API: the manifest's routes, the HTTP API v2 event shape, a JWT check for staff
 * routes and CORS, in front of the same handlers the stack deploys.
 */
export function createGateway(options: GatewayOptions): Server {
  const table = new RouteTable(options.routes);
  return createServer((req, res) => {
    handle(req, res, table, options).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) sendError(res, 500, 'InternalError', 'internal error', options);
      else res.end();
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, table: RouteTable, options: GatewayOptions): Promise<void> {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (method === 'OPTIONS') {
    res.writeHead(204, corsHeaders(options, { 'access-control-max-age': '600' }));
    res.end();
    return;
  }
  const body = await readBody(req);
  if (body === 'too-large') return sendError(res, 413, 'PayloadTooLarge', `request body exceeds ${MAX_BODY_BYTES} bytes`, options);
  const local = matchLocalRoute(options.localRoutes ?? [], method, path);
  if (local === 'method-not-allowed') return sendError(res, 405, 'MethodNotAllowed', `${method} is not allowed on ${path}`, options);
  if (local !== undefined) {
    const answer = await local.handle({ method, path, url: req.url ?? '/', headers: req.headers, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' });
    res.writeHead(answer.statusCode, { ...corsHeaders(options), ...answer.headers });
    res.end(answer.body ?? '');
    return;
  }
  const match = table.match(method, path);
  if (match === undefined) return sendError(res, 404, 'NotFound', `no route for ${method} ${path}`, options);
  if (match === 'method-not-allowed') return sendError(res, 405, 'MethodNotAllowed', `${method} is not allowed on ${path}`, options);

  let claims: StaffClaims | undefined;
  if (match.route.auth === 'jwt') {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) return sendError(res, 401, 'Unauthorized', 'missing bearer token in the Authorization header', options);
    try {
      claims = await verifyToken(token, options.signingKey, Math.floor(options.clock.now() / 1000));
    } catch (error) {
      if (error instanceof InvalidToken) return sendError(res, 401, 'Unauthorized', error.message, options);
      throw error;
    }
  }

  const event = toApiEvent(
    { method, url: req.url ?? '/', headers: req.headers, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' },
    match,
    claims,
    options.clock.now(),
    options.accountId,
  );
  const result = await options.invoke(match.route.function, event);
  if (isFunctionError(result)) {
    options.onError?.(new Error(`${match.route.function}: ${result.errorType}: ${result.errorMessage}`));
    return sendError(res, 500, 'InternalError', 'internal error', options);
  }
  sendResult(res, result.payload as APIGatewayProxyResultV2, options);
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** API Gateway's reading of a handler result: a structured response, or any other value as a 200 JSON body. */
function sendResult(res: ServerResponse, result: APIGatewayProxyResultV2, options: GatewayOptions): void {
  if (result && typeof result === 'object' && 'statusCode' in result && typeof result.statusCode === 'number') {
    const headers: Record<string, string | string[]> = corsHeaders(options);
    for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
    if (result.cookies?.length) headers['set-cookie'] = result.cookies;
    const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
    res.writeHead(result.statusCode, headers);
    res.end(body);
    return;
  }
  res.writeHead(200, { ...corsHeaders(options), 'content-type': 'application/json' });
  res.end(typeof result === 'string' ? result : JSON.stringify(result));
}

function sendError(res: ServerResponse, status: number, code: string, message: string, options: GatewayOptions): void {
  res.writeHead(status, { ...corsHeaders(options), 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code, message } }));
}

function corsHeaders(options: GatewayOptions, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'access-control-allow-origin': options.allowOrigin ?? '*',
    'access-control-allow-headers': 'authorization,content-type,x-storefront-signature',
    'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
    ...extra,
  };
}
