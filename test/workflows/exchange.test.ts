import { describe, expect, it } from 'vitest';
import type { LifecycleInput } from '../../core/lifecycles/contracts.ts';
import { LifecycleRig } from './rig.ts';

const data = { orderId: 'SO-1', reason: 'battery drains' };
const exchangeCase: LifecycleInput = { caseId: 'exchange-1', caseType: 'exchange', orderId: 'SO-1', data, timings: {} };

describe('exchange lifecycle', () => {
  it.each(['same-model', 'no-reason'])('%s: unbind, receive, inspect, then pack, bind, dispatch and pickup of the new goods, closed completed', async (outcome) => {
    const rig = new LifecycleRig();
    const arn = await rig.start(exchangeCase);
    await rig.complete('exchange-1', 'exchange.verify', { outcome });
    await rig.completeAll('exchange-1', ['exchange.crm-unbind', 'exchange.receive']);
    await rig.complete('exchange-1', 'exchange.inspect', { outcome: 'passed' });
    await rig.completeAll('exchange-1', ['order.pack', 'order.crm-bind', 'order.dispatch']);
    expect(rig.openRequest('exchange-1', 'order.pickup')).toMatchObject({ caseType: 'exchange', step: 'order.pickup' });
    expect((await rig.describe(arn)).status).toBe('RUNNING');
    await rig.complete('exchange-1', 'order.pickup', { completedBy: 'pickup-batch' });

    expect(rig.stepsOpened('exchange-1')).toEqual(['exchange.verify', 'exchange.crm-unbind', 'exchange.receive', 'exchange.inspect', 'order.pack', 'order.crm-bind', 'order.dispatch', 'order.pickup']);
    expect(rig.actionsOf('exchange-1')).toEqual([{ action: 'close-case', caseId: 'exchange-1', status: 'completed' }]);
    expect((await rig.path(arn)).length).toBe(11);
    expect(JSON.parse((await rig.describe(arn)).output ?? 'null')).toEqual({ caseId: 'exchange-1', status: 'completed' });
  });

  it('other-model: opens a return case (converted-to) and closes converted', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(exchangeCase);
    await rig.complete('exchange-1', 'exchange.verify', { outcome: 'other-model' });

    expect(rig.actionsOf('exchange-1')).toEqual([
      { action: 'open-linked-case', caseId: 'exchange-1', type: 'return', relation: 'converted-to', data },
      { action: 'close-case', caseId: 'exchange-1', status: 'converted', reason: 'quality problem, another model: converted to a return' },
    ]);
    expect(await rig.path(arn)).toEqual(['exchange.verify', 'Verify outcome', 'Open return', 'Close converted']);
  });

  // Seed l.562 "(如是人为损坏)…可以帮您联系维修中心…商城还不支持换货": refused, referred, followed up (§12 "Side flows").
  it('damage: refuses, opens the repair referral follow-up, then closes rejected', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(exchangeCase);
    await rig.complete('exchange-1', 'exchange.verify', { outcome: 'damage', fields: { repairReferral: { centre: '维修中心' } } });
    expect(rig.stepsOpened('exchange-1')).toEqual(['exchange.verify', 'aftersales.repair-followup']);
    await rig.complete('exchange-1', 'aftersales.repair-followup', {});

    expect(rig.actionsOf('exchange-1')).toEqual([expect.objectContaining({ action: 'close-case', status: 'rejected' })]);
    expect(await rig.path(arn)).toEqual(['exchange.verify', 'Verify outcome', 'aftersales.repair-followup', 'Close rejected']);
  });

  it('inspection is due 30 minutes after the old goods arrived, not after the webhook said so (§6)', async () => {
    const rig = new LifecycleRig();
    await rig.start(exchangeCase);
    await rig.complete('exchange-1', 'exchange.verify', { outcome: 'same-model' });
    await rig.complete('exchange-1', 'exchange.crm-unbind');
    await rig.clock.advance(45 * 60_000);
    const arrived = new Date(rig.clock.now() - 20 * 60_000).toISOString();
    await rig.complete('exchange-1', 'exchange.receive', { completedBy: 'webhook', fields: { receivedAt: arrived } });
    expect(rig.openRequest('exchange-1', 'exchange.inspect').deadlineFrom).toBe(arrived);
  });

  it('a failed inspection closes rejected and ships nothing', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(exchangeCase);
    await rig.complete('exchange-1', 'exchange.verify', { outcome: 'same-model' });
    await rig.completeAll('exchange-1', ['exchange.crm-unbind', 'exchange.receive']);
    await rig.complete('exchange-1', 'exchange.inspect', { outcome: 'failed' });

    expect(rig.stepsOpened('exchange-1')).not.toContain('order.pack');
    expect(rig.actionsOf('exchange-1')).toEqual([expect.objectContaining({ action: 'close-case', status: 'rejected' })]);
    expect((await rig.path(arn)).at(-1)).toBe('Close rejected');
  });
});
