import { describe, expect, it } from 'vitest';
import { DetailType } from '../../core/ports/events.ts';
import { createOpenStep } from '../../functions/open-step/open-step.ts';
import { timerName } from '../../functions/shared/timer-names.ts';
import { givenCase, useHarness } from './harness.ts';

describe('open-step', () => {
  const { fresh } = useHarness();

  it('stores the step with the policy deadline, arms the warning and due timers and emits StepOpened', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00'); // Monday, ops-cs on duty
    const caseId = await givenCase(h);

    const result = await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok-1' });

    // 30 min of ops-cs time; warning at 80 % (24 min).
    expect(result).toMatchObject({ due: '2025-03-03T02:30:00.000Z', warnAt: '2025-03-03T02:24:00.000Z', opened: true });
    const stored = await h.repository.getStep({ caseId, step: 'order.review' });
    expect(stored).toMatchObject({ status: 'open', role: 'ops-cs', taskToken: 'tok-1', due: '2025-03-03T02:30:00.000Z', warnAt: '2025-03-03T02:24:00.000Z' });
    const stepTimers = h.timers.pending(caseId).filter((t) => t.payload.step === 'order.review');
    expect(stepTimers.map((t) => [t.payload.kind, t.payload.at])).toEqual([
      ['warn', '2025-03-03T02:24:00.000Z'],
      ['due', '2025-03-03T02:30:00.000Z'],
    ]);
    expect(stepTimers[0]?.name).toBe(timerName({ kind: 'warn', caseId, step: 'order.review', attempt: 1 }));
    expect(h.events.ofType(DetailType.StepOpened, caseId).map((e) => e.detail)).toEqual([
      { caseId, caseType: 'order', step: 'order.review', attempt: 1, role: 'ops-cs', openedAt: '2025-03-03T02:00:00.000Z', due: '2025-03-03T02:30:00.000Z', warnAt: '2025-03-03T02:24:00.000Z' },
    ]);
  });

  it('counts an off-duty review from the next on-duty morning: opened 21:30, due 09:00, warning 08:48', async () => {
    const h = fresh('2025-03-03T21:30:00+08:00');
    const caseId = await givenCase(h);
    const result = await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok' });
    expect(result).toMatchObject({ due: '2025-03-04T01:00:00.000Z', warnAt: '2025-03-04T00:48:00.000Z' });
  });

  it('keeps the deadline, replaces the same timers and emits nothing when the open is redelivered', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h);
    const open = createOpenStep(h);
    await open({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok-a' });
    await h.clock.advance(5 * 60_000);

    const again = await open({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok-b' });

    expect(again).toMatchObject({ opened: false, due: '2025-03-03T03:00:00.000Z' });
    expect(h.events.ofType(DetailType.StepOpened, caseId)).toHaveLength(1);
    expect(h.timers.pending(caseId)).toHaveLength(2);
    expect((await h.repository.getStep({ caseId, step: 'order.pack' })).taskToken).toBe('tok-b');
  });

  it('arms no timers for a step without a deadline', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h);
    const result = await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.delivery', taskToken: 'tok' });
    expect(result).toMatchObject({ due: null, warnAt: null });
    expect(h.timers.pending(caseId)).toEqual([]);
    expect(h.events.ofType(DetailType.StepOpened, caseId)[0]?.detail).toMatchObject({ due: null, warnAt: null, role: 'automatic' });
  });

  it('chooses the refund deadline by the channel fact, with no warning for a working-day rule', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h, 'cancellation');
    const result = await createOpenStep(h)({ caseId, caseType: 'cancellation', step: 'refund.settle', taskToken: 'tok', facts: { channel: 'boc' } });
    // Bank of China: by the end of the 10th working day after Monday 3 March → Monday 17 March 24:00.
    expect(result).toMatchObject({ due: '2025-03-17T16:00:00.000Z', warnAt: null });
    expect(h.timers.pending(caseId).map((t) => t.payload.kind)).toEqual(['due']);
  });

  it('stores a deadline counted into a year without a published holiday schedule as provisional', async () => {
    const h = fresh('2026-12-28T10:00:00+08:00');
    const caseId = await givenCase(h, 'cancellation');
    await createOpenStep(h)({ caseId, caseType: 'cancellation', step: 'refund.settle', taskToken: 'tok', facts: { channel: 'bank-card' } });
    // 7 working days with New Year's Day 2027 counted by law: the end of Thursday 7 January.
    expect(await h.repository.getStep({ caseId, step: 'refund.settle' })).toMatchObject({ due: '2027-01-07T16:00:00.000Z', provisional: true });

    const final = await givenCase(h, 'cancellation');
    await createOpenStep(h)({ caseId: final, caseType: 'cancellation', step: 'refund.settle', taskToken: 'tok', facts: { channel: 'alipay' } });
    expect(await h.repository.getStep({ caseId: final, step: 'refund.settle' })).not.toHaveProperty('provisional');
  });

  it('plans the pickup from the deadlineFrom instant (the order placement)', async () => {
    const h = fresh('2025-03-03T12:40:00+08:00');
    const caseId = await givenCase(h);
    const result = await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pickup', taskToken: 'tok', deadlineFrom: '2025-03-03T10:00:00+08:00' });
    // Placed in [09:00, 13:00) → the 13:00 batch.
    expect(result.due).toBe('2025-03-03T05:00:00.000Z');
  });

  it('starts the order handover promise (2 working days) when the review opens', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok' });
    const caseTimer = h.timers.pending(caseId).find((t) => t.payload.kind === 'case-due');
    expect(caseTimer?.payload).toEqual({ kind: 'case-due', caseId, step: 'order.handover', attempt: 1, at: '2025-03-05T16:00:00.000Z' });
    expect(await h.repository.getCaseDeadline(caseId, 'order.handover')).toMatchObject({ startedAt: '2025-03-03T02:00:00.000Z', due: '2025-03-05T16:00:00.000Z' });
  });

  it('keeps the step and its step.opened entry together, and a redelivery publishes the StepOpened the first delivery died before', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h);
    const crash = new Error('killed right after the step was stored');
    // The first delivery dies as soon as the step's write returns: no entry append, no timers, no event after it.
    const dying = { ...h, repository: Object.assign(Object.create(h.repository) as typeof h.repository, { openStep: async (input: Parameters<typeof h.repository.openStep>[0]) => { await h.repository.openStep(input); throw crash; } }) };
    await expect(createOpenStep(dying)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok-1', deadlineFrom: '2025-03-03T09:55:00+08:00' })).rejects.toBe(crash);
    expect(h.events.ofType(DetailType.StepOpened, caseId)).toEqual([]);

    const again = await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok-2', deadlineFrom: '2025-03-03T09:55:00+08:00' });
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok-3', deadlineFrom: '2025-03-03T09:55:00+08:00' });

    expect(again.opened).toBe(false);
    const entries = (await h.repository.getCase(caseId)).timeline.filter((e) => e.kind === 'step.opened');
    expect(entries.map((e) => e.detail)).toEqual([{ attempt: 1, role: 'ops-cs', due: again.due, warnAt: again.warnAt, deadlineFrom: '2025-03-03T01:55:00.000Z', facts: {} }]);
    expect(h.events.ofType(DetailType.StepOpened, caseId)).toHaveLength(1);
    expect((await h.repository.getStep({ caseId, step: 'order.review' })).announcedAt).toBe('2025-03-03T02:00:00.000Z');
    // The handover promise was stored with the step, counting from the review's deadlineFrom (the placement, §2); the redelivery armed its timers from it.
    expect(await h.repository.getCaseDeadline(caseId, 'order.handover')).toMatchObject({ startedAt: '2025-03-03T01:55:00.000Z', due: '2025-03-05T16:00:00.000Z' });
    expect(h.timers.pending(caseId).find((t) => t.payload.kind === 'case-due')?.payload.at).toBe('2025-03-05T16:00:00.000Z');
  });

  it('gives an order step its planned batch and batch target from readyAt, arms the batch-target timer, and says why an order ready too late for a batch goes with the next', async () => {
    const h = fresh('2025-03-03T12:30:00+08:00'); // Monday
    const caseId = await givenCase(h);
    // Ready 12:30: 30 min before the 13:00 batch, less than pickup.leadMinutes (60), so planned for 17:00.
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok-1', deadlineFrom: '2025-03-03T12:30:00+08:00', readyAt: '2025-03-03T12:30:00+08:00' });
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok-2', readyAt: '2025-03-03T12:30:00+08:00' });

    // Review by batch − 45 (16:15), pack by batch − 15 (16:45): pickup.stepShares dispatch 5, crm-bind 10, pack 30.
    expect(await h.repository.getStep({ caseId, step: 'order.review' })).toMatchObject({ plannedPickupAt: '2025-03-03T09:00:00.000Z', batchTargetAt: '2025-03-03T08:15:00.000Z' });
    expect(await h.repository.getStep({ caseId, step: 'order.pack' })).toMatchObject({ plannedPickupAt: '2025-03-03T09:00:00.000Z', batchTargetAt: '2025-03-03T08:45:00.000Z' });
    expect(h.timers.pending(caseId).filter((t) => t.payload.kind === 'batch-target').map((t) => [t.payload.step, t.payload.at])).toEqual([
      ['order.review', '2025-03-03T08:15:00.000Z'],
      ['order.pack', '2025-03-03T08:45:00.000Z'],
    ]);
    const deferred = (await h.repository.getCase(caseId)).timeline.filter((e) => e.kind === 'pickup.deferred');
    expect(deferred.map((e) => e.detail)).toEqual([
      { readyAt: '2025-03-03T04:30:00.000Z', skippedBatchAt: '2025-03-03T05:00:00.000Z', plannedPickupAt: '2025-03-03T09:00:00.000Z', leadMinutes: 60 },
    ]);
  });

  it('gives a step without readyAt, or outside the order steps before the pickup, no batch target', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok-1' });
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.delivery', taskToken: 'tok-2', readyAt: '2025-03-03T10:00:00+08:00' });
    for (const step of ['order.pack', 'order.delivery']) expect((await h.repository.getStep({ caseId, step })).batchTargetAt).toBeUndefined();
    expect((await h.repository.getCase(caseId)).timeline.filter((e) => e.kind === 'pickup.deferred')).toEqual([]);
  });

  it('publishes StepOpened on the redelivery when the bus refused it the first time', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h);
    const down = { ...h, events: { publish: () => Promise.reject(new Error('bus unavailable')) } };
    await expect(createOpenStep(down)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok-1' })).rejects.toThrow('bus unavailable');
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok-2' });
    expect(h.events.ofType(DetailType.StepOpened, caseId).map((e) => e.detail.step)).toEqual(['order.pack']);
  });

  it('refuses a request that breaks the contract, naming the field', async () => {
    const { parseInput } = await import('../../functions/shared/input.ts');
    const { openStepRequest } = await import('../../functions/open-step/input.ts');
    expect(() => parseInput('OpenStepRequest', openStepRequest, { caseId: 'c', caseType: 'order', step: 'order.review' })).toThrow(/taskToken/);
  });
});
