import { describe, expect, it } from 'vitest';
import type { LifecycleInput } from '../../core/lifecycles/contracts.ts';
import { HOUR, LifecycleRig, MINUTE, T0 } from './rig.ts';

const data = { orderId: 'SO-1', reason: 'screen flickers', paymentChannel: 'bank-card' };
const returnCase: LifecycleInput = { caseId: 'return-1', caseType: 'return', orderId: 'SO-1', data, timings: {} };

describe('return lifecycle', () => {
  // Seed §4.1: "如确认退货,则10分钟内通知支付平台退款,通知CRM解除绑定" — both open when return.verify completes,
  // not after the inspection; the refund-arrival clock counts from the passed inspection (service-standards §5).
  it.each([
    ['quality without an exchange', { outcome: 'quality', fields: { exchangeTaken: false } }],
    ['insist (no reason)', { outcome: 'insist' }],
  ])('%s: return.refund and return.crm-unbind open at the confirmation, refund.settle counts from the passed inspection', async (_what, verify) => {
    const rig = new LifecycleRig();
    const arn = await rig.start(returnCase);
    await rig.complete('return-1', 'return.verify', verify);
    expect(rig.stepsOpened('return-1').slice(1).sort()).toEqual(['return.crm-unbind', 'return.receive', 'return.refund']);
    expect(rig.openedTime('return-1', 'return.refund')).toBe(T0);
    expect(rig.openedTime('return-1', 'return.crm-unbind')).toBe(T0);

    await rig.clock.advance(5 * MINUTE);
    await rig.complete('return-1', 'return.refund');
    expect(rig.actionsOf('return-1')).toEqual([{ action: 'notify-refund', caseId: 'return-1', channel: 'bank-card' }]);
    await rig.complete('return-1', 'return.crm-unbind');
    expect(rig.stepsOpened('return-1')).not.toContain('refund.settle');

    await rig.clock.advance(2 * 24 * HOUR); // the parcel comes back two days later
    await rig.complete('return-1', 'return.receive', { completedBy: 'webhook' });
    await rig.clock.advance(20 * MINUTE);
    await rig.complete('return-1', 'return.inspect', { outcome: 'passed' });
    const inspectedAt = new Date(rig.clock.now()).toISOString();
    expect(rig.openRequest('return-1', 'refund.settle')).toMatchObject({ facts: { channel: 'bank-card' }, deadlineFrom: inspectedAt });
    await rig.complete('return-1', 'refund.settle', { completedBy: 'webhook' });

    expect(rig.actionsOf('return-1')).toEqual([
      { action: 'notify-refund', caseId: 'return-1', channel: 'bank-card' },
      { action: 'close-case', caseId: 'return-1', status: 'completed' },
    ]);
    const path = await rig.path(arn);
    expect(path.slice(0, 3)).toEqual(['return.verify', 'Verify outcome', 'Return confirmed']);
    expect(path.slice(3, 8).sort()).toEqual(['Notify refund', 'return.crm-unbind', 'return.inspect', 'return.receive', 'return.refund']);
    expect(path.slice(8)).toEqual(['Inspect outcome', 'refund.settle', 'Close completed']);
    expect((await rig.describe(arn)).status).toBe('SUCCEEDED');
  });

  it('quality with the exchange taken: opens an exchange case (converted-to) and closes converted', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(returnCase);
    await rig.complete('return-1', 'return.verify', { outcome: 'quality', fields: { exchangeTaken: true } });

    expect(rig.actionsOf('return-1')).toEqual([
      { action: 'open-linked-case', caseId: 'return-1', type: 'exchange', relation: 'converted-to', data },
      { action: 'close-case', caseId: 'return-1', status: 'converted', reason: 'the customer took an exchange' },
    ]);
    expect(await rig.path(arn)).toEqual(['return.verify', 'Verify outcome', 'Open exchange', 'Close converted']);
    expect(rig.stepsOpened('return-1')).toEqual(['return.verify']);
  });

  // Seed l.496 "(如是人为损坏)…可以帮您联系维修中心…商城还不支持退货": refused, referred, followed up (§12 "Side flows").
  it('damage: refuses, opens the repair referral follow-up, then closes rejected without receiving anything', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(returnCase);
    await rig.complete('return-1', 'return.verify', { outcome: 'damage', fields: { repairReferral: { centre: '维修中心' } } });
    expect(rig.stepsOpened('return-1')).toEqual(['return.verify', 'aftersales.repair-followup']);
    expect(rig.actionsOf('return-1')).toEqual([]);
    await rig.complete('return-1', 'aftersales.repair-followup', {});

    expect(rig.actionsOf('return-1')).toEqual([expect.objectContaining({ action: 'close-case', status: 'rejected' })]);
    expect(await rig.path(arn)).toEqual(['return.verify', 'Verify outcome', 'aftersales.repair-followup', 'Close rejected']);
  });

  it('inspection is due 30 minutes after the goods arrived, not after the webhook said so (§5)', async () => {
    const rig = new LifecycleRig();
    await rig.start(returnCase);
    await rig.complete('return-1', 'return.verify', { outcome: 'insist' });
    await rig.clock.advance(45 * 60_000); // the warehouse reports the arrival late
    const arrived = new Date(rig.clock.now() - 20 * 60_000).toISOString();
    await rig.complete('return-1', 'return.receive', { completedBy: 'webhook', fields: { receivedAt: arrived } });
    expect(rig.openRequest('return-1', 'return.inspect').deadlineFrom).toBe(arrived);
  });

  it('inspection counts from the receive step’s completion when no arrival time came with it', async () => {
    const rig = new LifecycleRig();
    await rig.start(returnCase);
    await rig.complete('return-1', 'return.verify', { outcome: 'insist' });
    await rig.clock.advance(45 * 60_000);
    await rig.complete('return-1', 'return.receive');
    expect(rig.openRequest('return-1', 'return.inspect').deadlineFrom).toBe(new Date(rig.clock.now()).toISOString());
  });

  // service-standards §5: "a failed inspection withdraws the pending refund (a timeline entry says so)".
  it('a failed inspection withdraws the refund notified at the confirmation and closes rejected, with no refund.settle', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(returnCase);
    await rig.complete('return-1', 'return.verify', { outcome: 'insist' });
    await rig.completeAll('return-1', ['return.refund', 'return.crm-unbind', 'return.receive']);
    await rig.complete('return-1', 'return.inspect', { outcome: 'failed' });

    expect(rig.actionsOf('return-1')).toEqual([
      { action: 'notify-refund', caseId: 'return-1', channel: 'bank-card' },
      { action: 'withdraw-refund', caseId: 'return-1', channel: 'bank-card', reason: 'the returned goods failed the inspection' },
      expect.objectContaining({ action: 'close-case', status: 'rejected' }),
    ]);
    expect(rig.stepsOpened('return-1')).not.toContain('refund.settle');
    expect((await rig.path(arn)).slice(-3)).toEqual(['Inspect outcome', 'Withdraw refund', 'Close rejected']);
    expect((await rig.describe(arn)).status).toBe('SUCCEEDED');
  });
});
