/**
 * A Youzan push as the Youzan message push guide documents it: POST application/json, the raw body
 * signed in `Event-Sign` = md5 hex(client_id + body + client_secret), `Event-Type` and `Client-Id`
 * beside it. Signed here with node:crypto, not with the connector's code: this is Youzan's side.
 * Youzan takes a body containing `success` as received; anything else it pushes again.
 */
import { createHash } from 'node:crypto';

export function youzanDelivery(body: string | Buffer, options: { clientId: string; clientSecret: string; type: string }): Record<string, string> {
  const sign = createHash('md5').update(options.clientId).update(body).update(options.clientSecret).digest('hex');
  return { 'content-type': 'application/json', 'Event-Sign': sign, 'Event-Type': options.type, 'Client-Id': options.clientId };
}

export class FakeYouzan {
  constructor(
    private readonly url: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  /** Pushes `message`; `secret` overrides the signing secret (a forger). Retries are the caller's. */
  async push(message: Record<string, unknown>, options: { secret?: string } = {}): Promise<{ status: number; text: string; received: boolean; cases: string[] }> {
    const body = JSON.stringify(message);
    const res = await fetch(this.url, { method: 'POST', headers: youzanDelivery(body, { clientId: this.clientId, clientSecret: options.secret ?? this.clientSecret, type: String(message.type) }), body });
    const text = await res.text();
    return { status: res.status, text, received: res.ok && text.includes('success'), cases: (res.headers.get('x-sla-cases') ?? '').split(',').filter(Boolean) };
  }
}
