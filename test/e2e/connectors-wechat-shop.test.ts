import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wechatAfterSale, wechatEvent, wechatOrder } from '../../connectors/wechat-shop/sample.ts';
import { FakeWechatApi, FakeWechatShop } from '../support/connectors/wechat-shop.ts';
import { policyWithConnectors } from '../support/connectors/policy.ts';
import { MINUTE, TestPlatform } from './platform.ts';

// A WeChat Shop (微信小店) in security mode pointed at `/connectors/wechat-shop/<shopId>` of the real
// local runtime: URL verification, encrypted pushes, orders fetched from a fake WeChat API.
const KEYS = { token: 'wechat-e2e-token', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', appId: 'wx134c8103faa5a59e' };
const ACCESS_TOKEN = 'wechat-e2e-access-token';
Object.assign(process.env, { E2E_WX_TOKEN: KEYS.token, E2E_WX_AES: KEYS.encodingAesKey, E2E_WX_ACCESS: ACCESS_TOKEN });
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
let platform: TestPlatform;
let api: FakeWechatApi;
let shop: FakeWechatShop;

beforeAll(async () => {
  api = await FakeWechatApi.start(ACCESS_TOKEN);
  const policyPath = policyWithConnectors([
    { platform: 'wechat-shop', shopId: 'mini', appId: KEYS.appId, apiBase: api.url, secrets: { token: { env: 'E2E_WX_TOKEN' }, encodingAesKey: { env: 'E2E_WX_AES' }, accessToken: { env: 'E2E_WX_ACCESS' } } },
  ]);
  platform = await TestPlatform.start(MONDAY_0905, { policyPath });
  shop = new FakeWechatShop(`${platform.runtime.apiUrl}/connectors/wechat-shop/mini`, KEYS);
}, 120_000);
afterAll(async () => {
  await platform.stop();
  await api.close();
});

const now = () => platform.clock.now();

describe('WeChat Shop pushes on the local runtime', () => {
  it('passes WeChat’s URL verification, and refuses it with another token', async () => {
    const ok = await shop.verifyUrl();
    expect(ok).toMatchObject({ status: 200, text: ok.echostr });
    expect((await shop.verifyUrl({ token: 'wrong' })).status).toBe(401);
  });

  it('opens the order from an encrypted channels_ec_order_new with the order fetched from WeChat, and ends its unpaid wait on channels_ec_order_pay', async () => {
    api.orders.set('3705115058471208928', wechatOrder({ orderId: '3705115058471208928', createdAt: now(), paid: false }));
    const created = await shop.push(wechatEvent('channels_ec_order_new', now(), { order_id: '3705115058471208928' }));
    await platform.runtime.settle();
    expect(created).toMatchObject({ status: 200, text: 'success', cases: ['order-3705115058471208928'] });
    expect(await platform.openSteps('order-3705115058471208928')).toContain('order.payment');
    await platform.advance(3 * MINUTE);
    api.orders.set('3705115058471208928', wechatOrder({ orderId: '3705115058471208928', createdAt: now() - 3 * MINUTE, paid: true }));
    await shop.push(wechatEvent('channels_ec_order_pay', now(), { order_id: '3705115058471208928', pay_time: Math.floor(now() / 1000) }));
    await platform.runtime.settle();
    const view = await platform.view('order-3705115058471208928');
    expect(view.steps.find((s) => s.step === 'order.payment')?.status).toBe('completed');
    expect(typeof view.steps.find((s) => s.step === 'order.review')?.due).toBe('string');
  });

  it('opens a return case from an after-sale update of type RETURN once the order was received (channels_ec_order_confirm)', async () => {
    await shop.push(wechatEvent('channels_ec_order_confirm', now(), { order_id: '3705115058471208928' }));
    api.afterSales.set('4000000001', wechatAfterSale({ id: '4000000001', orderId: '3705115058471208928', at: now(), type: 'RETURN', status: 'MERCHANT_PROCESSING' }));
    const answer = await shop.push(wechatEvent('channels_ec_aftersale_update', now(), { after_sale_order_id: '4000000001', status: 'MERCHANT_PROCESSING' }));
    await platform.runtime.settle();
    expect(answer.received).toBe(true);
    const view = await platform.view(answer.cases[0]!);
    expect(view.type).toBe('return');
    expect(view.steps.map((s) => s.step)).toContain('return.verify');
  });

  it('answers 401 and writes nothing for a wrong msg_signature or a message for another appid', async () => {
    api.orders.set('3705115058471208999', wechatOrder({ orderId: '3705115058471208999', createdAt: now() }));
    const forged = await shop.push(wechatEvent('channels_ec_order_new', now(), { order_id: '3705115058471208999' }), { token: 'wrong' });
    const otherApp = await shop.push(wechatEvent('channels_ec_order_new', now(), { order_id: '3705115058471208999' }), { appId: 'wx_other' });
    expect([forged.status, otherApp.status]).toEqual([401, 401]);
    expect((await platform.staff('e2e-supervisor', ['supervisor']).getCase('order-3705115058471208999')).status).toBe(404);
  });
});
