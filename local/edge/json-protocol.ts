import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface JsonProtocolResponse {
  status: number;
  body: object;
}

/**
 * A Node request listener for an AWS JSON-protocol service (Step Functions, EventBridge): reads
 * the body, hands `X-Amz-Target` and the text to `handle`, and writes its answer with the
 * service's content type and a request id.
 */
export function jsonProtocolListener(
  contentType: string,
  handle: (target: string | undefined, rawBody: string) => Promise<JsonProtocolResponse>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      void handle(Array.isArray(target) ? target[0] : target, Buffer.concat(chunks).toString('utf8')).then(({ status, body }) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': randomUUID() });
        res.end(text);
      });
    });
  };
}
