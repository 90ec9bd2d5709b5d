import { afterEach, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
import { TestPlatform } from './platform.ts';

// Priority same-day shipping (service-standards.md §12 "Priority") on the real runtime with a
// virtual clock. The seed, §2.4.4:
//   l.306 "问:如果在真的情况十分特殊,是否可以优先发货。"
//   l.308 "话术:亲,鉴于您情况特殊,为了保证您能早日收到宝贝,我已与物流部沟通,我们会在今天为您安排寄出,届时请注意查收哦!"
// 2026-11-30 is a Monday; all times are Asia/Shanghai. Batches 10:00, 13:00, 17:00; an order ready
// less than 60 min before its window's batch goes with the following one (§2).
let platform: TestPlatform | undefined;
afterEach(() => platform?.stop());

const supervisor = (p: TestPlatform) => p.staff('sun', ['supervisor']);

async function stepOf(p: TestPlatform, caseId: string, step: string) {
  const found = (await p.view(caseId)).steps.filter((s) => s.step === step).at(-1);
  if (!found) throw new Error(`${caseId} has no ${step}`);
  return found;
}

describe('a priority order (seed l.306–308 "我们会在今天为您安排寄出")', () => {
  it('placed at 16:10 is planned for tomorrow 10:00; marked priority it is planned for today\'s 17:00 batch, sorts first, and dispatch asks for the courier\'s same-day confirmation', async () => {
    platform = await TestPlatform.start('2026-11-30T16:00:00+08:00');
    const ops = platform.staff('olivia', ['ops-cs']);
    const other = (await platform.storefront('order.placed', orderPlaced('SO-REGULAR', platform.clock.now()))).caseId!;
    await platform.advanceTo('2026-11-30T16:10:00+08:00');
    const caseId = (await platform.storefront('order.placed', orderPlaced('SO-URGENT', platform.clock.now()))).caseId!;
    expect(await stepOf(platform, caseId, 'order.review')).toMatchObject({ plannedPickupAt: '2026-12-01T10:00:00+08:00' });
    // Soonest due first: the order placed earlier leads.
    expect((await ops.queue()).map((i) => i.caseId)).toEqual([other, caseId]);

    await platform.advanceTo('2026-11-30T16:12:00+08:00');
    const marked = await supervisor(platform).call('POST', `/cases/${caseId}/priority`, { reason: '买家急用' });
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ caseId, priority: true, plannedPickupAt: '2026-11-30T17:00:00+08:00' });
    // Planned backward from 17:00: review by 17:00 − 45 min.
    expect(await stepOf(platform, caseId, 'order.review')).toMatchObject({ plannedPickupAt: '2026-11-30T17:00:00+08:00', batchTargetAt: '2026-11-30T16:15:00+08:00' });
    const queue = await ops.queue();
    expect(queue.map((i) => [i.caseId, i.priority])).toEqual([[caseId, true], [other, false]]);
    const view = await platform.view(caseId);
    expect(view.timeline.find((e) => e.kind === 'order.priority')).toMatchObject({ by: 'sun', detail: { reason: '买家急用' } });

    await platform.complete(ops, caseId, 'order.review', { outcome: 'confirmed' });
    // Steps opened after the marking inherit it: the pack is priority and planned for 17:00 too.
    expect(await stepOf(platform, caseId, 'order.pack')).toMatchObject({ plannedPickupAt: '2026-11-30T17:00:00+08:00', batchTargetAt: '2026-11-30T16:45:00+08:00' }); // pack by batch − 15 (§2)
    expect((await platform.staff('tom', ['terminal-admin']).queue()).find((i) => i.caseId === caseId)?.priority).toBe(true);
    await platform.advanceTo('2026-11-30T16:25:00+08:00');
    await platform.complete(platform.staff('tom', ['terminal-admin']), caseId, 'order.pack', { fields: { serialNumbers: ['SN-URGENT'], invoiceNo: 'INV-URGENT' } });
    await platform.complete(platform.staff('carl', ['crm-admin']), caseId, 'order.crm-bind', { fields: { bindings: [] } });

    const picker = platform.staff('pia', ['picker']);
    const unconfirmed = await picker.complete(caseId, 'order.dispatch', { fields: { carrier: 'SF', trackingNo: 'SF-URGENT' } });
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(unconfirmed.body)).toContain('courierSameDay');
    await platform.complete(picker, caseId, 'order.dispatch', { fields: { carrier: 'SF', trackingNo: 'SF-URGENT', checklist: { courierSameDay: { status: 'confirmed' } } } });
    expect(await stepOf(platform, caseId, 'order.pickup')).toMatchObject({ due: '2026-11-30T17:00:00+08:00' });

    await platform.advanceTo('2026-11-30T17:00:30+08:00');
    expect(await stepOf(platform, caseId, 'order.pickup')).toMatchObject({ status: 'completed', onTime: true });
    expect(platform.bus.forCase('PickupMissed', caseId)).toEqual([]);
  }, 180_000);

  it('a regular order\'s dispatch asks no courier confirmation', async () => {
    platform = await TestPlatform.start('2026-11-30T09:00:00+08:00');
    const caseId = (await platform.storefront('order.placed', orderPlaced('SO-PLAIN', platform.clock.now()))).caseId!;
    await platform.complete(platform.staff('olivia', ['ops-cs']), caseId, 'order.review', { outcome: 'confirmed' });
    await platform.complete(platform.staff('tom', ['terminal-admin']), caseId, 'order.pack', { fields: { serialNumbers: ['SN-PLAIN'], invoiceNo: 'INV-PLAIN' } });
    await platform.complete(platform.staff('carl', ['crm-admin']), caseId, 'order.crm-bind', { fields: { bindings: [] } });
    const withPoint = await platform.staff('pia', ['picker']).complete(caseId, 'order.dispatch', { fields: { carrier: 'SF', trackingNo: 'SF-PLAIN', checklist: { courierSameDay: { status: 'confirmed' } } } });
    expect(withPoint.status).toBe(400);
    await platform.complete(platform.staff('pia', ['picker']), caseId, 'order.dispatch', { fields: { carrier: 'SF', trackingNo: 'SF-PLAIN' } });
    expect(await platform.openSteps(caseId)).toEqual(['order.pickup']);
  }, 180_000);

  it('is for a supervisor, on a paid open order not yet handed over: 403 otherwise, 409 unpaid or after the pickup, and a repeat changes nothing', async () => {
    platform = await TestPlatform.start('2026-11-30T09:00:00+08:00');
    const caseId = (await platform.storefront('order.placed', orderPlaced('SO-LATE', platform.clock.now()))).caseId!;
    expect((await platform.staff('olivia', ['ops-cs']).call('POST', `/cases/${caseId}/priority`, {})).status).toBe(403);
    const bad = await supervisor(platform).call('POST', `/cases/${caseId}/priority`, { reason: 42 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.reason');
    expect((await supervisor(platform).call('POST', `/cases/${caseId}/priority`, {})).status).toBe(200);
    expect((await supervisor(platform).call('POST', `/cases/${caseId}/priority`, {})).status).toBe(200);
    expect((await platform.view(caseId)).timeline.filter((e) => e.kind === 'order.priority')).toHaveLength(1);

    const unpaid = (await platform.storefront('order.placed', orderPlaced('SO-UNPAID', platform.clock.now(), { paid: false }))).caseId!;
    expect((await supervisor(platform).call('POST', `/cases/${unpaid}/priority`, {})).body).toMatchObject({ error: { code: 'PriorityNotAllowed', message: expect.stringContaining('not paid yet') } });

    const picked = (await platform.storefront('order.placed', orderPlaced('SO-GONE', platform.clock.now()))).caseId!;
    await platform.complete(platform.staff('olivia', ['ops-cs']), picked, 'order.review', { outcome: 'confirmed' });
    await platform.complete(platform.staff('tom', ['terminal-admin']), picked, 'order.pack', { fields: { serialNumbers: ['SN-GONE'], invoiceNo: 'INV-GONE' } });
    await platform.complete(platform.staff('carl', ['crm-admin']), picked, 'order.crm-bind', { fields: { bindings: [] } });
    await platform.complete(platform.staff('pia', ['picker']), picked, 'order.dispatch', { fields: { carrier: 'SF', trackingNo: 'SF-GONE' } });
    await platform.advanceTo('2026-11-30T10:00:30+08:00');
    const late = await supervisor(platform).call('POST', `/cases/${picked}/priority`, {});
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'PriorityNotAllowed' } });
  }, 180_000);
});
