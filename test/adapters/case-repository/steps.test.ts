import { describe, expect, it } from 'vitest';
import { CaseClosed, StepAlreadyPaused, StepNotFound, StepNotOpen, StepNotPaused } from '../../../core/cases/errors.ts';
import { givenCase, reviewStep, useCaseRepository } from './fixture.ts';

describe('DynamoDbCaseRepository — steps', () => {
  const { repo } = useCaseRepository();

  it('opens a step with its deadline and task token', async () => {
    const caseId = await givenCase(repo());
    const { step, opened } = await repo().openStep(reviewStep(caseId));
    expect(opened).toBe(true);
    expect(step).toEqual({
      caseId,
      caseType: 'order',
      step: 'order.review',
      attempt: 1,
      role: 'ops-cs',
      status: 'open',
      openedAt: '2025-03-03T02:00:00.000Z',
      warnAt: '2025-03-03T02:24:00.000Z',
      due: '2025-03-03T02:30:00.000Z',
      pauses: [],
      taskToken: 'token-1',
    });
    expect((await repo().getCase(caseId)).steps).toEqual([step]);
  });

  it('treats a redelivered open as the same step, keeping its deadline and adopting a new token', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const replay = await repo().openStep(reviewStep(caseId));
    expect(replay).toMatchObject({ opened: false, step: { taskToken: 'token-1' } });

    const retried = await repo().openStep(reviewStep(caseId, { taskToken: 'token-2', due: '2025-03-03T11:00:00+08:00' }));
    expect(retried.opened).toBe(false);
    expect(retried.step).toMatchObject({ taskToken: 'token-2', due: '2025-03-03T02:30:00.000Z' });
    expect((await repo().getCase(caseId)).steps).toHaveLength(1);
  });

  it('starts the case deadline a step begins in the step\'s transaction; a redelivery keeps the stored one', async () => {
    const caseId = await givenCase(repo());
    const handover = { caseId, caseType: 'order' as const, deadline: 'order.handover', startedAt: '2025-03-03T10:00:00+08:00', warnAt: '2025-03-04T10:00:00+08:00', due: '2025-03-06T00:00:00+08:00' };
    const first = await repo().openStep(reviewStep(caseId, { caseDeadline: handover }));
    const stored = { ...handover, startedAt: '2025-03-03T02:00:00.000Z', warnAt: '2025-03-04T02:00:00.000Z', due: '2025-03-05T16:00:00.000Z' };
    expect(first).toMatchObject({ opened: true, caseDeadline: stored });

    const again = await repo().openStep(reviewStep(caseId, { taskToken: 'token-2', caseDeadline: { ...handover, due: '2025-03-07T00:00:00+08:00' } }));
    expect(again.opened).toBe(false);
    expect(again).not.toHaveProperty('caseDeadline');
    expect(await repo().getCaseDeadline(caseId, 'order.handover')).toEqual(stored);
  });

  it('keeps a case deadline that exists without the step, opening the step alone', async () => {
    const caseId = await givenCase(repo());
    const handover = { caseId, caseType: 'order' as const, deadline: 'order.handover', startedAt: '2025-03-03T09:00:00.000Z', due: '2025-03-05T16:00:00.000Z' };
    await repo().startCaseDeadline(handover);

    const opened = await repo().openStep(reviewStep(caseId, { caseDeadline: { ...handover, startedAt: '2025-03-03T10:00:00.000Z', due: '2025-03-06T16:00:00.000Z' } }));

    expect(opened.opened).toBe(true);
    expect(opened).not.toHaveProperty('caseDeadline');
    expect((await repo().getCase(caseId)).steps).toEqual([opened.step]);
    expect(await repo().getCaseDeadline(caseId, 'order.handover')).toEqual(handover);
  });

  it('marks a step announced once, keeping the stamp through later transitions; an unknown step is StepNotFound', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const selector = { caseId, step: 'order.review', attempt: 1 };

    expect(await repo().markAnnounced(selector, '2025-03-03T10:00:01+08:00')).toBe(true);
    expect(await repo().markAnnounced({ caseId, step: 'order.review' }, '2025-03-03T10:05:00+08:00')).toBe(false);
    await repo().completeStep(selector, { at: '2025-03-03T10:20:00+08:00', by: 'agent-li' });

    expect(await repo().getStep(selector)).toMatchObject({ status: 'completed', announcedAt: '2025-03-03T02:00:01.000Z' });
    await expect(repo().markAnnounced({ caseId, step: 'order.pack', attempt: 1 }, '2025-03-03T10:00:00Z')).rejects.toBeInstanceOf(StepNotFound);
  });

  it('refuses to open a step on a closed case', async () => {
    const caseId = await givenCase(repo());
    await repo().closeCase({ caseId, status: 'cancelled', at: '2025-03-03T10:10:00+08:00' });
    const handover = { caseId, caseType: 'order' as const, deadline: 'order.handover', startedAt: '2025-03-03T02:00:00.000Z', due: '2025-03-05T16:00:00.000Z' };
    await expect(repo().openStep(reviewStep(caseId, { caseDeadline: handover }))).rejects.toBeInstanceOf(CaseClosed);
    expect(await repo().getCaseDeadline(caseId, 'order.handover')).toBeUndefined();
    await expect(repo().openStep(reviewStep('no-such-case'))).rejects.toMatchObject({ name: 'CaseNotFound' });
  });

  it('completes a step once, recording who, the outcome and that it was on time', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const done = await repo().completeStep(
      { caseId, step: 'order.review' },
      { at: '2025-03-03T10:20:00+08:00', by: 'agent-li', outcome: 'confirmed', fields: { note: 'ok' } },
    );
    expect(done).toMatchObject({ status: 'completed', completedAt: '2025-03-03T02:20:00.000Z', completedBy: 'agent-li', onTime: true, outcome: 'confirmed', fields: { note: 'ok' } });
    await expect(repo().completeStep({ caseId, step: 'order.review' }, { at: '2025-03-03T10:21:00+08:00', by: 'agent-wang' })).rejects.toMatchObject({
      name: 'StepNotOpen',
      status: 409,
      current: 'completed',
    });
    expect((await repo().getStep({ caseId, step: 'order.review' })).completedBy).toBe('agent-li');
  });

  it('records a late completion as not on time', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const late = await repo().completeStep({ caseId, step: 'order.review' }, { at: '2025-03-03T10:31:00+08:00', by: 'agent-li', outcome: 'confirmed' });
    expect(late.onTime).toBe(false);
  });

  it('throws StepNotFound for a step never opened', async () => {
    const caseId = await givenCase(repo());
    await expect(repo().completeStep({ caseId, step: 'order.pack' }, { at: '2025-03-03T10:00:00Z', by: 'x' })).rejects.toBeInstanceOf(StepNotFound);
  });

  it('cancels an open step and refuses to complete it afterwards', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const cancelled = await repo().cancelStep({ caseId, step: 'order.review' }, { at: '2025-03-03T10:05:00+08:00', reason: 'order-cancelled' });
    expect(cancelled).toMatchObject({ status: 'cancelled', outcome: 'order-cancelled' });
    await expect(repo().completeStep({ caseId, step: 'order.review' }, { at: '2025-03-03T10:06:00Z', by: 'x' })).rejects.toBeInstanceOf(StepNotOpen);
  });

  it('pauses and resumes a step, recording the interval and the recomputed deadline', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const selector = { caseId, step: 'order.review' };
    const paused = await repo().pauseStep(selector, { at: '2025-03-03T10:10:00+08:00', reason: 'callback', until: '2025-03-03T11:10:00+08:00', by: 'agent-li' });
    expect(paused).toMatchObject({ status: 'paused', pausedNow: { from: '2025-03-03T02:10:00.000Z', until: '2025-03-03T03:10:00.000Z', reason: 'callback' } });
    await expect(repo().pauseStep(selector, { at: '2025-03-03T10:11:00+08:00', reason: 'again' })).rejects.toBeInstanceOf(StepAlreadyPaused);

    const resumed = await repo().resumeStep(selector, { at: '2025-03-03T11:10:00+08:00', due: '2025-03-03T11:30:00+08:00', warnAt: '2025-03-03T11:24:00+08:00' });
    expect(resumed).toMatchObject({ status: 'open', due: '2025-03-03T03:30:00.000Z', warnAt: '2025-03-03T03:24:00.000Z' });
    expect(resumed.pausedNow).toBeUndefined();
    expect(resumed.pauses).toEqual([{ from: '2025-03-03T02:10:00.000Z', to: '2025-03-03T03:10:00.000Z', reason: 'callback', by: 'agent-li' }]);
    await expect(repo().resumeStep(selector, { at: '2025-03-03T11:11:00+08:00' })).rejects.toBeInstanceOf(StepNotPaused);
  });

  it('judges a step completed while paused at the moment its clock stopped', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const selector = { caseId, step: 'order.review' };
    await repo().pauseStep(selector, { at: '2025-03-03T10:20:00+08:00', reason: 'callback' });
    const done = await repo().completeStep(selector, { at: '2025-03-03T12:00:00+08:00', by: 'agent-li', outcome: 'confirmed' });
    expect(done).toMatchObject({ status: 'completed', onTime: true });
    expect(done.pauses).toEqual([{ from: '2025-03-03T02:20:00.000Z', to: '2025-03-03T04:00:00.000Z', reason: 'callback' }]);
  });

  it('marks a step warned and breached once each, escalating the breach', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const selector = { caseId, step: 'order.review', attempt: 1 };

    const warned = await repo().markWarned(selector, '2025-03-03T10:24:00+08:00');
    expect(warned).toMatchObject({ changed: true, step: { status: 'warned', warnedAt: '2025-03-03T02:24:00.000Z' } });
    expect((await repo().markWarned(selector, '2025-03-03T10:25:00+08:00')).changed).toBe(false);

    const breached = await repo().markBreached(selector, '2025-03-03T10:30:00+08:00', { role: 'supervisor', level: 1, seenAt: '2025-03-03T10:30:00+08:00' });
    expect(breached).toMatchObject({ changed: true, step: { status: 'breached', breachedAt: '2025-03-03T02:30:00.000Z', escalatedTo: 'supervisor' } });
    const repeat = await repo().markBreached(selector, '2025-03-03T10:31:00+08:00', { role: 'supervisor', level: 1, seenAt: '2025-03-03T10:31:00+08:00' });
    expect(repeat).toMatchObject({ changed: false, step: { breachedAt: '2025-03-03T02:30:00.000Z' } });

    const late = await repo().completeStep(selector, { at: '2025-03-03T10:45:00+08:00', by: 'agent-li', outcome: 'confirmed' });
    expect(late).toMatchObject({ status: 'completed', onTime: false, warnedAt: '2025-03-03T02:24:00.000Z' });
  });

  it('ignores a timer that fires before the (moved) deadline and timers of closed steps', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const selector = { caseId, step: 'order.review' };
    expect((await repo().markBreached(selector, '2025-03-03T10:29:59+08:00', { role: 'supervisor', level: 1, seenAt: '2025-03-03T10:29:59+08:00' })).changed).toBe(false);
    expect((await repo().markWarned(selector, '2025-03-03T10:23:00+08:00')).changed).toBe(false);

    await repo().completeStep(selector, { at: '2025-03-03T10:20:00+08:00', by: 'agent-li' });
    expect((await repo().markBreached(selector, '2025-03-03T10:30:00+08:00', { role: 'supervisor', level: 1, seenAt: '2025-03-03T10:30:00+08:00' })).changed).toBe(false);
    expect((await repo().getStep(selector)).status).toBe('completed');
  });

  it('does not breach a paused step', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const selector = { caseId, step: 'order.review' };
    await repo().pauseStep(selector, { at: '2025-03-03T10:10:00+08:00', reason: 'callback' });
    expect((await repo().markBreached(selector, '2025-03-03T10:30:00+08:00', { role: 'supervisor', level: 1, seenAt: '2025-03-03T10:30:00+08:00' })).changed).toBe(false);
  });

  it('addresses the latest attempt of a step that opened more than once', async () => {
    const caseId = await givenCase(repo());
    const payment = { caseId, caseType: 'order' as const, step: 'order.payment', role: 'presales-cs', openedAt: '2025-03-03T10:10:00+08:00', due: '2025-03-03T10:40:00+08:00' };
    await repo().openStep(payment);
    await repo().completeStep({ caseId, step: 'order.payment' }, { at: '2025-03-03T10:30:00+08:00', by: 'agent-zhao' });
    await repo().openStep({ ...payment, attempt: 2, openedAt: '2025-03-04T10:00:00+08:00', due: '2025-03-04T10:30:00+08:00' });

    expect(await repo().getStep({ caseId, step: 'order.payment' })).toMatchObject({ attempt: 2, status: 'open' });
    expect(await repo().getStep({ caseId, step: 'order.payment', attempt: 1 })).toMatchObject({ status: 'completed' });
    expect((await repo().getCase(caseId)).steps.map((s) => s.attempt)).toEqual([1, 2]);
  });
});
