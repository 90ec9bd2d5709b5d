/**
 * The local HTTP API's transport: Node's HTTP server in front of the answerer (answer.ts). It
 * refuses what never reaches a route — a body over the route's limit (`bodyLimit`; API Gateway's
 * 10 MB without one), headers over 16 KB, a request Node cannot parse — in api.md's error envelope
 * too, and turns any failure into one request's 500, never the process's end. A body is refused by
 * its declared Content-Length before a byte of it is read, and reading stops at the limit for one
 * that declares none (chunked): either way 413 and the connection closed, so slow or endless
 * uploads hold no memory (issue 21: 100 uploads declaring 10 MB took the process to 977 MB).
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createAnswerer, errorAnswer, type GatewayAnswer, type GatewayOptions } from './answer.ts';

export type { GatewayOptions } from './answer.ts';

/** API Gateway's payload limit for HTTP APIs: the limit of a route without its own. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface GatewayServerOptions extends GatewayOptions {
  /** The most body bytes a route's handler accepts (the runtime gives each route its handler's limit); default MAX_BODY_BYTES. */
  bodyLimit?: (method: string, path: string) => number;
}
/** Node's default; API Gateway HTTP APIs take at most 10 KB per header, so 16 KB in all is generous. */
export const MAX_HEADER_BYTES = 16 * 1024;

export function createGateway(options: GatewayServerOptions): Server {
  const answer = createAnswerer(options);
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    serve(req, res, answer, options).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) send(res, errorAnswer(500, 'InternalError', 'internal error', options));
      else res.end();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => refuseMalformed(error, socket));
  return server;
}

async function serve(req: IncomingMessage, res: ServerResponse, answer: ReturnType<typeof createAnswerer>, options: GatewayServerOptions): Promise<void> {
  const limit = options.bodyLimit?.(req.method ?? 'GET', pathOf(req.url)) ?? MAX_BODY_BYTES;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return refuseBody(req, res, `body: ${declared} bytes declared (Content-Length), more than the ${limit} allowed`, options);
  const body = await readBody(req, limit);
  if (body === 'too-large') return refuseBody(req, res, `body: more than the ${limit} bytes allowed`, options);
  send(res, await answer({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' }));
}

/** 413 in api.md's envelope, then the connection is closed: the rest of the body is never read. */
function refuseBody(req: IncomingMessage, res: ServerResponse, message: string, options: GatewayOptions): void {
  const answer = errorAnswer(413, 'PayloadTooLarge', message, options);
  res.writeHead(413, { ...answer.headers, connection: 'close' });
  res.end(answer.body, () => req.destroy());
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

function send(res: ServerResponse, answer: GatewayAnswer): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
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

/** The body, or 'too-large' as soon as it passes `limit` (what was read is dropped and reading stops). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      req.off('data', onData);
      req.pause();
      resolve('too-large');
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
