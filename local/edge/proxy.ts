import { request } from 'node:http';
import type { Listener } from './edge-server.ts';

/** Forwards requests unchanged to a service listening elsewhere (DynamoDB Local's own port). */
export function proxyTo(port: number, host = '127.0.0.1'): Listener {
  return (req, res) => {
    const upstream = request({ host, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ __type: 'ServiceUnavailable', message: `upstream on port ${port} failed: ${error.message}` }));
    });
    req.pipe(upstream);
  };
}
