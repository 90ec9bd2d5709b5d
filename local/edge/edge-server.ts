import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** One emulated AWS service on the shared edge port, recognised by its `X-Amz-Target` prefix or its path. */
export interface EdgeService {
  name: string;
  targetPrefix?: string;
  pathPrefix?: string;
  listener: Listener;
}

/**
 * The shared edge port (default 4566): every emulated AWS API behind one address, routed as the
 * SDK addresses them — JSON-protocol services by `X-Amz-Target`, REST ones by path — so that one
 * `AWS_ENDPOINT_URL` serves every client.
 */
export function createEdgeServer(services: readonly EdgeService[], onError: (error: unknown) => void = () => {}): Server {
  return createServer((req, res) => {
    try {
      const service = route(services, req);
      if (!service) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ __type: 'UnknownOperationException', message: `no emulated service for ${req.method} ${req.url} (X-Amz-Target: ${String(req.headers['x-amz-target'] ?? 'none')})` }));
        return;
      }
      service.listener(req, res);
    } catch (error) {
      onError(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ __type: 'InternalFailure', message: 'internal error' }));
    }
  });
}

function route(services: readonly EdgeService[], req: IncomingMessage): EdgeService | undefined {
  const target = req.headers['x-amz-target'];
  const targetText = Array.isArray(target) ? target[0] : target;
  if (targetText) return services.find((s) => s.targetPrefix && targetText.startsWith(s.targetPrefix));
  const path = req.url ?? '/';
  return services.find((s) => s.pathPrefix && path.startsWith(s.pathPrefix));
}
