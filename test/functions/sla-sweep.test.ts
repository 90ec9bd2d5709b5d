import { describe, expect, it } from 'vitest';
import { DetailType } from '../../core/ports/events.ts';
import { createOpenStep } from '../../functions/open-step/open-step.ts';
import { createSlaSweep } from '../../functions/sla-sweep/sla-sweep.ts';
import { completeStepNow } from '../../functions/staff-api/step-completion.ts';
import { givenCase, useHarness } from './harness.ts';

describe('sla-sweep', () => {
  const { fresh } = useHarness();

  it('breaches a step whose due timer was lost, and does nothing on the next run', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.crm-bind', taskToken: 'tok' });
    h.timers.loseAll();
    // crm-admin 10 min → due 10:10; the sweep runs at 10:15.
    await h.clock.advanceTo('2025-03-03T10:15:00+08:00');
    const sweep = createSlaSweep(h);

    const first = await sweep();
    const second = await sweep();

    expect(first).toMatchObject({ breached: 1, failed: 0 });
    expect(second).toMatchObject({ checked: 0, breached: 0 });
    expect(h.events.typesFor(caseId)).toEqual(['StepOpened', 'SlaBreached']);
    expect(await h.repository.getStep({ caseId, step: 'order.crm-bind' })).toMatchObject({ status: 'breached', escalatedTo: 'supervisor' });
  });

  it('warns a step past its lost warning timer but not yet due', async () => {
    const h = fresh('2025-03-04T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok' });
    h.timers.loseAll();
    // terminal-admin 60 min → warning 10:48, due 11:00.
    await h.clock.advanceTo('2025-03-04T10:50:00+08:00');

    const report = await createSlaSweep(h)();

    expect(report).toMatchObject({ warned: 1, breached: 0 });
    expect(h.events.ofType(DetailType.SlaWarning, caseId)[0]?.detail).toMatchObject({ warnedAt: '2025-03-04T02:50:00.000Z' });
  });

  it('leaves steps whose timers are not yet due alone', async () => {
    const h = fresh('2025-03-05T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok' });
    await h.clock.advanceTo('2025-03-05T10:30:00+08:00');
    await createSlaSweep(h)();
    expect(h.events.typesFor(caseId)).toEqual(['StepOpened']);
  });

  it('answers a completion stored before a crash cut off its SendTaskSuccess, once it is a minute old, and only once', async () => {
    const h = fresh('2025-03-06T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok-review' });
    const crash = new Error('killed between the stored completion and SendTaskSuccess');
    const dying = { ...h, workflows: Object.assign(Object.create(h.workflows) as typeof h.workflows, { sendSuccess: () => Promise.reject(crash) }) };
    await h.clock.advanceTo('2025-03-06T10:05:00+08:00');
    await expect(completeStepNow(dying, { caseId, step: 'order.review' }, { by: 'alice', outcome: 'confirmed' })).rejects.toBe(crash);
    expect(h.workflows.succeeded).toEqual([]);

    const sweep = createSlaSweep(h);
    await h.clock.advanceTo('2025-03-06T10:05:30+08:00');
    expect(await sweep()).toMatchObject({ answered: 0 }); // still within the grace: it may be settling
    await h.clock.advanceTo('2025-03-06T10:10:00+08:00');
    const first = await sweep();
    const second = await sweep();

    expect(first).toMatchObject({ answered: 1, failed: 0 });
    expect(second).toMatchObject({ answered: 0 });
    expect(h.workflows.succeeded).toEqual([{ taskToken: 'tok-review', output: expect.objectContaining({ step: 'order.review', outcome: 'confirmed', completedBy: 'alice' }) as unknown }]);
    expect(h.events.typesFor(caseId)).toEqual(['StepOpened', 'StepCompleted']);
    expect(h.timers.pending(caseId).filter((t) => t.payload.step === 'order.review')).toEqual([]);
    expect((await h.repository.getStep({ caseId, step: 'order.review' })).answeredAt).toBe('2025-03-06T02:10:00.000Z');
  });

  it('leaves a completion that settled at once alone', async () => {
    const h = fresh('2025-03-07T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok-ok' });
    await completeStepNow(h, { caseId, step: 'order.review' }, { by: 'alice', outcome: 'confirmed' });
    await h.clock.advanceTo('2025-03-07T10:10:00+08:00');
    expect(await createSlaSweep(h)()).toMatchObject({ answered: 0 });
    expect(h.workflows.succeeded).toHaveLength(1);
  });

  it('re-finds a lost handover deadline: warns at its 24 h mark and breaches it after 2 working days, once each', async () => {
    const h = fresh('2025-03-10T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.review', taskToken: 'tok' });
    await completeStepNow(h, { caseId, step: 'order.review' }, { by: 'alice', outcome: 'confirmed' });
    h.timers.loseAll();
    const sweep = createSlaSweep(h);

    // The file's table is shared, so the report counts other tests' cases too: read this case's events.
    const caseEvents = (): string[] => h.events.typesFor(caseId).filter((t) => t.startsWith('Sla'));
    await h.clock.advanceTo('2025-03-11T10:05:00+08:00');
    expect(await sweep()).toMatchObject({ failed: 0 });
    expect(caseEvents()).toEqual(['SlaWarning']);
    await h.clock.advanceTo('2025-03-13T00:05:00+08:00');
    expect(await sweep()).toMatchObject({ failed: 0 });
    await sweep();

    expect(caseEvents()).toEqual(['SlaWarning', 'SlaBreached']);
    expect(h.events.ofType(DetailType.SlaWarning, caseId).map((e) => e.detail.scope)).toEqual(['case']);
    expect(h.events.ofType(DetailType.SlaBreached, caseId).map((e) => [e.detail.scope, e.detail.step, e.detail.due])).toEqual([['case', 'order.handover', '2025-03-12T16:00:00.000Z']]);
  });

  it('re-finds a lost refund deadline and reports the refund overdue', async () => {
    const h = fresh('2025-03-11T10:00:00+08:00');
    const caseId = await givenCase(h, 'cancellation', { data: { paymentChannel: 'alipay' } });
    await createOpenStep(h)({ caseId, caseType: 'cancellation', step: 'refund.settle', taskToken: 'tok', facts: { channel: 'alipay' } });
    h.timers.loseAll();
    await h.clock.advanceTo('2025-03-12T00:05:00+08:00');

    expect(await createSlaSweep(h)()).toMatchObject({ failed: 0 });
    expect(h.events.typesFor(caseId)).toEqual(['StepOpened', 'SlaBreached', 'RefundOverdue']);
  });
});
