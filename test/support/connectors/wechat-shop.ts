/**
 * WeChat Shop's side of the contract, written from WeChat's documentation (security mode) and not
 * with the connector's code: the URL verification GET, the encrypted JSON push (AES-256-CBC with
 * the EncodingAESKey, IV = its first 16 bytes, PKCS#7 to 32 bytes, plaintext = 16 random bytes ‖
 * 4-byte length ‖ message ‖ appid; msg_signature = sha1 of the sorted token, timestamp, nonce,
 * Encrypt), and an order API that answers only the shop's access token.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const sha1Sorted = (...parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');

function encrypt(message: string, appId: string, encodingAesKey: string): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(appId)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

export interface WechatKeys {
  token: string;
  encodingAesKey: string;
  appId: string;
}

export class FakeWechatShop {
  constructor(
    private readonly url: string,
    private readonly keys: WechatKeys,
  ) {}

  /** WeChat's URL verification: GET with signature, timestamp, nonce, echostr; it expects echostr back. */
  async verifyUrl(options: { token?: string } = {}): Promise<{ status: number; text: string; echostr: string }> {
    const timestamp = '1764464700';
    const nonce = '263014780';
    const echostr = '1616140317555161061';
    const signature = sha1Sorted(options.token ?? this.keys.token, timestamp, nonce);
    const res = await fetch(`${this.url}?${new URLSearchParams({ signature, timestamp, nonce, echostr }).toString()}`);
    return { status: res.status, text: await res.text(), echostr };
  }

  /** Pushes `event` (JSON) encrypted; `token` overrides the signing token (a forger). */
  async push(event: Record<string, unknown>, options: { token?: string; appId?: string } = {}): Promise<{ status: number; text: string; received: boolean; cases: string[] }> {
    const encrypted = encrypt(JSON.stringify(event), options.appId ?? this.keys.appId, this.keys.encodingAesKey);
    const timestamp = String(event.CreateTime ?? '1764464700');
    const nonce = randomBytes(6).toString('hex');
    const msg_signature = sha1Sorted(options.token ?? this.keys.token, timestamp, nonce, encrypted);
    const signature = sha1Sorted(options.token ?? this.keys.token, timestamp, nonce);
    const query = new URLSearchParams({ signature, timestamp, nonce, encrypt_type: 'aes', msg_signature }).toString();
    const res = await fetch(`${this.url}?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ToUserName: 'gh_97417a04a28d', Encrypt: encrypted }) });
    const text = await res.text();
    return { status: res.status, text, received: res.ok && text === 'success', cases: (res.headers.get('x-sla-cases') ?? '').split(',').filter(Boolean) };
  }
}

/** The order and after-sale APIs, answering errcode 40001 (invalid credential) to any other access token. */
export class FakeWechatApi {
  readonly orders = new Map<string, Record<string, unknown>>();
  readonly afterSales = new Map<string, Record<string, unknown>>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(accessToken: string): Promise<FakeWechatApi> {
    const state = { orders: new Map<string, Record<string, unknown>>(), afterSales: new Map<string, Record<string, unknown>>() };
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        res.setHeader('content-type', 'application/json');
        if (url.searchParams.get('access_token') !== accessToken) return res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        if (url.pathname === '/channels/ec/order/get') {
          const order = state.orders.get(String(body.order_id));
          return res.end(JSON.stringify(order ? { errcode: 0, errmsg: 'ok', order } : { errcode: 100002, errmsg: 'order not exist' }));
        }
        if (url.pathname === '/channels/ec/aftersale/getaftersaleorder') {
          const sale = state.afterSales.get(String(body.after_sale_order_id));
          return res.end(JSON.stringify(sale ? { errcode: 0, errmsg: 'ok', after_sale_order: sale } : { errcode: 100002, errmsg: 'not exist' }));
        }
        res.statusCode = 404;
        res.end(JSON.stringify({ errcode: 40066, errmsg: 'invalid url' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeWechatApi(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    state.orders = fake.orders;
    state.afterSales = fake.afterSales;
    return fake;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
