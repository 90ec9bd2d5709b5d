/**
 * The edge port's door, in front of every emulated service (local/edge/edge-server.ts calls it):
 *
 * 1. `Host` must name the edge as a loopback address (`127.0.0.1`, `localhost`, `[::1]` with the
 *    edge's port) or the address `--edge-host` bound it to: a page on another name that resolves
 *    to 127.0.0.1 (DNS rebinding) is answered 421 Misdirected Request (RFC 9110 §15.5.20).
 * 2. A browser's request (an `Origin` or `Sec-Fetch-Site` header other than `none`) is refused
 *    with 403: no web page has any business on the AWS APIs, and the edge sends no CORS headers,
 *    so a cross-origin page can neither do anything nor read an answer.
 * 3. The body is read (at most `maxBodyBytes`; a larger declared or sent body: 413) and the
 *    request must carry a valid SigV4 signature by the data directory's key for the routed
 *    service (local/edge/sigv4.ts); otherwise the service's own authentication error
 *    (local/edge/auth-errors.ts). The request then reaches the service with its body replayed.
 *
 * The runtime's handlers reach the edge in-process (local/edge/in-process-handler.ts) through the
 * same server `request` event, so they pass the same three checks with the same signed requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { authRefusal } from './auth-errors.ts';
import type { EdgeCredentials } from './credentials.ts';
import { verifySigV4 } from './sigv4.ts';

export interface EdgeGuardOptions {
  credentials: EdgeCredentials;
  /** The only region the edge answers for (LOCAL_REGION). */
  region: string;
  /** `Host` values accepted (lower-case `name:port`), or `any` when `--edge-host` binds a wildcard address. Read per request: the port is known once the edge listens. */
  allowedHosts: () => ReadonlySet<string> | 'any';
  /** Epoch ms of the real clock, for `X-Amz-Date` freshness. */
  now: () => number;
  /** The largest body read before checking the signature (default 16 MiB: DynamoDB's BatchWriteItem limit). */
  maxBodyBytes?: number;
}

export interface EdgeGuard {
  /** Checks `Host` and browser origin; answers and returns false when refused. */
  admit(req: IncomingMessage, res: ServerResponse): boolean;
  /** Reads the body, verifies the signature for `service`, then calls `next` with the request (body replayed) or answers the refusal. */
  authenticate(req: IncomingMessage, res: ServerResponse, service: string, next: (req: IncomingMessage) => void): void;
}

const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

/** The loopback `Host` values of an edge listening on `port`. */
export function loopbackHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function edgeGuard(options: EdgeGuardOptions): EdgeGuard {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  return {
    admit(req, res) {
      const allowed = options.allowedHosts();
      const host = (req.headers.host ?? '').toLowerCase();
      if (allowed !== 'any' && !allowed.has(host)) {
        refuse(res, 421, 'MisdirectedRequest', `this is the local AWS edge; Host '${host}' is not one of its loopback names (${[...allowed].join(', ')})`);
        return false;
      }
      const fetchSite = req.headers['sec-fetch-site'];
      if (req.headers.origin !== undefined || (fetchSite !== undefined && fetchSite !== 'none')) {
        refuse(res, 403, 'AccessDeniedException', 'the local AWS edge refuses requests made by web pages');
        return false;
      }
      return true;
    },
    authenticate(req, res, service, next) {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBody) {
        refuse(res, 413, 'RequestEntityTooLargeException', `the request body of ${declared} bytes exceeds the edge's limit of ${maxBody} bytes`);
        req.resume();
        return;
      }
      void readBody(req, maxBody).then(async (body) => {
        if (body === undefined) return refuse(res, 413, 'RequestEntityTooLargeException', `the request body exceeds the edge's limit of ${maxBody} bytes`);
        const failure = await verifySigV4({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body }, { service, region: options.region, credentials: options.credentials, now: options.now() });
        if (failure) {
          const refusal = authRefusal(service, failure.kind, failure.message);
          res.writeHead(refusal.status, { ...refusal.headers, 'content-length': Buffer.byteLength(refusal.body) });
          res.end(refusal.body);
          return;
        }
        next(replayed(req, body));
      }, (error: unknown) => refuse(res, 400, 'RequestAbortedException', `the request body could not be read: ${(error as Error).message}`));
    },
  };
}

function refuse(res: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ __type: type, message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The whole body, or undefined once it passes `max` bytes (reading stops there). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** The request again, its body readable once more, for the service's listener. */
function replayed(req: IncomingMessage, body: Buffer): IncomingMessage {
  const stream = new Readable({ read() {} });
  if (body.length > 0) stream.push(body);
  stream.push(null);
  return Object.assign(stream, { method: req.method, url: req.url, headers: req.headers, httpVersion: req.httpVersion, socket: req.socket }) as unknown as IncomingMessage;
}
