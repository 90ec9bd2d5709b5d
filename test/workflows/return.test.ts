import { describe, expect, it } from 'vitest';
import type { LifecycleInput } from '../../core/lifecycles/contracts.ts';
import { LifecycleRig } from './rig.ts';

const data = { orderId: 'SO-1', reason: 'screen flickers', paymentChannel: 'bank-card' };
const returnCase: LifecycleInput = { caseId: 'return-1', caseType: 'return', orderId: 'SO-1', data, timings: {} };

async function receivedAndInspected(rig: LifecycleRig, verify: { outcome: string; fields?: Record<string, unknown> }): Promise<string> {
  const arn = await rig.start(returnCase);
  await rig.complete('return-1', 'return.verify', verify);
  await rig.complete('return-1', 'return.receive', { completedBy: 'webhook' });
  await rig.complete('return-1', 'return.inspect', { outcome: 'passed' });
  return arn;
}

describe('return lifecycle', () => {
  it.each([
    ['quality without an exchange', { outcome: 'quality', fields: { exchangeTaken: false } }],
    ['insist (no reason)', { outcome: 'insist' }],
  ])('%s: receive, inspect, refund and CRM unbinding in parallel, refund settlement, closed completed', async (_what, verify) => {
    const rig = new LifecycleRig();
    const arn = await receivedAndInspected(rig, verify);
    expect(rig.stepsOpened('return-1').slice(-2).sort()).toEqual(['return.crm-unbind', 'return.refund']);

    await rig.complete('return-1', 'return.refund');
    expect(rig.stepsOpened('return-1')).not.toContain('refund.settle');
    await rig.complete('return-1', 'return.crm-unbind');
    expect(rig.openRequest('return-1', 'refund.settle').facts).toEqual({ channel: 'bank-card' });
    await rig.complete('return-1', 'refund.settle', { completedBy: 'webhook' });

    expect(rig.actionsOf('return-1')).toEqual([
      { action: 'notify-refund', caseId: 'return-1', channel: 'bank-card' },
      { action: 'close-case', caseId: 'return-1', status: 'completed' },
    ]);
    const path = await rig.path(arn);
    expect(path.slice(0, 5)).toEqual(['return.verify', 'Verify outcome', 'return.receive', 'return.inspect', 'Inspect outcome']);
    expect(path.slice(5, 9).sort()).toEqual(['Notify refund', 'Refund and unbind', 'return.crm-unbind', 'return.refund']);
    expect(path.slice(9)).toEqual(['refund.settle', 'Close completed']);
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

  it('damage: refuses and closes rejected without receiving anything', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(returnCase);
    await rig.complete('return-1', 'return.verify', { outcome: 'damage' });

    expect(rig.actionsOf('return-1')).toEqual([expect.objectContaining({ action: 'close-case', status: 'rejected' })]);
    expect(await rig.path(arn)).toEqual(['return.verify', 'Verify outcome', 'Close rejected']);
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

  it('a failed inspection closes rejected without a refund', async () => {
    const rig = new LifecycleRig();
    const arn = await rig.start(returnCase);
    await rig.complete('return-1', 'return.verify', { outcome: 'insist' });
    await rig.complete('return-1', 'return.receive');
    await rig.complete('return-1', 'return.inspect', { outcome: 'failed' });

    expect(rig.actionsOf('return-1')).toEqual([expect.objectContaining({ action: 'close-case', status: 'rejected' })]);
    expect(await rig.path(arn)).toEqual(['return.verify', 'Verify outcome', 'return.receive', 'return.inspect', 'Inspect outcome', 'Close rejected']);
  });
});
