import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { douyinData, douyinOrderDetail } from '../../connectors/douyin/sample.ts';
import { FakeDouyinApi, FakeDouyinPusher } from '../support/connectors/douyin.ts';
import { policyWithConnectors } from '../support/connectors/policy.ts';
import { HOUR, MINUTE, TestPlatform } from './platform.ts';

// A Douyin shop (抖店) pushing to `POST /connectors/douyin/<shopId>` of the real local runtime: the
// push carries ids, so the connector fetches each new order through order.orderDetail from a fake
// Douyin open API that checks the documented signature; cases, steps and deadlines appear as if
// our own webhook had been sent, and Douyin's own deadline changes (tags 126, 209) are recorded.
const CREDS = { appKey: '7089465136418', appSecret: 'douyin-e2e-secret', accessToken: 'douyin-e2e-token' };
process.env.E2E_DOUYIN_SECRET = CREDS.appSecret;
process.env.E2E_DOUYIN_TOKEN = CREDS.accessToken;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
let platform: TestPlatform;
let api: FakeDouyinApi;
let douyin: FakeDouyinPusher;

beforeAll(async () => {
  api = await FakeDouyinApi.start(CREDS);
  const policyPath = policyWithConnectors([
    { platform: 'douyin', shopId: 'flagship', appId: CREDS.appKey, apiBase: api.url, secrets: { appSecret: { env: 'E2E_DOUYIN_SECRET' }, accessToken: { env: 'E2E_DOUYIN_TOKEN' } } },
  ]);
  platform = await TestPlatform.start(MONDAY_0905, { policyPath });
  douyin = new FakeDouyinPusher(`${platform.runtime.apiUrl}/connectors/douyin/flagship`, CREDS.appKey, CREDS.appSecret);
}, 120_000);
afterAll(async () => {
  await platform.stop();
  await api.close();
});

const now = () => platform.clock.now();

describe('Douyin Shop pushes on the local runtime', () => {
  it('opens the order from tag 100 with details fetched through a signed order.orderDetail, and ends its unpaid wait on tag 101', async () => {
    api.addOrder(douyinOrderDetail({ orderId: '6900000000000000001', createdAt: now(), paid: false }));
    const created = await douyin.push([{ tag: '100', msg_id: 'dy-m-1', data: douyinData.tradeCreate('6900000000000000001', now()) }]);
    await platform.runtime.settle();
    expect(created).toMatchObject({ status: 200, text: '{"code":0,"msg":"success"}', cases: ['order-6900000000000000001'] });
    expect(api.calls.at(-1)).toEqual({ method: 'order.orderDetail', signed: true, shopOrderId: '6900000000000000001' });
    expect(await platform.openSteps('order-6900000000000000001')).toContain('order.payment');
    await platform.advance(5 * MINUTE);
    api.addOrder(douyinOrderDetail({ orderId: '6900000000000000001', createdAt: now() - 5 * MINUTE, paid: true }));
    await douyin.push([{ tag: '101', msg_id: 'dy-m-2', data: douyinData.tradePaid('6900000000000000001', now()) }]);
    await platform.runtime.settle();
    const view = await platform.view('order-6900000000000000001');
    expect(view.steps.find((s) => s.step === 'order.payment')?.status).toBe('completed');
    expect(typeof view.steps.find((s) => s.step === 'order.review')?.due).toBe('string');
  });

  it('records Douyin’s own ship-by change (tag 126) on the order’s case beside our deadlines', async () => {
    const shipBy = now() + 72 * HOUR;
    const answer = await douyin.push([{ tag: '126', msg_id: 'dy-m-3', data: douyinData.shipTimeChanged('6900000000000000001', shipBy) }]);
    expect(answer.cases).toEqual(['order-6900000000000000001']);
    const entry = (await platform.view('order-6900000000000000001')).timeline.find((t) => t.kind === 'platform.deadline');
    expect(entry?.detail).toMatchObject({ platform: 'douyin', deadline: 'ship-by', source: 'douyin tag 126' });
    // The staff API shows it in Beijing time, as our own deadlines.
    expect(entry?.detail?.due).toMatch(/\+08:00$/);
    expect(Date.parse(String(entry?.detail?.due))).toBe(Math.floor(shipBy / 1000) * 1000);
  });

  it('opens a return case from tag 200 after delivery (tag 103), one message of a batch each, and dedupes a redelivered batch', async () => {
    const batch = [
      { tag: '103', msg_id: 'dy-m-4', data: douyinData.tradeSuccess('6900000000000000001', now()) },
      { tag: '200', msg_id: 'dy-m-5', data: douyinData.refundCreated('6900000000000000001', now(), 0) },
      { tag: '102', msg_id: 'dy-m-6', data: { p_id: '6900000000000000001' } },
    ];
    const first = await douyin.push(batch);
    const again = await douyin.push(batch);
    await platform.runtime.settle();
    expect(first.received).toBe(true);
    expect(again.cases).toEqual(first.cases);
    const returnCase = first.cases.find((c) => c.startsWith('return-'));
    expect(returnCase).toBeDefined();
    expect((await platform.view(returnCase!)).steps.map((s) => s.step)).toContain('return.verify');
  });

  it('answers 401 for a wrong event-sign and calls no API; a 502 when Douyin’s API refuses, so Douyin pushes again', async () => {
    const calls = api.calls.length;
    const forged = await douyin.push([{ tag: '100', msg_id: 'dy-m-7', data: douyinData.tradeCreate('6900000000000000002', now()) }], { secret: 'wrong' });
    expect(forged.status).toBe(401);
    expect(api.calls.length).toBe(calls);
    const unknownOrder = await douyin.push([{ tag: '100', msg_id: 'dy-m-8', data: douyinData.tradeCreate('6900000000000000009', now()) }]);
    expect(unknownOrder).toMatchObject({ status: 502, received: false });
    expect((await platform.staff('e2e-supervisor', ['supervisor']).getCase('order-6900000000000000009')).status).toBe(404);
  });
});
