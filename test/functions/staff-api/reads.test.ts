import { afterEach, describe, expect, it } from 'vitest';
import { createOpenStep } from '../../../functions/open-step/open-step.ts';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { bodyOf, errorOf } from '../http/api-support.ts';
import { uniqueId, useHarness } from '../harness.ts';
import { staffRig } from './support.ts';

const MONDAY_10 = '2025-03-03T10:00:00+08:00';

interface QueueBody {
  items: { caseId: string; step: string; role: string; due: string | null; status: string }[];
}

describe('staff reads: queue, cases, SLA report', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('GET /queue lists the open steps of the caller\'s roles, soonest due first; a supervisor also sees escalated steps', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const pack = await rig.openCaseWithStep('order.pack'); // due 11:00
    const dispatch = await rig.openCaseWithStep('order.dispatch'); // due 10:05
    const review = await rig.openCaseWithStep('order.review'); // ops-cs
    await rig.repository.markBreached({ caseId: dispatch, step: 'order.dispatch' }, '2025-03-03T02:06:00Z', 'supervisor');
    const mine = new Set([pack, dispatch, review]);

    const worker = await rig.as('zhang', 'terminal-admin', 'picker').get('/queue');
    expect(worker.statusCode).toBe(200);
    const items = (bodyOf(worker) as unknown as QueueBody).items.filter((i) => mine.has(i.caseId));
    expect(items.map((i) => [i.step, i.status])).toEqual([
      ['order.dispatch', 'breached'],
      ['order.pack', 'open'],
    ]);
    expect(items[0]).not.toHaveProperty('taskToken');

    const boss = (bodyOf(await rig.as('boss', 'supervisor').get('/queue')) as unknown as QueueBody).items.filter((i) => mine.has(i.caseId));
    expect(boss.map((i) => i.step)).toEqual(['order.dispatch']);
  });

  it('GET /queue shows an unpaid follow-up to presales-cs only once its 10-minute payment wait is over', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = uniqueId('order');
    await rig.repository.createCase({ id: caseId, type: 'order', orderId: uniqueId('o'), openedAt: new Date(rig.clock.now()).toISOString(), data: {} });
    // The workflow opens follow-up 1 at placement, counting from the end of the wait.
    await createOpenStep(rig)({ caseId, caseType: 'order', step: 'order.payment', taskToken: 'tok', deadlineFrom: '2025-03-03T10:10:00+08:00' });
    const presales = rig.as('wang', 'presales-cs');
    const mine = async () => ((bodyOf(await presales.get('/queue')) as unknown as QueueBody).items ?? []).filter((i) => i.caseId === caseId).map((i) => i.step);

    expect(await rig.repository.getStep({ caseId, step: 'order.payment' })).toMatchObject({ status: 'open', startsAt: '2025-03-03T02:10:00.000Z' });
    expect(await mine()).toEqual([]);
    await rig.clock.advance(9 * 60_000);
    expect(await mine()).toEqual([]);
    await rig.clock.advance(60_000);
    expect(await mine()).toEqual(['order.payment']);
  });

  it('GET /cases/{caseId} shows the case with its steps and timeline, never a task token', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const response = await rig.as('li', 'ops-cs').get(`/cases/${caseId}`);
    expect(response.statusCode).toBe(200);
    const body = bodyOf(response);
    expect(body).toMatchObject({ id: caseId, type: 'order', status: 'open', links: [], steps: [{ step: 'order.pack', role: 'terminal-admin', status: 'open', due: '2025-03-03T03:00:00.000Z', completedAt: null, onTime: null }] });
    expect(response.body).not.toContain('tok-');
    expect((body.timeline as unknown[]).length).toBeGreaterThan(0);
  });

  it('GET /cases pages through cases of a type with nextToken, and lists every case about an order', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const orderId = uniqueId('ord');
    for (const type of ['complaint', 'complaint', 'complaint'] as const) {
      await rig.repository.createCase({ id: uniqueId('cpl'), type, orderId, openedAt: new Date(rig.clock.now()).toISOString(), data: {} });
    }
    const staff = rig.as('li', 'ops-cs');
    const first = bodyOf(await staff.get('/cases', { type: 'complaint', limit: '2' }));
    expect((first.items as unknown[]).length).toBe(2);
    expect(typeof first.nextToken).toBe('string');
    const second = bodyOf(await staff.get('/cases', { type: 'complaint', limit: '2', nextToken: String(first.nextToken) }));
    expect((second.items as unknown[]).length).toBeGreaterThanOrEqual(1);

    const byOrder = bodyOf(await staff.get('/cases', { orderId }));
    expect((byOrder.items as { orderId: string }[]).map((c) => c.orderId)).toEqual([orderId, orderId, orderId]);

    const noType = await staff.get('/cases');
    expect([noType.statusCode, errorOf(noType).message]).toEqual([400, 'query.type: is required unless orderId is given']);
    const badType = await staff.get('/cases', { type: 'parcel' });
    expect([badType.statusCode, errorOf(badType).message]).toEqual([400, expect.stringContaining('query.type: must be one of')]);
    const badToken = await staff.get('/cases', { type: 'complaint', nextToken: 'garbage' });
    expect([badToken.statusCode, errorOf(badToken).code]).toEqual([400, 'InvalidPageToken']);
  });

  it('GET /reports/sla gives per-group figures to a supervisor, CSV on Accept: text/csv, and 403 to anyone else', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    await rig.clock.advance(30 * 60_000);
    await rig.as('zhang', 'terminal-admin').post(`/cases/${caseId}/steps/order.pack/complete`, { fields: { serialNumbers: ['SN'], invoiceNo: 'I' } });

    const supervisor = rig.as('boss', 'supervisor');
    const report = bodyOf(await supervisor.get('/reports/sla', { from: '2025-03-03', to: '2025-03-03', groupBy: 'assignee' }));
    expect(report).toMatchObject({ from: '2025-03-03', to: '2025-03-03', groupBy: 'assignee' });
    expect((report.rows as { group: string }[]).find((r) => r.group === 'zhang')).toEqual({ group: 'zhang', count: 1, onTime: 1, onTimePct: 100, p50Minutes: 30, p90Minutes: 30, p50OnDutyMinutes: 30, p90OnDutyMinutes: 30, breaches: 0, openBreaches: 0, open: 0 });

    const csv = await supervisor.get('/reports/sla', { from: '2025-03-03', to: '2025-03-03', groupBy: 'assignee' }, { accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')).toContain('zhang,1,1,100,30,30,30,30,0,0,0');

    const refused = await rig.as('zhang', 'terminal-admin').get('/reports/sla', { from: '2025-03-03', to: '2025-03-03' });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'Forbidden']);
    const backwards = await supervisor.get('/reports/sla', { from: '2025-03-04', to: '2025-03-03' });
    expect([backwards.statusCode, errorOf(backwards).message]).toEqual([400, 'query.to: must not be before from']);
    const badGroup = await supervisor.get('/reports/sla', { from: '2025-03-03', to: '2025-03-03', groupBy: 'weather' });
    expect([badGroup.statusCode, errorOf(badGroup).message]).toEqual([400, expect.stringContaining('query.groupBy: must be one of step, role, assignee, day')]);
  });

  it('GET /reports/sla counts a step still open past its due as a breach, and one not yet due as open', async () => {
    // A day no other test uses, so the store's other steps stay out of these rows.
    const rig = staffRig(fresh('2029-07-10T10:00:00+08:00'));
    await rig.openCaseWithStep('order.review'); // due 10:30
    await rig.openCaseWithStep('order.pack'); // due 11:00
    await rig.clock.advance(45 * 60_000);
    const report = bodyOf(await rig.as('boss', 'supervisor').get('/reports/sla', { from: '2029-07-10', to: '2029-07-10', groupBy: 'step' }));
    expect(report.rows).toEqual([
      expect.objectContaining({ group: 'order.pack', count: 0, onTime: 0, onTimePct: null, breaches: 0, open: 1 }),
      expect.objectContaining({ group: 'order.review', count: 1, onTime: 0, onTimePct: 0, breaches: 1, openBreaches: 1, open: 0 }),
    ]);
  });

  it('refuses staff routes without claims (401) or without any role (403)', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const anonymous = await rig.anonymous.get('/queue');
    expect([anonymous.statusCode, errorOf(anonymous).code]).toEqual([401, 'Unauthenticated']);
    const roleless = await rig.as('nobody').get('/queue');
    expect([roleless.statusCode, errorOf(roleless).code]).toEqual([403, 'Forbidden']);
  });
});
