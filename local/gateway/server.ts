/**
 * The local HTTP API's transport: Node's HTTP server in front of the answerer (answer.ts). It
 * refuses what never reaches a route — a body over API Gateway's 10 MB, headers over 16 KB, a
 * request Node cannot parse — in api.md's error envelope too, and turns any failure into one
 * request's 500, never the process's end.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createAnswerer, errorAnswer, type GatewayAnswer, type GatewayOptions } from './answer.ts';

export type { GatewayOptions } from './answer.ts';

/** API Gateway's payload limit for HTTP APIs. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Node's default; API Gateway HTTP APIs take at most 10 KB per header, so 16 KB in all is generous. */
export const MAX_HEADER_BYTES = 16 * 1024;

export function createGateway(options: GatewayOptions): Server {
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

async function serve(req: IncomingMessage, res: ServerResponse, answer: ReturnType<typeof createAnswerer>, options: GatewayOptions): Promise<void> {
  const body = await readBody(req);
  if (body === 'too-large') return send(res, errorAnswer(413, 'PayloadTooLarge', `request body exceeds ${MAX_BODY_BYTES} bytes`, options));
  send(res, await answer({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' }));
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
