import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopifyFulfillment, shopifyOrder, shopifyRefund, shopifyReturnRequest } from '../../connectors/shopify/sample.ts';
import { FakeShopify } from '../support/connectors/fake-shopify.ts';
import { policyWithConnectors } from '../support/connectors/policy.ts';
import { MINUTE, TestPlatform } from './platform.ts';

// A Shopify store pointed at `POST /connectors/shopify/<shopId>` of the real local runtime: its
// documented webhooks (signed as Shopify signs them) open and move cases as our own webhook would.
const SECRET = 'shpss_e2e_client_secret';
process.env.E2E_SHOPIFY_SECRET = SECRET;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
let platform: TestPlatform;
let shopify: FakeShopify;

beforeAll(async () => {
  const policyPath = policyWithConnectors([{ platform: 'shopify', shopId: 'demo-store', secrets: { clientSecret: { env: 'E2E_SHOPIFY_SECRET' } } }]);
  platform = await TestPlatform.start(MONDAY_0905, { policyPath });
  shopify = new FakeShopify(`${platform.runtime.apiUrl}/connectors/shopify/demo-store`, SECRET);
}, 120_000);
afterAll(() => platform.stop());

const now = () => new Date(platform.clock.now()).toISOString();

describe('Shopify webhooks on the local runtime', () => {
  it('opens the order case with its review step and deadline from orders/create, as order.placed would', async () => {
    const answer = await shopify.deliver('orders/create', shopifyOrder({ orderId: 5001, at: now() }));
    await platform.runtime.settle();
    expect(answer).toMatchObject({ status: 200, cases: ['order-5001'] });
    const view = await platform.view('order-5001');
    expect(view.type).toBe('order');
    expect(view.data).toMatchObject({ orderId: '5001', paid: true, paymentChannel: 'alipay', platform: 'shopify' });
    const review = view.steps.find((s) => s.step === 'order.review');
    expect(review?.status).toBe('open');
    expect(typeof review?.due).toBe('string');
  });

  it('applies a delivery once per X-Shopify-Webhook-Id: a retry replays the case, and the id is never applied to anything else', async () => {
    const first = await shopify.deliver('orders/create', shopifyOrder({ orderId: 5002, at: now() }));
    const retry = await shopify.deliver('orders/create', shopifyOrder({ orderId: 5002, at: now() }), { webhookId: first.webhookId });
    const sameIdOtherOrder = await shopify.deliver('orders/create', shopifyOrder({ orderId: 5099, at: now() }), { webhookId: first.webhookId });
    await platform.runtime.settle();
    expect([first.status, retry.status, sameIdOtherOrder.status]).toEqual([200, 200, 200]);
    expect(retry.cases).toEqual(['order-5002']);
    expect(sameIdOtherOrder.cases).toEqual([]);
    expect((await platform.staff('e2e-supervisor', ['supervisor']).getCase('order-5099')).status).toBe(404);
  });

  it('ends the unpaid wait of an order created unpaid when orders/paid arrives', async () => {
    await shopify.deliver('orders/create', shopifyOrder({ orderId: 5003, at: now(), paid: false }));
    await platform.runtime.settle();
    expect(await platform.openSteps('order-5003')).toContain('order.payment');
    await platform.advance(10 * MINUTE);
    const paid = await shopify.deliver('orders/paid', { ...shopifyOrder({ orderId: 5003, at: now() }), created_at: MONDAY_0905 });
    await platform.runtime.settle();
    expect(paid.status).toBe(200);
    const payment = (await platform.view('order-5003')).steps.find((s) => s.step === 'order.payment');
    expect(payment?.status).toBe('completed');
  });

  it('opens a return case from returns/request once the order was delivered (fulfillments/update, shipment_status delivered), and records refunds/create on it', async () => {
    await shopify.deliver('orders/create', shopifyOrder({ orderId: 5004, at: now() }));
    const inTransit = await shopify.deliver('fulfillments/create', shopifyFulfillment(5004, now(), 'in_transit'));
    expect(inTransit.status).toBe(200);
    expect(inTransit.cases).toEqual([]);
    const delivered = await shopify.deliver('fulfillments/update', shopifyFulfillment(5004, now()));
    expect(delivered.cases).toEqual(['order-5004']);
    const returned = await shopify.deliver('returns/request', shopifyReturnRequest(5004, now()));
    await platform.runtime.settle();
    expect(returned.status).toBe(200);
    const returnCase = returned.cases[0]!;
    const view = await platform.view(returnCase);
    expect(view.type).toBe('return');
    expect(view.steps.map((s) => s.step)).toContain('return.verify');
    expect(typeof view.steps.find((s) => s.step === 'return.verify')?.due).toBe('string');
    const refund = await shopify.deliver('refunds/create', shopifyRefund(5004, now()));
    expect(refund).toMatchObject({ status: 200, cases: [returnCase] });
  });

  it('answers 401 and writes nothing for a wrong signature or an unknown shop', async () => {
    const forged = await shopify.deliver('orders/create', shopifyOrder({ orderId: 5005, at: now() }), { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: { code: 'ConnectorSignatureInvalid' } });
    const stranger = new FakeShopify(`${platform.runtime.apiUrl}/connectors/shopify/other-store`, SECRET);
    const unknown = await stranger.deliver('orders/create', shopifyOrder({ orderId: 5005, at: now() }));
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: { code: 'UnknownShop' } });
    const missing = await platform.staff('e2e-supervisor', ['supervisor']).getCase('order-5005');
    expect(missing.status).toBe(404);
  });

  it('acknowledges a topic it does not map, and logs it, without a case', async () => {
    const answer = await shopify.deliver('products/update', { id: 1, title: 'Phone' });
    expect(answer.status).toBe(200);
    expect(answer.cases).toEqual([]);
  });
});
