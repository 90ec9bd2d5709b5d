/**
 * Uploads as a hostile client makes them, over a raw node:http request: a body declared big and
 * never sent, or one streamed without a declared length until the server gives up.
 */
import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  body: string;
  /** The server closed the connection (rather than keeping it for the rest of the body). */
  closed: boolean;
  /** Body bytes the client had handed to the socket when the answer came. */
  sent: number;
}

/**
 * POSTs `path` declaring `declaredBytes` (or chunked when undefined), sends `sendBytes` of it
 * (chunks of 64 KiB while the socket takes them) and never the rest; resolves on the answer and the
 * connection's close.
 */
export function rawUpload(base: string, path: string, options: { declaredBytes?: number; sendBytes: number; headers?: Record<string, string> }): Promise<RawAnswer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.declaredBytes !== undefined) headers['content-length'] = String(options.declaredBytes);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent: false });
    let sent = 0;
    let answer: Omit<RawAnswer, 'closed' | 'sent'> | undefined;
    let closed = false;
    const settle = (): void => {
      if (answer && closed) resolve({ ...answer, closed, sent });
    };
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        answer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() };
        settle();
      });
      res.on('error', () => {});
    });
    req.on('close', () => {
      closed = true;
      settle();
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server hung up on the body we were still sending: expected; the answer may have come first.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      closed = true;
      if (!answer) resolve({ status: 0, body: '', closed, sent });
    });
    req.flushHeaders();
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (sent < options.sendBytes && !req.destroyed && !closed) {
        const size = Math.min(chunk.length, options.sendBytes - sent);
        sent += size;
        if (!req.write(chunk.subarray(0, size))) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}
