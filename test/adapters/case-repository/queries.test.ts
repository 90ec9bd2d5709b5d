import { describe, expect, it } from 'vitest';
import { givenCase, reviewStep, useCaseRepository } from './fixture.ts';

/** Each describe gets its own table, so every list below is exact. */
const ids = (steps: { caseId: string; step: string }[]): string[] => steps.map((s) => `${s.caseId}/${s.step}`);

describe('queue: active steps by role, soonest due first', () => {
  const { repo } = useCaseRepository();

  it('lists a role’s active steps (paused ones included) by due, and drops closed ones', async () => {
    const late = await givenCase(repo());
    const early = await givenCase(repo());
    const paused = await givenCase(repo());
    const done = await givenCase(repo());
    const other = await givenCase(repo());
    await repo().openStep(reviewStep(late, { due: '2025-03-03T10:40:00+08:00' }));
    await repo().openStep(reviewStep(early, { due: '2025-03-03T10:20:00+08:00' }));
    await repo().openStep(reviewStep(paused, { due: '2025-03-03T10:30:00+08:00' }));
    await repo().openStep(reviewStep(done, { due: '2025-03-03T10:10:00+08:00' }));
    await repo().openStep({ caseId: other, caseType: 'order', step: 'order.pack', role: 'terminal-admin', openedAt: '2025-03-03T10:00:00+08:00', due: '2025-03-03T11:00:00+08:00' });
    await repo().pauseStep({ caseId: paused, step: 'order.review' }, { at: '2025-03-03T10:05:00+08:00', reason: 'callback' });
    await repo().completeStep({ caseId: done, step: 'order.review' }, { at: '2025-03-03T10:05:00+08:00', by: 'agent-li' });

    const queue = await repo().listQueue('ops-cs');
    expect(ids(queue.items)).toEqual([`${early}/order.review`, `${paused}/order.review`, `${late}/order.review`]);
    expect(queue.items.map((s) => s.status)).toEqual(['open', 'paused', 'open']);
    expect(queue.nextToken).toBeUndefined();
    expect(ids((await repo().listQueue('terminal-admin')).items)).toEqual([`${other}/order.pack`]);
  });

  it('pages through a queue with nextToken', async () => {
    const first = await repo().listQueue('ops-cs', { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = await repo().listQueue('ops-cs', { limit: 2, nextToken: first.nextToken });
    expect(second.items).toHaveLength(1);
    expect(ids([...first.items, ...second.items])).toEqual(ids((await repo().listQueue('ops-cs')).items));
  });

  it('rejects a page token it did not issue', async () => {
    await expect(repo().listQueue('ops-cs', { nextToken: 'not-a-token' })).rejects.toMatchObject({ name: 'InvalidPageToken', status: 400 });
  });
});

describe('sweep and escalation: steps whose SLA timer is due', () => {
  const { repo } = useCaseRepository();

  it('lists armed steps whose next timer is at or before T; breached steps move to the escalation list', async () => {
    const a = await givenCase(repo());
    const b = await givenCase(repo());
    const c = await givenCase(repo());
    await repo().openStep(reviewStep(a, { warnAt: '2025-03-03T10:24:00+08:00', due: '2025-03-03T10:30:00+08:00' }));
    await repo().openStep(reviewStep(b, { warnAt: '2025-03-03T10:16:00+08:00', due: '2025-03-03T10:20:00+08:00' }));
    await repo().openStep(reviewStep(c, { warnAt: undefined, due: '2025-03-03T11:30:00+08:00' }));

    expect(ids((await repo().listOpenStepsDueBefore('2025-03-03T10:24:00+08:00')).items)).toEqual([`${b}/order.review`, `${a}/order.review`]);
    expect((await repo().listOpenStepsDueBefore('2025-03-03T10:15:59+08:00')).items).toEqual([]);

    // Warned: the next timer is the due time, still before T.
    await repo().markWarned({ caseId: b, step: 'order.review' }, '2025-03-03T10:16:00+08:00');
    expect(ids((await repo().listOpenStepsDueBefore('2025-03-03T10:25:00+08:00')).items)).toEqual([`${b}/order.review`, `${a}/order.review`]);

    // Breached: no timer left to fire; it waits in the supervisor's escalation list instead.
    await repo().markBreached({ caseId: b, step: 'order.review' }, '2025-03-03T10:20:00+08:00', { role: 'supervisor', level: 1, seenAt: '2025-03-03T10:20:00+08:00' });
    expect(ids((await repo().listOpenStepsDueBefore('2025-03-03T10:25:00+08:00')).items)).toEqual([`${a}/order.review`]);
    expect(ids((await repo().listEscalated('supervisor')).items)).toEqual([`${b}/order.review`]);
    expect(ids((await repo().listOpenStepsDueBefore('2025-03-03T12:00:00+08:00')).items)).toEqual([`${a}/order.review`, `${c}/order.review`]);
  });

  it('takes paused steps out of the sweep and puts them back with the new deadline on resume', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId, { warnAt: '2025-03-03T09:00:00+08:00', due: '2025-03-03T09:05:00+08:00' }));
    const selector = { caseId, step: 'order.review' };
    const before = async (at: string): Promise<string[]> => ids((await repo().listOpenStepsDueBefore(at)).items).filter((id) => id.startsWith(caseId));

    expect(await before('2025-03-03T09:00:00+08:00')).toEqual([`${caseId}/order.review`]);
    await repo().pauseStep(selector, { at: '2025-03-03T08:59:00+08:00', reason: 'callback' });
    expect(await before('2025-03-03T09:00:00+08:00')).toEqual([]);
    await repo().resumeStep(selector, { at: '2025-03-03T09:30:00+08:00', warnAt: '2025-03-03T09:31:00+08:00', due: '2025-03-03T09:36:00+08:00' });
    expect(await before('2025-03-03T09:30:59+08:00')).toEqual([]);
    expect(await before('2025-03-03T09:31:00+08:00')).toEqual([`${caseId}/order.review`]);
  });

  it('drops completed steps from the escalation list', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    await repo().markBreached({ caseId, step: 'order.review' }, '2025-03-03T10:30:00+08:00', { role: 'supervisor', level: 1, seenAt: '2025-03-03T10:30:00+08:00' });
    expect(ids((await repo().listEscalated('supervisor')).items)).toContain(`${caseId}/order.review`);
    await repo().completeStep({ caseId, step: 'order.review' }, { at: '2025-03-03T10:40:00+08:00', by: 'supervisor-wu' });
    expect(ids((await repo().listEscalated('supervisor')).items)).not.toContain(`${caseId}/order.review`);
  });
});

