import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { youzanRefundCreated, youzanTradeBuyerPay, youzanTradeCreate, youzanTradeSuccess } from '../../connectors/youzan/sample.ts';
import { FakeYouzan } from '../support/connectors/youzan.ts';
import { policyWithConnectors } from '../support/connectors/policy.ts';
import { MINUTE, TestPlatform } from './platform.ts';

// A Youzan (有赞) shop pushing to `POST /connectors/youzan/<shopId>` of the real local runtime: its
// documented messages, signed as Youzan signs them, open and move cases as our own webhook would,
// and each answer is Youzan's {"code":0,"msg":"success"} only once the case is stored.
const CLIENT_ID = 'b8fca94e508ac942de';
const SECRET = 'youzan-e2e-client-secret';
process.env.E2E_YOUZAN_SECRET = SECRET;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
let platform: TestPlatform;
let youzan: FakeYouzan;

beforeAll(async () => {
  const policyPath = policyWithConnectors([{ platform: 'youzan', shopId: 'wsc-1', appId: CLIENT_ID, secrets: { clientSecret: { env: 'E2E_YOUZAN_SECRET' } } }]);
  platform = await TestPlatform.start(MONDAY_0905, { policyPath });
  youzan = new FakeYouzan(`${platform.runtime.apiUrl}/connectors/youzan/wsc-1`, CLIENT_ID, SECRET);
}, 120_000);
afterAll(() => platform.stop());

/** The platform's time as Youzan writes it: Beijing wall clock. */
const beijingNow = () => new Date(platform.clock.now() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
const o = (tid: string, extra: { version?: number; msgId?: string; test?: boolean } = {}) => ({ clientId: CLIENT_ID, tid, at: beijingNow(), ...extra });

describe('Youzan pushes on the local runtime', () => {
  it('opens the order case with its unpaid wait from trade_TradeCreate and ends it on trade_TradeBuyerPay, answering success each time', async () => {
    const created = await youzan.push(youzanTradeCreate(o('E1001')));
    await platform.runtime.settle();
    expect(created).toMatchObject({ status: 200, text: '{"code":0,"msg":"success"}', cases: ['order-E1001'] });
    expect(await platform.openSteps('order-E1001')).toContain('order.payment');
    await platform.advance(5 * MINUTE);
    const paid = await youzan.push(youzanTradeBuyerPay(o('E1001')));
    await platform.runtime.settle();
    expect(paid.received).toBe(true);
    const view = await platform.view('order-E1001');
    expect(view.steps.find((s) => s.step === 'order.payment')?.status).toBe('completed');
    expect(typeof view.steps.find((s) => s.step === 'order.review')?.due).toBe('string');
  });

  it('acknowledges a test message (test: true) and writes nothing', async () => {
    const answer = await youzan.push(youzanTradeCreate(o('E1002', { test: true })));
    expect(answer).toMatchObject({ received: true, cases: [] });
    expect((await platform.staff('e2e-supervisor', ['supervisor']).getCase('order-E1002')).status).toBe(404);
  });

  it('never lets a late, lower version of a message type overwrite a newer one: the older delivery is acknowledged and skipped', async () => {
    await youzan.push(youzanTradeBuyerPay(o('E1003')));
    const newer = await youzan.push(youzanTradeSuccess({ ...o('E1003'), at: '2026-11-30 09:06:00', version: 300 }));
    const older = await youzan.push(youzanTradeSuccess({ ...o('E1003'), at: '2026-11-30 09:05:30', version: 200 }));
    await platform.runtime.settle();
    expect(newer.cases).toEqual(['order-E1003']);
    expect(older).toMatchObject({ received: true, cases: [] });
    const delivered = (await platform.view('order-E1003')).timeline.find((t) => t.kind === 'order.delivered');
    expect(delivered?.detail?.deliveredAt).toBe('2026-11-30T09:06:00+08:00');
  });

  it('applies a redelivered msg_id once and opens a return case from youzan_trade_RefundCreated (msg as an object)', async () => {
    const refund = youzanRefundCreated(o('E1003', { msgId: 'refund-msg-1' }));
    const first = await youzan.push(refund);
    const again = await youzan.push({ ...refund, sendCount: 1 });
    await platform.runtime.settle();
    expect(first.received).toBe(true);
    expect(again.cases).toEqual(first.cases);
    const view = await platform.view(first.cases[0]!);
    expect(view.type).toBe('return');
    expect(view.steps.map((s) => s.step)).toContain('return.verify');
  });

  it('answers 401, not success, and writes nothing for a wrong Event-Sign or an unknown shop', async () => {
    const forged = await youzan.push(youzanTradeCreate(o('E1004')), { secret: 'wrong' });
    expect(forged.status).toBe(401);
    expect(forged.received).toBe(false);
    const stranger = await new FakeYouzan(`${platform.runtime.apiUrl}/connectors/youzan/other`, CLIENT_ID, SECRET).push(youzanTradeCreate(o('E1004')));
    expect(stranger.status).toBe(401);
    expect((await platform.staff('e2e-supervisor', ['supervisor']).getCase('order-E1004')).status).toBe(404);
  });
});
