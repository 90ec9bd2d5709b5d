import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmcContent, topTrade } from '../../connectors/tmc/sample.ts';
import { pollTmc, tmcClient } from '../../connectors/tmc/poll.ts';
import { resolveShop } from '../../connectors/shared/dispatch.ts';
import { connectorDeps } from '../../connectors/webhook/handler.ts';
import { FakeTop } from '../support/connectors/fake-top.ts';
import { policyWithConnectors } from '../support/connectors/policy.ts';
import { MINUTE, TestPlatform } from './platform.ts';

// Taobao/Tmall TMC on the real local runtime: the manifest's `tmc-poll` schedule (the scheduler
// emulator on the virtual clock, as EventBridge Scheduler on AWS) consumes messages from a fake TOP
// gateway that enforces TOP's signature and hands out every unconfirmed message again.
const CREDS = { appKey: '12497914', appSecret: 'top-e2e-secret' };
process.env.E2E_TOP_SECRET = CREDS.appSecret;
process.env.E2E_TOP_WRONG = 'not-the-secret';
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
let platform: TestPlatform;
let top: FakeTop;

beforeAll(async () => {
  top = await FakeTop.start(CREDS);
  const policyPath = policyWithConnectors([
    { platform: 'tmc', shopId: 'tmall-flagship', appId: CREDS.appKey, apiBase: top.url, secrets: { appSecret: { env: 'E2E_TOP_SECRET' } } },
    { platform: 'tmc', shopId: 'forged', appId: CREDS.appKey, apiBase: top.url, secrets: { appSecret: { env: 'E2E_TOP_WRONG' } } },
  ]);
  platform = await TestPlatform.start(MONDAY_0905, { policyPath });
}, 120_000);
afterAll(async () => {
  await platform.stop();
  await top.close();
});

const beijingNow = () => new Date(platform.clock.now() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

describe('the TMC poller on the local runtime', () => {
  it('consumes a paid trade on its schedule, opens the order with its steps and deadlines, and confirms it only then', async () => {
    top.trades.set('3000000000000001', topTrade({ tid: '3000000000000001', created: beijingNow() }));
    top.queue.set(9001, { id: 9001, topic: 'taobao_trade_TradeBuyerPay', content: tmcContent.trade('3000000000000001', 'WAIT_SELLER_SEND_GOODS'), pub_time: beijingNow() });
    await platform.advance(2 * MINUTE);
    const view = await platform.view('order-3000000000000001');
    expect(view.data).toMatchObject({ platform: 'tmc', paid: true, paymentChannel: 'alipay' });
    expect(typeof view.steps.find((s) => s.step === 'order.review')?.due).toBe('string');
    expect(top.queue.has(9001)).toBe(false);
    expect(top.calls.filter((c) => c.method === 'taobao.tmc.messages.confirm' && c.signed).length).toBeGreaterThan(0);
  });

  it('loses and doubles nothing when the poller dies after storing and before confirming: the redelivery is answered from the idempotency records', async () => {
    top.queue.set(9002, { id: 9002, topic: 'taobao_refund_RefundCreated', content: tmcContent.refund('3000000000000001', false, beijingNow()), pub_time: beijingNow() });
    const deps = connectorDeps();
    const shop = await resolveShop(deps, 'tmc', 'tmall-flagship');
    // The process is killed between the store and the confirm.
    await expect(pollTmc(deps, shop, tmcClient(shop, () => Date.now()), { beforeConfirm: () => Promise.reject(new Error('killed')) })).rejects.toThrow('killed');
    expect(top.queue.has(9002)).toBe(true);
    const casesAfterCrash = (await platform.view('order-3000000000000001')).links.map((l) => l.caseId);
    await platform.advance(2 * MINUTE);
    expect(top.queue.has(9002)).toBe(false);
    expect(top.deliveries.get(9002)).toBeGreaterThanOrEqual(2);
    const links = (await platform.view('order-3000000000000001')).links;
    expect(links.map((l) => l.caseId)).toEqual(casesAfterCrash);
    expect(links.filter((l) => l.caseType === 'cancellation')).toHaveLength(1);
  });

  it('survives kill -9 of a poller process stopped after storing and before its confirm was answered: nothing lost, nothing doubled', async () => {
    top.queue.set(9004, { id: 9004, topic: 'taobao_trade_TradeSuccess', content: tmcContent.trade('3000000000000001', 'TRADE_FINISHED'), pub_time: beijingNow() });
    const confirmReceived = new Promise<void>((resolve) => (top.holdNextConfirm = resolve));
    // A second poller process, as a Lambda container or another npm start would be, on the runtime's endpoints.
    const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), ['-e', "import('./connectors/tmc/handler.ts').then((m) => m.handler())"], { cwd: process.cwd(), env: process.env, stdio: 'ignore' });
    await confirmReceived;
    const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(top.queue.has(9004)).toBe(true);
    const delivered = (await platform.view('order-3000000000000001')).timeline.filter((t) => t.kind === 'order.delivered');
    expect(delivered).toHaveLength(1);
    await platform.advance(2 * MINUTE);
    expect(top.queue.has(9004)).toBe(false);
    expect(top.deliveries.get(9004)).toBeGreaterThanOrEqual(2);
    expect((await platform.view('order-3000000000000001')).timeline.filter((t) => t.kind === 'order.delivered')).toEqual(delivered);
  }, 60_000);

  it('leaves messages unconfirmed for a shop whose secret TOP refuses (signature checked by the gateway)', async () => {
    const deps = connectorDeps();
    const shop = await resolveShop(deps, 'tmc', 'forged');
    top.queue.set(9003, { id: 9003, topic: 'taobao_trade_TradeClose', content: tmcContent.trade('3000000000000001', 'TRADE_CLOSED'), pub_time: beijingNow() });
    await expect(pollTmc(deps, shop, tmcClient(shop, () => Date.now()))).rejects.toMatchObject({ name: 'PlatformApiFailed' });
    expect(top.calls.at(-1)).toEqual({ method: 'taobao.tmc.messages.consume', signed: false });
    top.queue.delete(9003);
  });
});
