import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { RouteDecl } from '../../app/manifest-types.ts';
import type { Clock } from '../../core/time/clock.ts';
import { InvalidToken, verifyToken, type StaffClaims } from '../identity/tokens.ts';
import { isFunctionError, type InvokeResult } from '../lambda/invoker.ts';
import { toApiEvent } from './api-event.ts';
import { RouteTable } from './routes.ts';

/** API Gateway's payload limit for HTTP APIs. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Node's default; API Gateway HTTP APIs take at most 10 KB per header, so 16 KB in all is generous. */
export const MAX_HEADER_BYTES = 16 * 1024;

export interface GatewayOptions {
  routes: readonly RouteDecl[];
  invoke: (functionId: string, event: unknown) => Promise<InvokeResult>;
  signingKey: Uint8Array;
  clock: Clock;
  accountId: string;
  /** Origins allowed by CORS; `*` by default, as a local development API. */
  allowOrigin?: string;
  onError?: (error: unknown) => void;
}

/**
 * The local HTTP API: the manifest's routes, the HTTP API v2 event shape, a JWT check for staff
 * routes and CORS, in front of the same handlers the stack deploys. Every answer that is not a
 * handler's own, the server's refusals included (404, 405, 413, 431, a malformed request), carries
 * api.md's error body; a handler that crashes is one request's 500, never the process's end.
 */
export function createGateway(options: GatewayOptions): Server {
  const table = new RouteTable(options.routes);
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(req, res, table, options).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) sendError(res, 500, 'InternalError', 'internal error', options);
      else res.end();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => refuseMalformed(error, socket));
  return server;
}

/**
 * Node's parser refused the request before any handler saw it (headers too large, bad syntax):
 * answer in the error envelope where the socket still takes it, instead of Node's bare status line.
 */
function refuseMalformed(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'RequestHeaderFieldsTooLarge', `request headers exceed ${MAX_HEADER_BYTES} bytes`]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'RequestTimeout', 'the request did not arrive in time']
        : [400, 'BadRequest', 'malformed HTTP request'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
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
  const match = table.match(method, path);
  if (match === undefined) return sendError(res, 404, 'NotFound', `no route for ${method} ${path.slice(0, 200)}`, options);
  if (match === 'method-not-allowed') return sendError(res, 405, 'MethodNotAllowed', `${method} is not allowed on ${path.slice(0, 200)}`, options);
  if (match === 'bad-encoding') return sendError(res, 400, 'BadRequest', `path: ${path.slice(0, 200)} is not valid percent-encoded UTF-8`, options);

  let claims: StaffClaims | undefined;
  if (match.route.auth === 'jwt') {
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === '') return sendError(res, 401, 'Unauthorized', 'missing bearer token in the Authorization header', options);
    const token = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i.exec(header)?.[1];
    if (!token) return sendError(res, 401, 'Unauthorized', 'Authorization: malformed; expected "Bearer <token>"', options);
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
