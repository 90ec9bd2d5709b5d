import { describe, expect, it } from 'vitest';
import { CaseClosed, CaseIdConflict, CaseNotFound } from '../../../core/cases/errors.ts';
import { givenCase, uniqueId, useCaseRepository } from './fixture.ts';

describe('DynamoDbCaseRepository — cases', () => {
  const { repo } = useCaseRepository();

  it('creates a case and reads it back with UTC instants', async () => {
    const id = uniqueId('order');
    const { case: created, created: isNew } = await repo().createCase({
      id,
      type: 'order',
      orderId: 'SO-1001',
      openedAt: '2025-03-03T10:00:00+08:00',
      sourceEventId: 'evt-1',
      data: { paid: true, items: [{ sku: 'P1', qty: 1 }] },
    });
    expect(isNew).toBe(true);
    expect(created.openedAt).toBe('2025-03-03T02:00:00.000Z');

    const view = await repo().getCase(id);
    expect(view.case).toEqual({
      id,
      type: 'order',
      status: 'open',
      orderId: 'SO-1001',
      openedAt: '2025-03-03T02:00:00.000Z',
      sourceEventId: 'evt-1',
      data: { paid: true, items: [{ sku: 'P1', qty: 1 }] },
    });
    expect(view).toMatchObject({ steps: [], links: [], timeline: [] });
  });

  it('returns the stored case when the same case is created twice', async () => {
    const id = uniqueId('order');
    const input = { id, type: 'order' as const, orderId: 'SO-1002', openedAt: '2025-03-03T10:00:00+08:00', data: { first: true } };
    await repo().createCase(input);
    const again = await repo().createCase({ ...input, data: { first: false } });
    expect(again.created).toBe(false);
    expect(again.case.data).toEqual({ first: true });
  });

  it('writes a new case and its opening entry together; a repeat writes neither again', async () => {
    const id = uniqueId('order');
    const entry = { id: 'case.opened', at: '2025-03-03T10:00:05+08:00', kind: 'case.opened', by: 'storefront', detail: { eventId: 'evt-1' } };
    const input = { id, type: 'order' as const, orderId: 'SO-1004', openedAt: '2025-03-03T10:00:00+08:00', data: {}, entry };
    expect((await repo().createCase(input)).created).toBe(true);
    const again = await repo().createCase({ ...input, entry: { ...entry, at: '2025-03-03T11:00:00+08:00', detail: { eventId: 'evt-2' } } });

    expect(again.created).toBe(false);
    expect((await repo().getCase(id)).timeline).toEqual([{ ...entry, at: '2025-03-03T02:00:05.000Z' }]);
  });

  it('refuses a different case under a taken id', async () => {
    const id = await givenCase(repo(), 'order', 'SO-1003');
    await expect(repo().createCase({ id, type: 'return', orderId: 'SO-1003', openedAt: '2025-03-03T10:00:00Z', data: {} })).rejects.toBeInstanceOf(CaseIdConflict);
  });

  it('reads many cases at once in the order asked, more than one BatchGetItem call of 100, leaving out unknown ids', async () => {
    const known = await Promise.all(Array.from({ length: 230 }, () => givenCase(repo())));
    const asked = [...known.slice(0, 120), uniqueId('order-missing'), ...known.slice(120).reverse()];
    expect((await repo().getCaseRecords(asked)).map((c) => c.id)).toEqual(asked.filter((id) => known.includes(id)));
    expect(await repo().getCaseRecords([])).toEqual([]);
  });

  it('throws CaseNotFound for an unknown case', async () => {
    await expect(repo().getCase('no-such-case')).rejects.toMatchObject({ name: 'CaseNotFound', status: 404 });
  });

  it('finds cases by storefront order id, by type', async () => {
    const orderCase = await givenCase(repo(), 'order', 'SO-2001');
    const cancellation = await givenCase(repo(), 'cancellation', 'SO-2001');
    await givenCase(repo(), 'order', 'SO-2002');

    expect((await repo().findCaseByOrderId('SO-2001'))?.id).toBe(orderCase);
    expect((await repo().findCaseByOrderId('SO-2001', 'cancellation'))?.id).toBe(cancellation);
    expect(await repo().findCaseByOrderId('SO-2001', 'return')).toBeUndefined();
    expect(await repo().findCaseByOrderId('SO-unknown')).toBeUndefined();
    const all = await repo().listCasesForOrder('SO-2001');
    expect(all.map((c) => c.id).sort()).toEqual([orderCase, cancellation].sort());
  });

  it('closes an open case once; closing again is a conflict', async () => {
    const id = await givenCase(repo(), 'complaint');
    const closed = await repo().closeCase({ caseId: id, status: 'completed', at: '2025-03-04T09:00:00+08:00' });
    expect(closed).toMatchObject({ status: 'completed', closedAt: '2025-03-04T01:00:00.000Z' });
    await expect(repo().closeCase({ caseId: id, status: 'cancelled', at: '2025-03-04T10:00:00Z' })).rejects.toBeInstanceOf(CaseClosed);
    await expect(repo().closeCase({ caseId: 'no-such-case', status: 'cancelled', at: '2025-03-04T10:00:00Z' })).rejects.toBeInstanceOf(CaseNotFound);
  });

  it('lists cases of a type by status', async () => {
    const open = await givenCase(repo(), 'stock');
    const expired = await givenCase(repo(), 'stock');
    await repo().closeCase({ caseId: expired, status: 'expired', at: '2025-03-06T16:00:00Z' });

    const openIds = (await repo().listCases({ type: 'stock', status: 'open' })).items.map((c) => c.id);
    expect(openIds).toContain(open);
    expect(openIds).not.toContain(expired);
    const allIds = (await repo().listCases({ type: 'stock' })).items.map((c) => c.id);
    expect(allIds).toEqual(expect.arrayContaining([open, expired]));
  });

  it('links two cases on both sides with inverse relations', async () => {
    const order = await givenCase(repo(), 'order', 'SO-3001');
    const cancellation = await givenCase(repo(), 'cancellation', 'SO-3001');
    await repo().linkCases({ caseId: cancellation, otherCaseId: order, relation: 'originates-from', at: '2025-03-03T11:00:00+08:00' });

    expect((await repo().getCase(cancellation)).links).toEqual([
      { caseId: order, caseType: 'order', relation: 'originates-from', linkedAt: '2025-03-03T03:00:00.000Z' },
    ]);
    expect((await repo().getCase(order)).links).toEqual([
      { caseId: cancellation, caseType: 'cancellation', relation: 'gave-rise', linkedAt: '2025-03-03T03:00:00.000Z' },
    ]);
  });

  it('writes no link when either case is missing', async () => {
    const order = await givenCase(repo());
    await expect(repo().linkCases({ caseId: order, otherCaseId: 'no-such-case', relation: 'gave-rise', at: '2025-03-03T11:00:00Z' })).rejects.toBeInstanceOf(CaseNotFound);
    expect((await repo().getCase(order)).links).toEqual([]);
  });

  it('keeps the timeline in time order and an entry id once', async () => {
    const id = await givenCase(repo());
    await repo().appendTimeline(id, { id: 'e2', at: '2025-03-03T10:05:00+08:00', kind: 'step.opened', step: 'order.review' });
    await repo().appendTimeline(id, { id: 'e1', at: '2025-03-03T10:00:00+08:00', kind: 'case.opened' });
    await repo().appendTimeline(id, { id: 'e2', at: '2025-03-03T10:05:00+08:00', kind: 'step.opened', step: 'order.review' });

    const timeline = (await repo().getCase(id)).timeline;
    expect(timeline.map((entry) => entry.id)).toEqual(['e1', 'e2']);
    expect(timeline[1]).toEqual({ id: 'e2', at: '2025-03-03T02:05:00.000Z', kind: 'step.opened', step: 'order.review' });
  });

  it('refuses timeline entries for an unknown case', async () => {
    await expect(repo().appendTimeline('no-such-case', { id: 'x', at: '2025-03-03T10:00:00Z', kind: 'note' })).rejects.toBeInstanceOf(CaseNotFound);
  });
});
