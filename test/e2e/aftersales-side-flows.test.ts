/**
 * After-sales side flows (issue 22 item 8; service-standards.md §12 "Side flows", seed §4.1–§4.2) on
 * the real runtime with a virtual clock: the repair-centre referral of a `damage` outcome and its
 * follow-up, damaged stock (报损库) collected by its supplier every Monday 10:00, and the amount a
 * CRM unbinding deducts. The tests run in order on one platform whose clock only moves forward.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../local/demo/platform-client.ts';
import { orderPlaced } from '../support/orders.ts';
import { MINUTE, TestPlatform } from './platform.ts';

let platform: TestPlatform;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
}, 120_000);
afterAll(() => platform.stop());

const opsCs = () => platform.staff('olivia', ['ops-cs']);
const crmAdmin = () => platform.staff('carl', ['crm-admin']);
const inventoryAdmin = () => platform.staff('ivan', ['inventory-admin']);
const now = (): string => new Date(platform.clock.now()).toISOString();
const stepOf = (view: CaseView, step: string) => view.steps.find((s) => s.step === step);

let orders = 0;
/** A delivered order and a return (or exchange) request for it. */
async function request(kind: 'return' | 'exchange'): Promise<string> {
  const orderId = `SO-SIDE-${++orders}`;
  expect((await platform.storefront('order.placed', orderPlaced(orderId, platform.clock.now()))).status).toBe(202);
  expect((await platform.storefront('order.delivered', { orderId, deliveredAt: now() })).status).toBe(202);
  const { status, caseId } = await platform.storefront(kind === 'return' ? 'order.return-requested' : 'order.exchange-requested', { orderId, reason: '屏幕摔裂' });
  expect(status).toBe(202);
  return caseId!;
}

/** A confirmed return whose goods came back, ready for inspection. */
async function returnedGoods(): Promise<string> {
  const caseId = await request('return');
  await platform.complete(opsCs(), caseId, 'return.verify', { outcome: 'insist' });
  await platform.complete(opsCs(), caseId, 'return.refund');
  await platform.complete(crmAdmin(), caseId, 'return.crm-unbind', { fields: { deductedAmount: 0 } });
  await platform.storefront('goods.received', { caseId, receivedAt: now() });
  return caseId;
}

