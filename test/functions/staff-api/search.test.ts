/** `GET /search` and the filters of `GET /cases`: key reads on the real table (DynamoDB Local), never scans. */
import { afterEach, describe, expect, it } from 'vitest';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { uniqueId, useHarness } from '../harness.ts';
import { staffRig, type StaffRig } from './support.ts';

const MONDAY_10 = '2025-03-03T10:00:00+08:00';

interface Hit {
  id: string;
  type: string;
  orderId: string | null;
  customer: { name: string | null; phone: string | null } | null;
  matchedBy: string[];
}

/** A phone tail no other test's case has (the table is shared between files). */
function uniqueTail(): string {
  return String(1000 + Math.floor(Math.random() * 9000));
}

async function orderCase(rig: StaffRig, customer: { name: string; phone: string }): Promise<{ caseId: string; orderId: string }> {
  const orderId = uniqueId('SO');
  const caseId = `order-${orderId}`;
  await rig.repository.createCase({ id: caseId, type: 'order', orderId, openedAt: new Date(rig.clock.now()).toISOString(), data: { orderId, customer, items: [] } });
  return { caseId, orderId };
}

async function search(rig: StaffRig, q: string): Promise<Hit[]> {
  const answer = await rig.as('li', 'ops-cs').get('/search', { q });
  expect(answer.statusCode).toBe(200);
  return bodyOf(answer).items as Hit[];
}

describe('GET /search', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('finds a case by its id, its order number, the last 4 digits of the customer\'s phone and the customer\'s name, with name and phone masked', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const tail = uniqueTail();
    const name = `赵${uniqueId('客')}`;
    const { caseId, orderId } = await orderCase(rig, { name, phone: `1380013${tail}` });

    expect((await search(rig, caseId)).find((h) => h.id === caseId)?.matchedBy).toEqual(['case']);
    expect((await search(rig, orderId)).map((h) => [h.id, h.matchedBy])).toContainEqual([caseId, ['order']]);
    const byPhone = (await search(rig, tail)).find((h) => h.id === caseId);
    expect(byPhone).toMatchObject({ matchedBy: ['phone4'], customer: { name: `赵${'*'.repeat([...name].length - 1)}`, phone: `138****${tail}` } });
    expect((await search(rig, ` ${name} `)).map((h) => [h.id, h.matchedBy])).toEqual([[caseId, ['name']]]);
    // A full phone number is looked up by its tail.
    expect((await search(rig, `138-0013-${tail}`)).map((h) => h.id)).toContain(caseId);
  });

  it('finds a case by the tracking number typed at dispatch, whatever its case and spaces', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.dispatch');
    const trackingNo = `SF${uniqueTail()}${uniqueTail()}`;
    await rig.as('li', 'picker').post(`/cases/${caseId}/steps/order.dispatch/complete`, { fields: { carrier: 'SF', trackingNo } });
    const hits = await search(rig, ` ${trackingNo.toLowerCase().slice(0, 4)} ${trackingNo.slice(4)}`);
    expect(hits.map((h) => [h.id, h.matchedBy])).toEqual([[caseId, ['tracking']]]);
  });

  it('answers nothing found with an empty list, and a missing or overlong q with 400 naming it', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    expect(await search(rig, `nobody-${uniqueId('x')}`)).toEqual([]);
    const missing = await rig.as('li', 'ops-cs').get('/search');
    expect([missing.statusCode, errorOf(missing).message]).toEqual([400, 'query.q: is required']);
    const long = await rig.as('li', 'ops-cs').get('/search', { q: 'x'.repeat(65) });
    expect([long.statusCode, errorOf(long).message]).toEqual([400, 'query.q: must be at most 64 characters']);
  });
});

describe('GET /cases filters', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('keeps cases opened in the from–to days (Asia/Shanghai), with and without a status', async () => {
    const rig = staffRig(fresh('2025-03-03T23:30:00+08:00'));
    const monday = await rig.openCaseWithStep('order.review', 'complaint');
    await rig.clock.advance(60 * 60_000); // 00:30 Tuesday in Shanghai, still Monday in UTC
    const tuesday = await rig.openCaseWithStep('order.review', 'complaint');
    const staff = rig.as('li', 'ops-cs');
    for (const status of [undefined, 'open']) {
      const page = bodyOf(await staff.get('/cases', { type: 'complaint', from: '2025-03-04', to: '2025-03-04', limit: '100', ...(status ? { status } : {}) }));
      const ids = (page.items as { id: string }[]).map((c) => c.id);
      expect(ids).toContain(tuesday);
      expect(ids).not.toContain(monday);
    }
  });

  it('lists the cases with a step open now, by step or by role, and refuses a step or role the policy does not have', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const packing = await rig.openCaseWithStep('order.pack');
    const dispatching = await rig.openCaseWithStep('order.dispatch');
    const staff = rig.as('boss', 'supervisor');
    const byStep = (bodyOf(await staff.get('/cases', { step: 'order.pack', limit: '100' })).items as { id: string }[]).map((c) => c.id);
    expect(byStep).toContain(packing);
    expect(byStep).not.toContain(dispatching);
    const byRole = (bodyOf(await staff.get('/cases', { role: 'picker', limit: '100' })).items as { id: string }[]).map((c) => c.id);
    expect(byRole).toContain(dispatching);
    expect(byRole).not.toContain(packing);
    const badStep = await staff.get('/cases', { step: 'order.nap' });
    expect([badStep.statusCode, errorOf(badStep).message]).toEqual([400, 'query.step: is not a step of the policy']);
    const badRole = await staff.get('/cases', { role: 'janitor' });
    expect([badRole.statusCode, errorOf(badRole).message]).toEqual([400, 'query.role: is not a role of the policy']);
  });
});
