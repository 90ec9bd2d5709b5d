/**
 * An AWS SDK request handler for handlers running in a worker thread: each request the SDK has
 * built and signed is posted, as bytes, to the main thread, which hands it to the edge exactly as
 * the in-process transport does (local/edge/in-process-handler.ts) and posts the answer back. The
 * SDK's building, signing and parsing stay in the worker; the edge sees the same request as over a
 * socket (SigV4 checked, routed, counted).
 */
import { Readable } from 'node:stream';
import type { SdkHttpRequest, SdkHttpResponse } from '../../edge/in-process-handler.ts';
import type { AwsAnswer, AwsRequest } from './messages.ts';

/** Posts a request to the main thread. */
export type PostRequest = (request: AwsRequest, transfer: ArrayBuffer[]) => void;

export class PortRequestHandler {
  /** Read by the SDK when it merges handler settings; this transport has none. */
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (response: SdkHttpResponse) => void; reject: (error: Error) => void }>();

  constructor(private readonly post: PostRequest) {}

  async handle(request: SdkHttpRequest): Promise<{ response: SdkHttpResponse }> {
    const body = await bodyBytes(request.body);
    const id = this.nextId++;
    const answered = new Promise<SdkHttpResponse>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    const { method, protocol, hostname, port, path, query, headers } = request;
    this.post({ kind: 'aws', id, request: { method, protocol, hostname, port, path, query, headers, body } }, body.byteLength ? [body.buffer as ArrayBuffer] : []);
    return { response: await answered };
  }

  /** The main thread's answer to request `id`. */
  answer(message: AwsAnswer): void {
    const waiter = this.waiting.get(message.id);
    if (!waiter) return;
    this.waiting.delete(message.id);
    if (message.error) {
      const error = new Error(message.error.message);
      error.name = message.error.name;
      waiter.reject(error);
    } else waiter.resolve(message.response!);
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

/** The body as its own bytes (transferred, so it must not share a buffer with anything else). */
async function bodyBytes(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body.slice();
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return new Uint8Array(Buffer.concat(chunks));
  }
  throw new TypeError(`unsupported request body of type ${typeof body}`);
}