describe('a damage outcome: "(如是人为损坏)…可以帮您联系维修中心" (seed l.496, l.562)', () => {
  it('refuses a damage outcome without the repair referral (400 naming body.fields.repairReferral), and a referral with another outcome', async () => {
    const caseId = await request('return');
    const missing = await opsCs().complete(caseId, 'return.verify', { outcome: 'damage', fields: { checklist: checklist() } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('body.fields.repairReferral');
    const stray = await opsCs().complete(caseId, 'return.verify', { outcome: 'insist', fields: { checklist: checklist(), repairReferral: { centre: '维修中心' } } });
    expect(stray.status).toBe(400);
    expect(JSON.stringify(stray.body)).toContain('only goes with the outcome damage');
    expect(await platform.openSteps(caseId)).toEqual(['return.verify']);
  });

  it('records the referral and opens aftersales.repair-followup for ops-cs by 17:00 the next working day; its completion closes the return rejected', async () => {
    const caseId = await request('return');
    const referral = { centre: '南宁华为授权维修中心', note: '客户明天上午送修' };
    await platform.complete(opsCs(), caseId, 'return.verify', { outcome: 'damage', fields: { repairReferral: referral } });
    const referred = await platform.view(caseId);
    expect(stepOf(referred, 'return.verify')).toMatchObject({ outcome: 'damage', fields: { repairReferral: referral } });
    // Monday 09:05 → Tuesday 2026-12-01, a working day, 17:00.
    expect(stepOf(referred, 'aftersales.repair-followup')).toMatchObject({ status: 'open', role: 'ops-cs', due: '2026-12-01T17:00:00+08:00' });
    expect(referred.status).toBe('open');

    await platform.complete(opsCs(), caseId, 'aftersales.repair-followup', { fields: { notes: '已送修' } });
    expect((await platform.view(caseId)).status).toBe('rejected');
  });

  it('an exchange refused for damage is referred and followed up the same way', async () => {
    const caseId = await request('exchange');
    await platform.complete(opsCs(), caseId, 'exchange.verify', { outcome: 'damage', fields: { repairReferral: { centre: '小米之家维修点' } } });
    expect(stepOf(await platform.view(caseId), 'aftersales.repair-followup')).toMatchObject({ status: 'open', role: 'ops-cs', due: '2026-12-01T17:00:00+08:00' });
  });
});

describe('the CRM unbinding deducts what was used: "并扣除相应的使用掉的款项" (seed l.526)', () => {
  it.each([
    ['missing', {}, 'is required'],
    ['negative', { deductedAmount: -5 }, 'must not be negative'],
    ['not a number', { deductedAmount: '12元' }, 'expected an amount in yuan'],
  ])('refuses a return.crm-unbind with the amount %s (400 naming body.fields.deductedAmount)', async (_what, fields, message) => {
    const caseId = await request('return');
    await platform.complete(opsCs(), caseId, 'return.verify', { outcome: 'insist' });
    const answer = await crmAdmin().complete(caseId, 'return.crm-unbind', { fields });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('body.fields.deductedAmount');
    expect(JSON.stringify(answer.body)).toContain(message);
  });

  it('records the yuan deducted on the step', async () => {
    const caseId = await request('return');
    await platform.complete(opsCs(), caseId, 'return.verify', { outcome: 'insist' });
    await platform.complete(crmAdmin(), caseId, 'return.crm-unbind', { fields: { deductedAmount: 36.5 } });
    expect(stepOf(await platform.view(caseId), 'return.crm-unbind')).toMatchObject({ status: 'completed', fields: { deductedAmount: 36.5 } });
  });
});

describe('damaged stock collected per supplier: "并入报损库。联系供应商分批取货" (seed l.508–510)', () => {
  it('every Monday 10:00 opens one stock.supplier-collect for inventory-admin per supplier with goods inspected into damaged stock that week', async () => {
    // Tuesday: after this Monday's 10:00 run, so the goods wait for next Monday's.
    await platform.advanceTo('2026-12-01T09:30:00+08:00');
    const huawei = [await returnedGoods(), await returnedGoods()];
    const xiaomi = await returnedGoods();
    const passedOnly = await returnedGoods();
    await platform.advance(10 * MINUTE);
    for (const caseId of huawei) await platform.complete(inventoryAdmin(), caseId, 'return.inspect', { outcome: 'passed', fields: { damagedStock: { supplier: '华为广西代理', note: '屏幕坏点' } } });
    await platform.complete(inventoryAdmin(), xiaomi, 'return.inspect', { outcome: 'passed', fields: { damagedStock: { supplier: '小米南宁仓' } } });
    await platform.complete(inventoryAdmin(), passedOnly, 'return.inspect', { outcome: 'passed' });
    const bad = await inventoryAdmin().complete(await returnedGoods(), 'return.inspect', { outcome: 'passed', fields: { damagedStock: { note: 'no supplier' } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.fields.damagedStock.supplier');

    // Nothing before Monday 10:00.
    await platform.advanceTo('2026-12-07T09:59:00+08:00');
    const queue = async () => (await inventoryAdmin().queue()).filter((i) => i.step === 'stock.supplier-collect');
    expect(await queue()).toEqual([]);

    await platform.advanceTo('2026-12-07T10:01:00+08:00');
    const collections = await queue();
    expect(collections).toHaveLength(2);
    const cases = await Promise.all(collections.map((c) => platform.view(c.caseId)));
    const bySupplier = Object.fromEntries(cases.map((c) => [c.data.supplier as string, c]));
    expect(Object.keys(bySupplier).sort()).toEqual(['华为广西代理', '小米南宁仓'].sort());
    expect((bySupplier['华为广西代理']!.data.items as { caseId: string }[]).map((i) => i.caseId).sort()).toEqual([...huawei].sort());
    expect(bySupplier['华为广西代理']!.data.items).toEqual(expect.arrayContaining([expect.objectContaining({ step: 'return.inspect', note: '屏幕坏点' })]));
    expect((bySupplier['小米南宁仓']!.data.items as { caseId: string }[]).map((i) => i.caseId)).toEqual([xiaomi]);
    expect(stepOf(bySupplier['小米南宁仓']!, 'stock.supplier-collect')).toMatchObject({ role: 'inventory-admin', openedAt: '2026-12-07T10:00:00+08:00' });

    await platform.complete(inventoryAdmin(), collections[0]!.caseId, 'stock.supplier-collect', { fields: { notes: '供应商已取走' } });
    expect((await platform.view(collections[0]!.caseId)).status).toBe('completed');
    // (That the next Monday lists none of them again: test/core/aftersales/damaged-stock.test.ts.)
  }, 180_000);
});

/** Every point of a return verification confirmed (core/lifecycles/checklists.ts). */
function checklist(): Record<string, { status: 'confirmed' }> {
  return Object.fromEntries(['contact', 'returner', 'goods', 'reason'].map((p) => [p, { status: 'confirmed' as const }]));
}
