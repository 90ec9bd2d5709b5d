// The storefront's side of bench:peak: signed order.placed webhooks offered open-loop — request i
// goes out at start + i / rate whatever the answers so far — and each answer's latency counted
// from that scheduled instant, so queueing in the platform (or in this sender) is not hidden
// (coordinated omission).
import { Agent, request } from 'node:http';
import { SIGNATURE_HEADER, signStorefrontPayload } from '../../core/storefront/signature.ts';

export interface Order {
  eventId: string;
  orderId: string;
  placedAt: string;
  body: string;
}

export interface Answer {
  order: Order;
  /** HTTP status, or 0 when no answer came (connection refused or reset: the platform was killed). */
  status: number;
  /** From the scheduled send time to the end of the answer. */
  latencyMs: number;
  /** Why no answer came (status 0): the socket error's code, e.g. ECONNRESET, ECONNREFUSED. */
  error?: string;
}

/** `count` order.placed bodies, placed at their scheduled send times (the storefront's clock at placement). */
export function orders(prefix: string, count: number, start: number, rate: number): Order[] {
  return Array.from({ length: count }, (_, i) => {
    const placedAt = new Date(start + (i * 1000) / rate).toISOString();
    const eventId = `evt-${prefix}-${i}`;
    const orderId = `SO-${prefix}-${i}`;
    const body = JSON.stringify({
      id: eventId,
      type: 'order.placed',
      occurredAt: placedAt,
      data: { orderId, placedAt, paid: true, customer: { name: '李四', phone: '13900000000' }, address: '杭州', items: [{ sku: 'S1', name: 'Phone', qty: 1, price: 1999 }], paymentChannel: 'alipay' },
    });
    return { eventId, orderId, placedAt, body };
  });
}

export interface OfferOptions {
  url: string;
  secret: string;
  orders: Order[];
  /** Epoch ms of the first send. */
  start: number;
  /** Requests per second. */
  rate: number;
  /** Called before sending request `i`; returning false stops the offer there (the kill -9 run). */
  beforeSend?: (i: number) => boolean | Promise<boolean>;
  /** Hears each answer as it comes. */
  onAnswer?: (answer: Answer) => void;
}

/** Offers every order on schedule (or until `beforeSend` stops it); resolves with the answers of those offered. */
export async function offer(options: OfferOptions): Promise<Answer[]> {
  const url = new URL('/webhooks/storefront', options.url);
  // Enough sockets for a second of answers in flight; beyond that requests wait here, and the wait counts.
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const answers: Promise<Answer>[] = [];
  let next = 0;
  try {
    while (next < options.orders.length) {
      const now = Date.now();
      const due = Math.min(options.orders.length, Math.floor(((now - options.start) * options.rate) / 1000) + 1);
      while (next < due) {
        if (options.beforeSend && !(await options.beforeSend(next))) return await Promise.all(answers);
        const order = options.orders[next]!;
        const answer = send(agent, url, options.secret, order, options.start + (next * 1000) / options.rate);
        if (options.onAnswer) void answer.then(options.onAnswer);
        answers.push(answer);
        next++;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return await Promise.all(answers);
  } finally {
    agent.destroy();
  }
}

function send(agent: Agent, url: URL, secret: string, order: Order, scheduledAt: number): Promise<Answer> {
  // Signed just in time: `t` stays inside the 300 s window however long the run.
  const signature = signStorefrontPayload({ secret, timestamp: Math.floor(Date.now() / 1000), body: order.body });
  return new Promise((resolve) => {
    const done = (status: number, error?: Error): void => resolve({ order, status, latencyMs: Date.now() - scheduledAt, ...(error ? { error: (error as NodeJS.ErrnoException).code ?? error.message } : {}) });
    const req = request(url, { agent, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(order.body), [SIGNATURE_HEADER]: signature } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', (error) => done(0, error));
    });
    req.on('error', (error) => done(0, error));
    req.end(order.body);
  });
}
