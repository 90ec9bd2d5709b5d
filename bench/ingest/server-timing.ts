// How long each kind of request takes inside the platform's servers during bench:ingest — the HTTP
// API's webhooks and, on the edge port, each AWS operation the handlers and emulators call — from
// arrival to the last byte of the answer. Node's http diagnostics channels report both ends, so
// neither the servers nor the request bodies are touched.
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Writable } from 'node:stream';
import { IN_PROCESS_REQUEST_CHANNEL } from '../../local/edge/in-process-handler.ts';

export interface Timing {
  count: number;
  totalMs: number;
}

export interface ServerTimings {
  /** Per kind: `DynamoDB_20120810.PutItem`, `POST /schedules`, `POST /webhooks`… */
  timings(): Record<string, Timing>;
  reset(): void;
}

/** The X-Amz-Target of JSON-protocol calls, else the method and first path segment. */
function kindOf(req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target;
  return `${req.method ?? 'GET'} /${(req.url ?? '/').split('?')[0]!.split('/')[1] ?? ''}`;
}

export function timeServerRequests(): ServerTimings {
  const started = new WeakMap<IncomingMessage, number>();
  let timings: Record<string, Timing> = {};
  subscribe('http.server.request.start', (message) => {
    started.set((message as { request: IncomingMessage }).request, performance.now());
  });
  subscribe('http.server.response.finish', (message) => {
    const { request } = message as { request: IncomingMessage };
    const began = started.get(request);
    if (began === undefined) return;
    const kind = kindOf(request);
    const timing = (timings[kind] ??= { count: 0, totalMs: 0 });
    timing.count++;
    timing.totalMs += performance.now() - began;
  });
  // The handlers' own AWS calls reach the edge in-process, without a socket: same kinds, same clock.
  subscribe(IN_PROCESS_REQUEST_CHANNEL, (message) => {
    const { request, response } = message as { request: IncomingMessage; response: Writable };
    const began = performance.now();
    response.once('finish', () => {
      const timing = (timings[kindOf(request)] ??= { count: 0, totalMs: 0 });
      timing.count++;
      timing.totalMs += performance.now() - began;
    });
  });
  return {
    timings: () => structuredClone(timings),
    reset: () => {
      timings = {};
    },
  };
}
