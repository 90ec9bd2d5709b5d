/** A fake Shopify store posting its webhooks (shopify.ts) to the platform over HTTP; a 2xx is received, anything else is retried. */
import { randomUUID } from 'node:crypto';
import { shopifyDelivery } from './shopify.ts';

export interface Delivery {
  status: number;
  body: unknown;
  cases: string[];
}

export class FakeShopify {
  constructor(
    private readonly url: string,
    private readonly clientSecret: string,
    private readonly shopDomain = 'demo-store.myshopify.com',
  ) {}

  /** Delivers `payload` on `topic`; `webhookId` repeats a delivery (a retry); `secret` overrides the signing key (a forger). */
  async deliver(topic: string, payload: unknown, options: { webhookId?: string; secret?: string } = {}): Promise<Delivery & { webhookId: string }> {
    const webhookId = options.webhookId ?? randomUUID();
    const body = JSON.stringify(payload);
    const res = await fetch(this.url, { method: 'POST', headers: shopifyDelivery(topic, body, { secret: options.secret ?? this.clientSecret, webhookId, shopDomain: this.shopDomain }), body });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), cases: (res.headers.get('x-sla-cases') ?? '').split(',').filter(Boolean), webhookId };
  }
}
