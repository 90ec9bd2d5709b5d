import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EdgeGuard } from './edge-guard.ts';

import { DEFAULT_EDGE_REQUEST_LIMIT } from './request-limits.ts';

export type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** One emulated AWS service on the shared edge port, recognised by its `X-Amz-Target` prefix or its path. */
export interface EdgeService {
  /** The service's SigV4 signing name (`dynamodb`, `states`, `events`, `sqs`, `scheduler`, `lambda`). */
  name: string;
  targetPrefix?: string;
  pathPrefix?: string;
  listener: Listener;
  /** The most request body bytes the service reads (request-limits.ts); default DEFAULT_EDGE_REQUEST_LIMIT. */
  maxRequestBytes?: number;
}

/**
 * The shared edge port (default 4566): every emulated AWS API behind one address, routed as the
 * SDK addresses them — JSON-protocol services by `X-Amz-Target`, REST ones by path — so that one
 * `AWS_ENDPOINT_URL` serves every client. With a `guard` (the runtime always gives one), a request
 * reaches its service only with a loopback `Host`, from no web page, and signed with the data
 * directory's key (local/edge/edge-guard.ts).
 */
export function createEdgeServer(services: readonly EdgeService[], onError: (error: unknown) => void = () => {}, guard?: EdgeGuard): Server {
  return createServer((req, res) => {
    try {
      if (guard && !guard.admit(req, res)) return;
      const service = route(services, req);
      if (!service) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ __type: 'UnknownOperationException', message: `no emulated service for ${req.method} ${req.url} (X-Amz-Target: ${String(req.headers['x-amz-target'] ?? 'none')})` }));
        return;
      }
      // The service's own request limit first, before the guard reads (and buffers) the body.
      if (refuseOversized(req, res, service.maxRequestBytes ?? DEFAULT_EDGE_REQUEST_LIMIT)) return;
      if (!guard) return service.listener(req, res);
      guard.authenticate(req, res, service.name, (verified) => {
        try {
          service.listener(verified, res);
        } catch (error) {
          fail(res, error, onError);
        }
      });
    } catch (error) {
      fail(res, error, onError);
    }
  });
}

function fail(res: ServerResponse, error: unknown, onError: (error: unknown) => void): void {
  onError(error);
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ __type: 'InternalFailure', message: 'internal error' }));
}

/**
 * A body over `limit` is refused with 413 and the connection closed: by its declared
 * Content-Length before a byte is read, or as soon as a chunked body passes the limit. True when
 * refused at once.
 */
function refuseOversized(req: IncomingMessage, res: ServerResponse, limit: number): boolean {
  const refuse = (message: string): void => {
    if (res.headersSent) {
      req.destroy();
      return;
    }
    res.writeHead(413, { 'content-type': 'application/x-amz-json-1.0', connection: 'close' });
    res.end(JSON.stringify({ __type: 'RequestEntityTooLargeException', message }), () => req.destroy());
  };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    refuse(`Request body of ${declared} bytes exceeds the maximum allowed size of ${limit} bytes`);
    return true;
  }
  if (req.headers['content-length'] === undefined) {
    // Counted in the same tick as the service's own reader is attached, so no chunk is missed.
    let size = 0;
    const count = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return;
      req.off('data', count);
      refuse(`Request body exceeds the maximum allowed size of ${limit} bytes`);
    };
    req.on('data', count);
  }
  return false;
}

function route(services: readonly EdgeService[], req: IncomingMessage): EdgeService | undefined {
  const target = req.headers['x-amz-target'];
  const targetText = Array.isArray(target) ? target[0] : target;
  if (targetText) return services.find((s) => s.targetPrefix && targetText.startsWith(s.targetPrefix));
  const path = req.url ?? '/';
  return services.find((s) => s.pathPrefix && path.startsWith(s.pathPrefix));
}
