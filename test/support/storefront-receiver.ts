/**
 * A fake storefront notice endpoint on a real HTTP port. It verifies `X-Platform-Signature` with
 * the platform's own inbound verifier (`verifyStorefrontSignature`: HMAC over "<t>.<raw body>",
 * 300 s freshness against the receiver's clock) and answers 401 naming the error when it fails,
 * 204 when it takes the notice. `secret` can be changed (a storefront with the wrong secret),
 * `skewMs` moves its clock (so a fresh signature looks old) and `down` makes it answer 503.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyStorefrontSignature } from '../../core/storefront/signature.ts';

export interface ReceivedPost {
  /** The receiver's real time of arrival (ms). */
  at: number;
  status: number;
  /** The verifier's error name when it refused, e.g. `SignatureMismatch`. */
  error?: string;
  body: Record<string, unknown>;
}

export class StorefrontReceiver {
  readonly posts: ReceivedPost[] = [];
  secret: string;
  skewMs = 0;
  down = false;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    secret: string,
    /** The platform's clock at each post (the virtual one in end-to-end tests). */
    private readonly platformNow: () => number,
  ) {
    this.secret = secret;
  }

  static async start(secret: string, platformNow: () => number = Date.now): Promise<StorefrontReceiver> {
    const holder: { receiver?: StorefrontReceiver } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const receiver = holder.receiver!;
        const raw = Buffer.concat(chunks);
        const header = req.headers['x-platform-signature'];
        let status = 204;
        let error: string | undefined;
        if (receiver.down) {
          status = 503;
          error = 'Unavailable';
        } else {
          try {
            verifyStorefrontSignature({ header: Array.isArray(header) ? header[0] : header, body: raw, secret: receiver.secret, now: Date.now() + receiver.skewMs });
          } catch (e) {
            status = 401;
            error = (e as Error).name;
          }
        }
        receiver.posts.push({ at: receiver.platformNow(), status, ...(error ? { error } : {}), body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> });
        if (status === 204) res.writeHead(204).end();
        else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.receiver = new StorefrontReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/notices`, secret, platformNow);
    return holder.receiver;
  }

  /** The notices it took, in arrival order. */
  accepted(): Record<string, unknown>[] {
    return this.posts.filter((p) => p.status === 204).map((p) => p.body);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
