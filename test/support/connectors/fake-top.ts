/**
 * A fake TOP gateway for TMC, written from the TOP documentation and not with the connector's
 * code: it answers only requests whose `sign` is right (sorted parameters, name+value concatenated,
 * md5(secret + … + secret) or HMAC-MD5, upper-case hex; error 25 "Invalid signature" otherwise),
 * serves `taobao.tmc.messages.consume` (every unconfirmed message, again and again until confirmed
 * — TMC's redelivery), `taobao.tmc.messages.confirm` and `taobao.trade.fullinfo.get`.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TmcMessage {
  id: number;
  topic: string;
  content: Record<string, unknown>;
  pub_time: string;
}

export class FakeTop {
  readonly queue = new Map<number, TmcMessage>();
  readonly trades = new Map<string, Record<string, unknown>>();
  readonly calls: { method: string; signed: boolean }[] = [];
  /** How many times each message was handed out. */
  readonly deliveries = new Map<number, number>();
  /** When set, the next confirm is received but never answered (its caller hangs) and this is called. */
  holdNextConfirm: (() => void) | undefined;
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: { appKey: string; appSecret: string }): Promise<FakeTop> {
    let self: { fake?: FakeTop } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const p = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        const text = Object.keys(p).filter((k) => k !== 'sign').sort().map((k) => `${k}${p[k]}`).join('');
        const expected = (p.sign_method === 'hmac' ? createHmac('md5', options.appSecret).update(text) : createHash('md5').update(`${options.appSecret}${text}${options.appSecret}`)).digest('hex').toUpperCase();
        const signed = p.app_key === options.appKey && p.v === '2.0' && (p.sign_method === 'md5' || p.sign_method === 'hmac') && p.sign === expected;
        const fake = self.fake!;
        fake.calls.push({ method: p.method ?? '', signed });
        res.setHeader('content-type', 'application/json');
        if (!signed) return res.end(JSON.stringify({ error_response: { code: 25, msg: 'Invalid signature' } }));
        if (p.method === 'taobao.tmc.messages.confirm' && fake.holdNextConfirm) {
          const held = fake.holdNextConfirm;
          fake.holdNextConfirm = undefined;
          return held(); // nothing confirmed, no answer
        }
        res.end(JSON.stringify(fake.answer(p)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeTop(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest`);
    self = { fake };
    return fake;
  }

  private answer(p: Record<string, string>): unknown {
    switch (p.method) {
      case 'taobao.tmc.messages.consume': {
        const out = [...this.queue.values()].slice(0, Number(p.quantity ?? 100));
        for (const m of out) this.deliveries.set(m.id, (this.deliveries.get(m.id) ?? 0) + 1);
        return { tmc_messages_consume_response: { messages: { tmc_message: out.map((m) => ({ ...m, content: JSON.stringify(m.content), user_nick: 'demo_shop', pub_app_key: '12497914' })) } } };
      }
      case 'taobao.tmc.messages.confirm':
        for (const id of (p.s_message_ids ?? '').split(',').filter(Boolean)) this.queue.delete(Number(id));
        return { tmc_messages_confirm_response: { is_success: true } };
      case 'taobao.trade.fullinfo.get': {
        const trade = this.trades.get(p.tid ?? '');
        return trade ? { trade_fullinfo_get_response: { trade } } : { error_response: { code: 15, msg: 'Remote service error', sub_msg: 'trade not found' } };
      }
      default:
        return { error_response: { code: 22, msg: 'Invalid method' } };
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
