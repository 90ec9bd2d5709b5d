import { afterEach, describe, expect, it } from 'vitest';
import { createOpenStep } from '../../../functions/open-step/open-step.ts';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { uniqueId, useHarness } from '../harness.ts';
import { staffRig, type StaffRig } from './support.ts';
import { confirmedChecklist } from '../../support/checklists.ts';

// service-standards.md §5: a no-reason return (`insist`) only within 7 days counted from the day after
// the customer signed, ending 24:00 of the 7th day (Beijing time); §6 (seed "完好无损7天包换"): `no-reason` exchanges alike.
// Signed Monday 2025-03-03 15:00 → the window ends 24:00 Monday 03-10.
const SIGNED = '2025-03-03T07:00:00.000Z';
const LAST_SECOND = '2025-03-10T23:59:59+08:00';
const CLOSED = '2025-03-11T09:00:00+08:00';

async function caseWithVerify(rig: StaffRig, type: 'return' | 'exchange', data: Record<string, unknown>): Promise<string> {
  const caseId = uniqueId(type);
  await rig.repository.createCase({ id: caseId, type, orderId: uniqueId('o'), openedAt: new Date(rig.clock.now()).toISOString(), data });
  await createOpenStep(rig)({ caseId, caseType: type, step: `${type}.verify`, taskToken: `tok-${caseId}` });
  return caseId;
}

describe('the 7-day no-reason window at step completion', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it.each([
    ['return', 'insist'],
    ['exchange', 'no-reason'],
  ] as const)('refuses %s.verify outcome %s after the window with 409 NoReasonWindowClosed naming its end; the step stays open', async (type, outcome) => {
    const rig = staffRig(fresh(CLOSED));
    const caseId = await caseWithVerify(rig, type, { deliveredAt: SIGNED, noReasonDays: 7 });
    const refused = await rig.as('olivia', 'ops-cs').post(`/cases/${caseId}/steps/${type}.verify/complete`, { outcome, fields: confirmedChecklist(`${type}.verify`, outcome) });

    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('NoReasonWindowClosed');
    expect(errorOf(refused).message).toContain('2025-03-10 Mon 24:00 Beijing time (2025-03-11T00:00:00+08:00)');
    expect((bodyOf(refused).error as { details: unknown }).details).toEqual({ endsAt: '2025-03-11T00:00:00+08:00', deliveredAt: '2025-03-03T15:00:00+08:00', days: 7 });
    expect(await rig.repository.getStep({ caseId, step: `${type}.verify` })).toMatchObject({ status: 'open' });
    expect(rig.workflows.succeeded).toEqual([]);

    const view = bodyOf(await rig.as('olivia', 'ops-cs').get(`/cases/${caseId}`));
    expect(view.noReasonWindow).toEqual({ endsAt: '2025-03-11T00:00:00+08:00', open: false, deliveredAt: '2025-03-03T15:00:00+08:00', days: 7 });
  });

  it('accepts the no-reason outcome in the last second of day 7, and shows the window open', async () => {
    const rig = staffRig(fresh(LAST_SECOND));
    const caseId = await caseWithVerify(rig, 'return', { deliveredAt: SIGNED, noReasonDays: 7 });
    expect(bodyOf(await rig.as('olivia', 'ops-cs').get(`/cases/${caseId}`)).noReasonWindow).toMatchObject({ open: true });
    expect((await rig.as('olivia', 'ops-cs').post(`/cases/${caseId}/steps/return.verify/complete`, { outcome: 'insist', fields: confirmedChecklist('return.verify', 'insist') })).statusCode).toBe(200);
  });

  it('accepts a quality return after the window: a quality problem has no such window', async () => {
    const rig = staffRig(fresh(CLOSED));
    const caseId = await caseWithVerify(rig, 'return', { deliveredAt: SIGNED, noReasonDays: 7 });
    expect((await rig.as('olivia', 'ops-cs').post(`/cases/${caseId}/steps/return.verify/complete`, { outcome: 'quality', fields: { exchangeTaken: false, ...confirmedChecklist('return.verify', 'quality') } })).statusCode).toBe(200);
  });

  it('accepts the no-reason outcome before delivery (no window yet), and the case shows no window', async () => {
    const rig = staffRig(fresh(CLOSED));
    const caseId = await caseWithVerify(rig, 'return', { deliveredAt: null, noReasonDays: 7 });
    expect(bodyOf(await rig.as('olivia', 'ops-cs').get(`/cases/${caseId}`))).not.toHaveProperty('noReasonWindow');
    expect((await rig.as('olivia', 'ops-cs').post(`/cases/${caseId}/steps/return.verify/complete`, { outcome: 'insist', fields: confirmedChecklist('return.verify', 'insist') })).statusCode).toBe(200);
  });

  it('counts from the order’s delivery when the parcel was signed for after the return was requested', async () => {
    const rig = staffRig(fresh(CLOSED));
    const orderCaseId = uniqueId('order');
    await rig.repository.createCase({ id: orderCaseId, type: 'order', orderId: uniqueId('o'), openedAt: SIGNED, data: {} });
    await rig.repository.appendTimeline(orderCaseId, { id: 'order.delivered', at: SIGNED, kind: 'order.delivered', detail: { deliveredAt: SIGNED } });
    const caseId = await caseWithVerify(rig, 'return', { deliveredAt: null, noReasonDays: 7, orderCaseId });

    const refused = await rig.as('olivia', 'ops-cs').post(`/cases/${caseId}/steps/return.verify/complete`, { outcome: 'insist', fields: confirmedChecklist('return.verify', 'insist') });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'NoReasonWindowClosed']);
  });
});
