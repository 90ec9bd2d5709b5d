// The load generator of bench:ingest, run in its own process (bench/ingest/loader.ts forks it) so
// that it does not share the platform's event loop: autocannon sends signed order.placed webhooks,
// each with a fresh event id and order id, a fixed number of them over a bounded set of connections.
import autocannon from 'autocannon';
import { SIGNATURE_HEADER, signStorefrontPayload } from '../../core/storefront/signature.ts';

export interface LoadRequest {
  url: string;
  secret: string;
  connections: number;
  /** Requests to send in all; every one is awaited, so the server sees exactly this many. */
  amount: number;
  /** Makes event and order ids unique across the runs of one bench. */
  prefix: string;
}

export interface LoadSummary {
  requests: number;
  accepted: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  seconds: number;
  latencyMs: { p50: number; p99: number; max: number; mean: number };
  cpuMs: number;
}

export type LoadMessage = { summary: LoadSummary } | { error: string };

/** The body of the e2e test's order, with this request's ids and the current time. */
function orderPlaced(prefix: string, n: number): string {
  const placedAt = new Date().toISOString();
  return JSON.stringify({
    id: `evt-${prefix}-${n}`,
    type: 'order.placed',
    occurredAt: placedAt,
    data: {
      orderId: `SO-${prefix}-${n}`,
      placedAt,
      paid: true,
      customer: { name: '李四', phone: '13900000000' },
      address: '杭州',
      items: [{ sku: 'S1', name: 'Phone', qty: 1, price: 1999 }],
      paymentChannel: 'alipay',
    },
  });
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function run(request: LoadRequest): Promise<LoadSummary> {
  let sent = 0;
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${request.url}/webhooks/storefront`,
        connections: request.connections,
        amount: request.amount,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            // Signed per request: the signature covers the body, and each body needs its own ids.
            setupRequest: (req) => {
              const body = orderPlaced(request.prefix, sent++);
              const signature = signStorefrontPayload({ secret: request.secret, timestamp: Math.floor(Date.now() / 1000), body });
              return { ...req, body, headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature } };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const sorted = Float64Array.from(latencies).sort();
        const used = process.cpuUsage(cpu);
        resolve({
          requests: latencies.length + result.errors,
          accepted: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0])),
          seconds: result.duration,
          latencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, mean: latencies.reduce((a, b) => a + b, 0) / latencies.length },
          cpuMs: (used.user + used.system) / 1000,
        });
      },
    );
    // autocannon's own histogram keeps whole milliseconds; the event carries the exact time.
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

process.on('message', (message: LoadRequest) => {
  run(message).then(
    (summary) => process.send?.({ summary } satisfies LoadMessage),
    (error: unknown) => process.send?.({ error: String(error) } satisfies LoadMessage),
  );
});
process.on('disconnect', () => process.exit(0));
