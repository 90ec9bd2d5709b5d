import { afterEach, describe, expect, it } from 'vitest';
import { createOpenStep } from '../../../functions/open-step/open-step.ts';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { useHarness } from '../harness.ts';
import { staffRig } from './support.ts';

describe('GET /pickups', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('lists the parcels a run would hand over, with order, planned batch, carrier and tracking number, for the confirmation', async () => {
    const rig = staffRig(fresh('2025-03-03T11:00:00+08:00'));
    const caseId = await rig.openCaseWithStep('order.dispatch');
    const picker = rig.as('zhao', 'picker');
    expect((await picker.post(`/cases/${caseId}/steps/order.dispatch/complete`, { fields: { carrier: 'SF', trackingNo: 'SF1234567890' } })).statusCode).toBe(200);
    await createOpenStep(rig)({ caseId, caseType: 'order', step: 'order.pickup', taskToken: `tok-${caseId}-order.pickup` });

    const answer = await picker.get('/pickups');
    expect(answer.statusCode).toBe(200);
    const parcels = bodyOf(answer).parcels as { caseId: string }[];
    const ours = parcels.find((p) => p.caseId === caseId);
    expect(ours).toEqual({ caseId, orderId: expect.stringMatching(/^order-/), plannedAt: '2025-03-03T13:00:00+08:00', state: 'waiting', carrier: 'SF', trackingNo: 'SF1234567890' });

    await rig.clock.advanceTo('2025-03-03T13:00:10+08:00');
    expect(((bodyOf(await picker.get('/pickups')).parcels as { caseId: string; state: string }[]).find((p) => p.caseId === caseId))?.state).toBe('due');
    expect([(await rig.as('li', 'ops-cs').get('/pickups')).statusCode]).toEqual([403]);
  });
});

describe('POST /pickups/run', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('hands every dispatched parcel to the courier for a picker, answering the waiting workflows', async () => {
    // Monday 11:30: the order placed at 11:00 is planned for the 13:00 batch; the courier came early.
    const rig = staffRig(fresh('2025-03-03T11:00:00+08:00'));
    const caseId = await rig.openCaseWithStep('order.pickup');
    await rig.clock.advanceTo('2025-03-03T11:30:00+08:00');

    const response = await rig.as('zhao', 'picker').post('/pickups/run');
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response).handedOver).toEqual([{ caseId, plannedAt: '2025-03-03T13:00:00+08:00', missed: false }]);
    expect(bodyOf(response).ranAt).toBe('2025-03-03T11:30:00+08:00');
    expect(await rig.repository.getStep({ caseId, step: 'order.pickup' })).toMatchObject({ status: 'completed', completedBy: 'zhao', completedAt: '2025-03-03T03:30:00.000Z' });
    expect(bodyOf(response).batchId).toBe('2025-03-03T11:30:00-manual');
    expect(rig.workflows.succeeded.map((s) => s.taskToken)).toEqual([`tok-${caseId}-order.pickup`]);
  });

  it('refuses anyone but a picker or supervisor with 403', async () => {
    const rig = staffRig(fresh('2025-03-03T11:00:00+08:00'));
    const response = await rig.as('li', 'ops-cs').post('/pickups/run');
    expect([response.statusCode, errorOf(response).code]).toEqual([403, 'Forbidden']);
  });
});
