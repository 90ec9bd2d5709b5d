/**
 * Douyin Shop's side of the contract, written from its documentation rather than from the connector:
 * - a push: POST, the body a JSON array of `{tag, msg_id, data}` (`data` a JSON string), signed in
 *   `event-sign` = md5 hex(app_key + body + app_secret); `{"code":0,...}` with `success` is received;
 * - the open API (`FakeDouyinApi`): `POST /order/orderDetail` that answers only a request whose
 *   `app_key`, `access_token`, `v=2`, `sign_method=hmac-sha256`, fresh `timestamp` and `sign`
 *   (hex HMAC-SHA256, keyed by app_secret, of app_secret + "app_key"… + "method"… + "param_json"… +
 *   "timestamp"… + "v"… + app_secret) are right, else `err_no` 40004 as Douyin answers a bad sign.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export function douyinPushHeaders(body: string | Buffer, appKey: string, appSecret: string): Record<string, string> {
  return { 'content-type': 'application/json', 'event-sign': createHash('md5').update(appKey).update(body).update(appSecret).digest('hex'), 'app-id': appKey };
}

export class FakeDouyinPusher {
  constructor(
    private readonly url: string,
    private readonly appKey: string,
    private readonly appSecret: string,
  ) {}

  async push(messages: { tag: string; msg_id: string; data: Record<string, unknown> }[], options: { secret?: string } = {}): Promise<{ status: number; text: string; received: boolean; cases: string[] }> {
    const body = JSON.stringify(messages.map((m) => ({ ...m, data: JSON.stringify(m.data) })));
    const res = await fetch(this.url, { method: 'POST', headers: douyinPushHeaders(body, this.appKey, options.secret ?? this.appSecret), body });
    const text = await res.text();
    return { status: res.status, text, received: res.ok && text.includes('success'), cases: (res.headers.get('x-sla-cases') ?? '').split(',').filter(Boolean) };
  }
}

export class FakeDouyinApi {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly orders: Map<string, Record<string, unknown>>,
    /** Every call, and whether its signature held. */
    readonly calls: { method: string; signed: boolean; shopOrderId?: string }[],
  ) {}

  static async start(options: { appKey: string; appSecret: string; accessToken: string }): Promise<FakeDouyinApi> {
    const orders = new Map<string, Record<string, unknown>>();
    const calls: { method: string; signed: boolean; shopOrderId?: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const q = Object.fromEntries(url.searchParams);
        const paramJson = Buffer.concat(chunks).toString('utf8');
        const expected = createHmac('sha256', options.appSecret)
          .update(`${options.appSecret}app_key${q.app_key ?? ''}method${q.method ?? ''}param_json${paramJson}timestamp${q.timestamp ?? ''}v${q.v ?? ''}${options.appSecret}`)
          .digest('hex');
        const fresh = Math.abs(Date.now() / 1000 - Number(q.timestamp)) < 600;
        const signed = req.method === 'POST' && q.app_key === options.appKey && q.access_token === options.accessToken && q.v === '2' && q.sign_method === 'hmac-sha256' && fresh && q.sign === expected && url.pathname === `/${(q.method ?? '').replace(/\./g, '/')}`;
        const params = (() => {
          try {
            return JSON.parse(paramJson) as Record<string, unknown>;
          } catch {
            return {};
          }
        })();
        calls.push({ method: q.method ?? '', signed, ...(typeof params.shop_order_id === 'string' ? { shopOrderId: params.shop_order_id } : {}) });
        res.setHeader('content-type', 'application/json');
        if (!signed) return res.end(JSON.stringify({ err_no: 40004, message: '签名错误', data: null }));
        const order = orders.get(String(params.shop_order_id));
        res.end(JSON.stringify(order ? { err_no: 0, message: 'success', data: { shop_order_detail: order } } : { err_no: 50002, message: '订单不存在', data: null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeDouyinApi(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, orders, calls);
  }

  /** An order as order.orderDetail returns it (`shop_order_detail`). */
  addOrder(order: Record<string, unknown>): void {
    this.orders.set(String(order.order_id), order);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