describe('awaiting: parcels ready for a pickup batch', () => {
  const { repo } = useCaseRepository();

  it('lists open order.pickup waits by planned batch, without those already handed over', async () => {
    const forTen = await givenCase(repo());
    const forOne = await givenCase(repo());
    const handedOver = await givenCase(repo());
    const pickup = (caseId: string, due: string) => ({ caseId, caseType: 'order' as const, step: 'order.pickup', role: 'automatic', openedAt: '2025-03-03T08:00:00+08:00', due });
    await repo().openStep(pickup(forOne, '2025-03-03T13:00:00+08:00'));
    await repo().openStep(pickup(forTen, '2025-03-03T10:00:00+08:00'));
    await repo().openStep(pickup(handedOver, '2025-03-03T10:00:00+08:00'));
    await repo().openStep({ caseId: forTen, caseType: 'order', step: 'order.delivery', role: 'automatic', openedAt: '2025-03-03T08:00:00+08:00' });
    await repo().completeStep({ caseId: handedOver, step: 'order.pickup' }, { at: '2025-03-03T10:00:00+08:00', by: 'pickup-batch' });

    expect(ids((await repo().listAwaiting('order.pickup')).items)).toEqual([`${forTen}/order.pickup`, `${forOne}/order.pickup`]);
    expect(ids((await repo().listAwaiting('order.delivery')).items)).toEqual([`${forTen}/order.delivery`]);
    expect((await repo().listQueue('automatic')).items).toEqual([]);
  });
});

describe('reports: steps closed per Asia/Shanghai day', () => {
  const { repo } = useCaseRepository();

  it('groups closed steps by the Shanghai calendar day, in closing order', async () => {
    const a = await givenCase(repo());
    const b = await givenCase(repo());
    const c = await givenCase(repo());
    const open = await givenCase(repo());
    for (const caseId of [a, b, c, open]) await repo().openStep(reviewStep(caseId));
    // 23:30 and 00:30 Shanghai are the same UTC day (15:30Z, 16:30Z) but different report days.
    await repo().completeStep({ caseId: b, step: 'order.review' }, { at: '2025-03-03T23:30:00+08:00', by: 'agent-li' });
    await repo().completeStep({ caseId: a, step: 'order.review' }, { at: '2025-03-03T10:20:00+08:00', by: 'agent-li' });
    await repo().cancelStep({ caseId: c, step: 'order.review' }, { at: '2025-03-04T00:30:00+08:00', reason: 'order-cancelled' });

    expect(ids((await repo().listStepsClosedOn('2025-03-03')).items)).toEqual([`${a}/order.review`, `${b}/order.review`]);
    const nextDay = (await repo().listStepsClosedOn('2025-03-04')).items;
    expect(ids(nextDay)).toEqual([`${c}/order.review`]);
    expect(nextDay[0]?.status).toBe('cancelled');
    expect((await repo().listStepsClosedOn('2025-03-02')).items).toEqual([]);
  });
});
