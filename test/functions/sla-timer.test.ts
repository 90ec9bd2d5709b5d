import { describe, expect, it } from 'vitest';
import { DetailType } from '../../core/ports/events.ts';
import { createOpenStep } from '../../functions/open-step/open-step.ts';
import { createStepClock } from '../../functions/shared/step-clock.ts';
import { createSlaTimers } from '../../functions/sla-timer/sla-timers.ts';
import { givenCase, useHarness, type Harness } from './harness.ts';

async function openReview(h: Harness): Promise<string> {
  const caseId = await givenCase(h);
  await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok' });
  return caseId;
}

describe('sla-timer', () => {
  const { fresh } = useHarness();

  it('warns at 80 % and then breaches at 100 %, escalating to supervisor', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await openReview(h);
    const timers = createSlaTimers(h);

    await h.timers.runUntil(h.clock, '2025-03-03T02:31:00.000Z', (p) => timers.fire(p));

    expect(h.events.typesFor(caseId)).toEqual(['StepOpened', 'SlaWarning', 'SlaBreached']);
    expect(h.events.ofType(DetailType.SlaWarning, caseId)[0]?.detail).toMatchObject({ scope: 'step', step: 'order.review', warnedAt: '2025-03-03T02:24:00.000Z' });
    expect(h.events.ofType(DetailType.SlaBreached, caseId)[0]?.detail).toMatchObject({
      scope: 'step',
      step: 'order.review',
      role: 'ops-cs',
      due: '2025-03-03T02:30:00.000Z',
      breachedAt: '2025-03-03T02:30:00.000Z',
      escalatedTo: 'supervisor',
    });
    const step = await h.repository.getStep({ caseId, step: 'order.review' });
    expect(step).toMatchObject({ status: 'breached', warnedAt: '2025-03-03T02:24:00.000Z', breachedAt: '2025-03-03T02:30:00.000Z', escalatedTo: 'supervisor' });
    const escalated = await h.repository.listEscalated('supervisor');
    expect(escalated.items.map((s) => s.caseId)).toContain(caseId);
  });

  it('raises PickupAtRisk once when an order step passes its batch target still open, and records it on the step and the timeline', async () => {
    const h = fresh('2025-03-03T16:00:00+08:00'); // Monday
    const caseId = await givenCase(h, 'order', { orderId: 'SO-RISK' });
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok', readyAt: '2025-03-03T14:00:00+08:00' });
    // Ready 14:00 → the 17:00 batch; pack by 16:45.
    const timers = createSlaTimers(h);
    await h.timers.runUntil(h.clock, '2025-03-03T08:44:00.000Z', (p) => timers.fire(p));
    expect(h.events.ofType(DetailType.PickupAtRisk, caseId)).toEqual([]);
    await h.timers.runUntil(h.clock, '2025-03-03T08:50:00.000Z', (p) => timers.fire(p));

    expect(h.events.ofType(DetailType.PickupAtRisk, caseId).map((e) => e.detail)).toEqual([
      { caseId, caseType: 'order', step: 'order.pack', attempt: 1, role: 'terminal-admin', orderId: 'SO-RISK', batchTargetAt: '2025-03-03T08:45:00.000Z', plannedPickupAt: '2025-03-03T09:00:00.000Z', atRiskAt: '2025-03-03T08:45:00.000Z' },
    ]);
    expect(await h.repository.getStep({ caseId, step: 'order.pack' })).toMatchObject({ status: 'warned', atRiskAt: '2025-03-03T08:45:00.000Z' });
    expect((await h.repository.getCase(caseId)).timeline.filter((e) => e.kind === 'pickup.at-risk').map((e) => e.step)).toEqual(['order.pack']);
    // A second delivery of the same timer changes nothing.
    expect(await timers.fire({ kind: 'batch-target', caseId, step: 'order.pack', attempt: 1, at: '2025-03-03T08:45:00.000Z' })).toBe('nothing');
    expect(h.events.ofType(DetailType.PickupAtRisk, caseId)).toHaveLength(1);
  });

  it('raises no PickupAtRisk for an order step done before its batch target', async () => {
    const h = fresh('2025-03-03T16:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok', readyAt: '2025-03-03T14:00:00+08:00' });
    await h.repository.completeStep({ caseId, step: 'order.pack' }, { at: '2025-03-03T08:30:00.000Z', by: 'tom', fields: {} });
    const timers = createSlaTimers(h);
    await h.timers.runUntil(h.clock, '2025-03-03T09:00:00.000Z', (p) => timers.fire(p));
    expect(h.events.ofType(DetailType.PickupAtRisk, caseId)).toEqual([]);
  });

  it('records a step completed after its breach as late, without blocking the completion', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await openReview(h);
    const timers = createSlaTimers(h);
    await h.timers.runUntil(h.clock, '2025-03-03T02:40:00.000Z', (p) => timers.fire(p));

    const done = await h.repository.completeStep({ caseId, step: 'order.review' }, { at: '2025-03-03T02:40:00.000Z', by: 'agent-1', outcome: 'confirmed' });

    expect(done).toMatchObject({ status: 'completed', onTime: false, breachedAt: '2025-03-03T02:30:00.000Z' });
    expect(h.events.ofType(DetailType.SlaBreached, caseId)).toHaveLength(1);
  });

  it('emits once when a timer is delivered twice', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await openReview(h);
    const timers = createSlaTimers(h);
    const due = h.timers.pending(caseId).find((t) => t.payload.kind === 'due');
    if (!due) throw new Error('no due timer');
    await h.clock.advanceTo(due.fireAt);

    const outcomes = [await timers.fire(due.payload), await timers.fire(due.payload)];

    expect(outcomes).toEqual(['breached', 'nothing']);
    expect(h.events.ofType(DetailType.SlaBreached, caseId)).toHaveLength(1);
  });

  it('does nothing for a step completed before its timer fired', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await openReview(h);
    await h.repository.completeStep({ caseId, step: 'order.review' }, { at: '2025-03-03T02:10:00.000Z', by: 'agent-1', outcome: 'confirmed' });
    const timers = createSlaTimers(h);

    const fired = await h.timers.runUntil(h.clock, '2025-03-03T03:00:00.000Z', (p) => timers.fire(p));

    expect(fired.map((p) => p.kind)).toEqual(['warn', 'due']);
    expect(h.events.typesFor(caseId)).toEqual(['StepOpened']);
  });

  it('moves the deadline by the paused time when a pause with `until` resumes by itself, and ignores the stale timers', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await openReview(h);
    const timers = createSlaTimers(h);
    const stale = h.timers.pending(caseId).filter((t) => t.payload.step === 'order.review').map((t) => t.payload);
    // 10:10: the customer asks for a call back in an hour.
    await h.clock.advanceTo('2025-03-03T10:10:00+08:00');
    await createStepClock(h).pause({ caseId, step: 'order.review' }, { reason: 'callback', until: '2025-03-03T11:10:00+08:00', by: 'agent-1' });

    await h.timers.runUntil(h.clock, '2025-03-03T03:20:00.000Z', (p) => timers.fire(p));

    // 10 min counted before the pause, 20 left after 11:10 → due 11:30; warning at 24 min → 11:24.
    const step = await h.repository.getStep({ caseId, step: 'order.review' });
    expect(step).toMatchObject({ status: 'open', due: '2025-03-03T03:30:00.000Z', warnAt: '2025-03-03T03:24:00.000Z' });
    expect(step.pauses).toEqual([{ from: '2025-03-03T02:10:00.000Z', to: '2025-03-03T03:10:00.000Z', reason: 'callback', by: 'agent-1' }]);
    expect(h.events.typesFor(caseId)).toEqual(['StepOpened', 'StepPaused', 'StepResumed']);
    expect(h.events.ofType(DetailType.StepResumed, caseId)[0]?.detail).toMatchObject({ due: '2025-03-03T03:30:00.000Z', by: 'sla-timer' });
    // The old 10:24 / 10:30 timers were replaced under the same names.
    expect(h.timers.pending(caseId).filter((t) => t.payload.step === 'order.review').map((t) => t.payload.at)).toEqual(['2025-03-03T03:24:00.000Z', '2025-03-03T03:30:00.000Z']);
    // Had the old ones fired anyway (already in flight), they are stale now.
    for (const payload of stale) expect(await timers.fire(payload)).toBe('nothing');

    await h.timers.runUntil(h.clock, '2025-03-03T03:31:00.000Z', (p) => timers.fire(p));
    expect(h.events.ofType(DetailType.SlaBreached, caseId)[0]?.detail).toMatchObject({ due: '2025-03-03T03:30:00.000Z' });
  });

  it('does not resume a step resumed by hand and paused again with another `until`', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await openReview(h);
    const clock = createStepClock(h);
    await clock.pause({ caseId, step: 'order.review' }, { reason: 'callback', until: '2025-03-03T11:00:00+08:00' });
    const first = h.timers.pending(caseId).find((t) => t.payload.kind === 'resume');
    await h.clock.advanceTo('2025-03-03T10:20:00+08:00');
    await clock.resume({ caseId, step: 'order.review' }, { by: 'agent-1' });
    await clock.pause({ caseId, step: 'order.review' }, { reason: 'callback', until: '2025-03-03T12:00:00+08:00' });
    if (!first) throw new Error('no resume timer');

    await h.clock.advanceTo('2025-03-03T11:00:00+08:00');
    expect(await createSlaTimers(h).fire(first.payload)).toBe('nothing');
    expect((await h.repository.getStep({ caseId, step: 'order.review' })).status).toBe('paused');
  });

  it('reports an overdue refund as a case-level breach with RefundOverdue', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h, 'cancellation', { data: { paymentChannel: 'alipay' } });
    await createOpenStep(h)({ caseId, caseType: 'cancellation', step: 'refund.settle', taskToken: 'tok', facts: { channel: 'alipay' } });
    const timers = createSlaTimers(h);

    await h.timers.runUntil(h.clock, '2025-03-03T16:00:01.000Z', (p) => timers.fire(p));

    expect(h.events.typesFor(caseId)).toEqual(['StepOpened', 'SlaBreached', 'RefundOverdue']);
    expect(h.events.ofType(DetailType.SlaBreached, caseId)[0]?.detail).toMatchObject({ scope: 'case', step: 'refund.settle', due: '2025-03-03T16:00:00.000Z' });
    expect(h.events.ofType(DetailType.RefundOverdue, caseId)[0]?.detail).toMatchObject({ channel: 'alipay', due: '2025-03-03T16:00:00.000Z' });
  });

  it('raises a case-level breach when the order was not handed over within 2 working days, once', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await openReview(h);
    await h.repository.completeStep({ caseId, step: 'order.review' }, { at: '2025-03-03T02:10:00.000Z', by: 'agent-1', outcome: 'confirmed' });
    const caseDue = h.timers.pending(caseId).find((t) => t.payload.kind === 'case-due');
    if (!caseDue) throw new Error('no case-due timer');
    await h.clock.advanceTo(caseDue.fireAt);
    const timers = createSlaTimers(h);

    expect([await timers.fire(caseDue.payload), await timers.fire(caseDue.payload)]).toEqual(['case-breached', 'nothing']);
    expect(h.events.ofType(DetailType.SlaBreached, caseId).map((e) => e.detail)).toEqual([
      { scope: 'case', caseId, caseType: 'order', step: 'order.handover', attempt: 1, role: 'automatic', due: '2025-03-05T16:00:00.000Z', breachedAt: '2025-03-05T16:00:00.000Z' },
    ]);
  });

  it('raises no case-level breach for an order already handed over', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await openReview(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pickup', taskToken: 'tok-p', deadlineFrom: '2025-03-03T10:00:00+08:00' });
    await h.repository.completeStep({ caseId, step: 'order.pickup' }, { at: '2025-03-03T05:00:00.000Z', by: 'pickup-batch' });
    const caseDue = h.timers.pending(caseId).find((t) => t.payload.kind === 'case-due');
    if (!caseDue) throw new Error('no case-due timer');
    await h.clock.advanceTo(caseDue.fireAt);
    expect(await createSlaTimers(h).fire(caseDue.payload)).toBe('nothing');
  });

  it('emits one case-level breach when the handover deadline is delivered twice at the same moment', async () => {
    const h = fresh('2025-03-10T10:00:00+08:00');
    const caseId = await openReview(h);
    const caseDue = h.timers.pending(caseId).find((t) => t.payload.kind === 'case-due');
    if (!caseDue) throw new Error('no case-due timer');
    await h.clock.advanceTo(caseDue.fireAt);
    const timers = createSlaTimers(h);

    const outcomes = await Promise.all([timers.fire(caseDue.payload), timers.fire(caseDue.payload), createSlaTimers(h).fire(caseDue.payload)]);

    expect(outcomes.filter((o) => o === 'case-breached')).toHaveLength(1);
    expect(h.events.ofType(DetailType.SlaBreached, caseId)).toHaveLength(1);
    expect(await h.repository.getCaseDeadline(caseId, 'order.handover')).toMatchObject({ breachedAt: '2025-03-12T16:00:00.000Z' });
  });

  it('warns at the handover promise\'s 24 h mark ("within 1 day"), once, with case scope', async () => {
    const h = fresh('2025-03-10T10:00:00+08:00');
    const caseId = await openReview(h);
    const caseWarn = h.timers.pending(caseId).find((t) => t.payload.kind === 'case-warn');
    if (!caseWarn) throw new Error('no case-warn timer');
    expect(caseWarn.payload.at).toBe('2025-03-11T02:00:00.000Z');
    await h.clock.advanceTo(caseWarn.fireAt);
    const timers = createSlaTimers(h);

    expect([await timers.fire(caseWarn.payload), await timers.fire(caseWarn.payload)]).toEqual(['case-warned', 'nothing']);
    expect(h.events.ofType(DetailType.SlaWarning, caseId).map((e) => e.detail)).toEqual([
      { scope: 'case', caseId, caseType: 'order', step: 'order.handover', attempt: 1, role: 'automatic', due: '2025-03-12T16:00:00.000Z', warnAt: '2025-03-11T02:00:00.000Z', warnedAt: '2025-03-11T02:00:00.000Z' },
    ]);
    expect((await h.repository.getCase(caseId)).timeline.map((e) => e.kind)).toContain('sla.case-warned');
  });

  it('gives no handover warning for an order handed over within the day', async () => {
    const h = fresh('2025-03-10T10:00:00+08:00');
    const caseId = await openReview(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pickup', taskToken: 'tok-p', deadlineFrom: '2025-03-10T10:00:00+08:00' });
    await h.repository.completeStep({ caseId, step: 'order.pickup' }, { at: '2025-03-10T05:00:00.000Z', by: 'pickup-batch' });
    const caseWarn = h.timers.pending(caseId).find((t) => t.payload.kind === 'case-warn');
    if (!caseWarn) throw new Error('no case-warn timer');
    await h.clock.advanceTo(caseWarn.fireAt);
    expect(await createSlaTimers(h).fire(caseWarn.payload)).toBe('nothing');
    expect(await h.repository.getCaseDeadline(caseId, 'order.handover')).toMatchObject({ settledAt: '2025-03-11T02:00:00.000Z' });
    expect(h.events.ofType(DetailType.SlaWarning, caseId)).toEqual([]);
  });
});
