/** `POST /cases/{caseId}/contact/reveal`: the full phone for whoever must call, recorded on the timeline; every other read stays masked. */
import { afterEach, describe, expect, it } from 'vitest';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { useHarness } from '../harness.ts';
import { staffRig } from './support.ts';

const MONDAY_10 = '2025-03-03T10:00:00+08:00';
const CUSTOMER = { name: '王芳', phone: '13712345678' };

describe('POST /cases/{caseId}/contact/reveal', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('gives the open step\'s role the full number and puts who and when on the timeline, while GET /cases/{id} still masks it', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.review', 'order', { customer: CUSTOMER });
    const answer = await rig.as('ann', 'ops-cs').post(`/cases/${caseId}/contact/reveal`);
    expect(answer.statusCode).toBe(200);
    expect(bodyOf(answer)).toEqual({ caseId, phone: '13712345678', revealedBy: 'ann', revealedAt: '2025-03-03T10:00:00+08:00' });

    const view = bodyOf(await rig.as('ann', 'ops-cs').get(`/cases/${caseId}`)) as { data: { customer: { phone: string } }; timeline: { kind: string; by?: string; step?: string; at: string }[] };
    expect(view.data.customer.phone).toBe('137****5678');
    expect(view.timeline.find((e) => e.kind === 'contact.revealed')).toMatchObject({ by: 'ann', step: 'order.review', at: '2025-03-03T10:00:00+08:00' });
    expect(JSON.stringify(view.timeline)).not.toContain('13712345678');
  });

  it('refuses a role with no open step on the case (403), and a case without a customer phone (404 ContactNotFound)', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.review', 'order', { customer: CUSTOMER });
    const refused = await rig.as('tom', 'picker').post(`/cases/${caseId}/contact/reveal`);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'Forbidden']);
    const supervisor = await rig.as('boss', 'supervisor').post(`/cases/${caseId}/contact/reveal`);
    expect(supervisor.statusCode).toBe(200);
    const noPhone = await rig.openCaseWithStep('order.review', 'order', {});
    const missing = await rig.as('ann', 'ops-cs').post(`/cases/${noPhone}/contact/reveal`);
    expect([missing.statusCode, errorOf(missing).code]).toEqual([404, 'ContactNotFound']);
  });
});
