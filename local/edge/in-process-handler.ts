/**
 * An AWS SDK request handler that hands each request to the edge port's own server in this
 * process instead of sending it over a socket: the handlers run in the same process as the
 * emulators, so the HTTP round trip (client and server parsing, loopback sockets, the agent's
 * pool) is pure overhead. Everything above the transport is unchanged — the SDK still builds,
 * signs and parses each request as it does on AWS — and the edge sees the same request: the
 * server's `request` listeners (routing, activity, the DynamoDB meter) run as for a socket.
 *
 * Only requests addressed to the edge are handled; any other address is a misconfiguration here
 * (every AWS endpoint of the local runtime is the edge) and fails with `InProcessTransportError`.
 */
import { channel } from 'node:diagnostics_channel';
import type { IncomingHttpHeaders, OutgoingHttpHeaders, Server } from 'node:http';
import { Readable, Writable } from 'node:stream';

/** The request as the SDK gives it to a handler (Smithy's HttpRequest). */
export interface SdkHttpRequest {
  method: string;
  protocol?: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | (string | null)[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** The answer as the SDK expects it (Smithy's HttpResponse). */
export interface SdkHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** `{ request, response }` is published here when an in-process request starts; `response` emits `finish` when answered (cf. Node's `http.server.request.start`). */
export const IN_PROCESS_REQUEST_CHANNEL = 'local.edge.in-process.request.start';

/** A request addressed to something other than the edge. */
export class InProcessTransportError extends Error {
  override readonly name = 'InProcessTransportError';
}

export class InProcessHandler {
  /** Read by the SDK when it merges handler settings; this transport has none. */
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly started = channel(IN_PROCESS_REQUEST_CHANNEL);
  private parsed: { href: string; url: URL } | undefined;

  /**
   * @param server the edge port's server (its `request` listeners answer)
   * @param edgeUrl the edge's URL, e.g. `http://127.0.0.1:4566` (read per request: known once it listens)
   */
  constructor(
    private readonly server: Server,
    private readonly edgeUrl: () => string,
  ) {}

  async handle(request: SdkHttpRequest): Promise<{ response: SdkHttpResponse }> {
    const edge = this.edge();
    if (request.hostname !== edge.hostname || String(request.port ?? '') !== edge.port) {
      throw new InProcessTransportError(`the in-process transport reaches only the edge at ${edge.host}, not ${request.hostname}:${String(request.port ?? '')}`);
    }
    const req = new EdgeRequest(request.method, pathWithQuery(request), lowerCase(request.headers), await bodyBytes(request.body));
    const res = new EdgeResponse();
    const answered = res.answer();
    if (this.started.hasSubscribers) this.started.publish({ request: req, response: res });
    this.server.emit('request', req, res);
    return { response: await answered };
  }

  /** The edge's URL, parsed once per value (it is known only once the edge listens). */
  private edge(): URL {
    const url = this.edgeUrl();
    if (this.parsed?.href !== url) this.parsed = { href: url, url: new URL(url) };
    return this.parsed.url;
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

/** The parts of Node's IncomingMessage the edge's listeners read. */
class EdgeRequest extends Readable {
  readonly httpVersion = '1.1';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: IncomingHttpHeaders,
    body: Buffer,
  ) {
    super();
    if (body.length > 0) this.push(body);
    this.push(null);
  }

  override _read(): void {}
}

/** The parts of Node's ServerResponse the edge's listeners use; `answer()` resolves once it ends. */
class EdgeResponse extends Writable {
  statusCode = 200;
  headersSent = false;
  private readonly headers: Record<string, string> = {};
  private readonly chunks: Buffer[] = [];

  setHeader(name: string, value: string | number | readonly string[]): this {
    this.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    return this;
  }

  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  writeHead(status: number, headers?: OutgoingHttpHeaders): this {
    this.statusCode = status;
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) this.setHeader(name, value as string | number | readonly string[]);
    this.headersSent = true;
    return this;
  }

  override _write(chunk: Buffer | string, encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.headersSent = true;
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
    done();
  }

  answer(): Promise<SdkHttpResponse> {
    return new Promise((resolve, reject) => {
      this.once('finish', () => {
        resolve({ statusCode: this.statusCode, headers: this.headers, body: Buffer.concat(this.chunks) });
        // Node's ServerResponse closes after it finishes: the runtime's activity count ends on `close`.
        setImmediate(() => this.emit('close'));
      });
      this.once('error', reject);
    });
  }
}

function pathWithQuery(request: SdkHttpRequest): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) pairs.push(one === null ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(one)}`);
  }
  return pairs.length ? `${request.path}?${pairs.join('&')}` : request.path;
}

function lowerCase(headers: Record<string, string>): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks);
  }
  throw new InProcessTransportError(`unsupported request body of type ${typeof body}`);
}
