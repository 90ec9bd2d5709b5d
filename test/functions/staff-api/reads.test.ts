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
    await rig.repository.markBreached({ caseId: dispatch, step: 'order.dispatch' }, '2025-03-03T02:06:00Z', { role: 'supervisor', level: 1, seenAt: '2025-03-03T02:06:00Z' });
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

  it('GET /queue gives each row its label and countdown on the role\'s shifts: minutes left, on duty or when counting resumes, and the pause', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const pack = await rig.openCaseWithStep('order.pack'); // terminal-admin 09:00–17:00, due 11:00
    const review = await rig.openCaseWithStep('order.review'); // ops-cs 08:00–20:00, due 10:30
    const staff = rig.as('zhang', 'terminal-admin', 'ops-cs');
    const rowsOf = async (): Promise<Record<string, Record<string, unknown>>> =>
      Object.fromEntries((bodyOf(await staff.get('/queue')).items as Record<string, unknown>[]).filter((i) => i.caseId === pack || i.caseId === review).map((i) => [i.step, i]));

    await rig.clock.advance(10 * 60_000);
    const at1010 = await rowsOf();
    expect(at1010['order.pack']).toMatchObject({ stepLabel: { zh: '打包录串号', en: 'Pack and enter serials' }, remainingOnDutyMinutes: 50, onDutyNow: true, countingResumesAt: null, pausedNow: null });
    expect(at1010['order.review']).toMatchObject({ stepLabel: { zh: '订单审核', en: 'Order review' }, remainingOnDutyMinutes: 20, onDutyNow: true });

    await staff.post(`/cases/${pack}/steps/order.pack/pause`, { reason: '等客户回电 customer calls back', until: '2025-03-03T18:00:00+08:00' });
    await rig.clock.advanceTo('2025-03-03T18:30:00+08:00');
    const evening = await rowsOf();
    // Paused at 10:10 with 50 minutes left; the pause ends off duty, so counting resumes at the next shift.
    expect(evening['order.pack']).toMatchObject({
      status: 'paused',
      remainingOnDutyMinutes: 50,
      onDutyNow: false,
      countingResumesAt: '2025-03-04T09:00:00+08:00',
      pausedNow: { reason: '等客户回电 customer calls back' },
    });
    // Due 10:30, ops-cs on duty until 20:00: 8 h of on-duty time past due so far.
    expect(evening['order.review']).toMatchObject({ remainingOnDutyMinutes: -480, onDutyNow: true, countingResumesAt: null });

    await rig.clock.advanceTo('2025-03-03T21:00:00+08:00');
    expect((await rowsOf())['order.review']).toMatchObject({ remainingOnDutyMinutes: -570, onDutyNow: false, countingResumesAt: '2025-03-04T08:00:00+08:00' });
  });

  it('GET /cases/{caseId} shows the case with its steps and timeline, never a task token', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const response = await rig.as('li', 'ops-cs').get(`/cases/${caseId}`);
    expect(response.statusCode).toBe(200);
    const body = bodyOf(response);
    expect(body).toMatchObject({ id: caseId, type: 'order', status: 'open', links: [], steps: [{ step: 'order.pack', role: 'terminal-admin', status: 'open', due: '2025-03-03T11:00:00+08:00', completedAt: null, onTime: null }] });
    expect(response.body).not.toContain('tok-');
    // Every time in the answer (steps, timeline details included) is in the policy's zone, none in UTC.
    expect(response.body).toMatch(/"2025-03-03T10:00:00\+08:00"/);
    expect(response.body).not.toMatch(/\d\dZ"/);
    expect((body.timeline as unknown[]).length).toBeGreaterThan(0);
  });

  it('GET /cases/{caseId} masks customer.mobile and customer.phoneNumber too (issue 21 item 10), as well as the schema\'s customer.phone', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.review', 'order', { customer: { name: '张三', phone: '13800001234', mobile: '13900005678', phoneNumber: '13700009999' }, address: '上海市浦东新区' });
    const response = await rig.as('li', 'ops-cs').get(`/cases/${caseId}`);
    expect(bodyOf(response).data).toEqual({ customer: { name: '张三', phone: '138****1234', mobile: '139****5678', phoneNumber: '137****9999' }, address: '上海市浦东新区' });
    expect(response.body).not.toMatch(/13900005678|13700009999|13800001234/);
  });

  it('GET /cases/{caseId} explains each step\'s deadline in Chinese and English and masks the customer\'s phone', async () => {
    const rig = staffRig(fresh('2025-03-03T21:10:00+08:00')); // Monday, ops-cs off duty
    const caseId = await rig.openCaseWithStep('order.review', 'order', { customer: { name: '张三', phone: '13800001234' }, address: '上海市浦东新区' });
    const body = bodyOf(await rig.as('li', 'ops-cs').get(`/cases/${caseId}`));
    expect(body.data).toEqual({ customer: { name: '张三', phone: '138****1234' }, address: '上海市浦东新区' });
    const [review] = body.steps as { deadlineExplanation: { zh: string[]; en: string[] } }[];
    expect(review?.deadlineExplanation.zh).toEqual([
      '订单审核(运营客服):运营客服在岗时间 30 分钟内;非在岗时段到达:下一个在岗日 09:00 前',
      '打开于 2025-03-03 周一 21:10,运营客服不在岗,2025-03-04 周二 08:00 起计时',
      '计时预算:1 小时在岗时间',
      '预警时间 2025-03-04 周二 08:48',
      '到期时间 2025-03-04 周二 09:00',
    ]);
    expect(review?.deadlineExplanation.en[0]).toBe('order.review (ops-cs): 30m of ops-cs on-duty time; opened off duty: by 09:00 of the next on-duty day');
    expect(review?.deadlineExplanation.en.at(-1)).toBe('due 2025-03-04 Tue 09:00');
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
    expect([noType.statusCode, errorOf(noType).message]).toEqual([400, 'query.type: is required unless orderId, step or role is given']);
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
    expect((report.rows as { group: string }[]).find((r) => r.group === 'zhang')).toEqual({ group: 'zhang', count: 1, completed: 1, onTime: 1, onTimePct: 100, p50Minutes: 30, p90Minutes: 30, p50OnDutyMinutes: 30, p90OnDutyMinutes: 30, breaches: 0, openBreaches: 0, open: 0 });

    const csv = await supervisor.get('/reports/sla', { from: '2025-03-03', to: '2025-03-03', groupBy: 'assignee' }, { accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')).toContain('zhang,1,1,100,30,30,30,30,0,0,0,1');

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
      expect.objectContaining({ group: 'order.review', count: 1, completed: 0, onTime: 0, onTimePct: 0, breaches: 1, openBreaches: 1, open: 0 }),
    ]);
  });

  it('GET /reports/sla without from/to covers the last 7 days in Asia/Shanghai; CSV opens in Excel (BOM) and can carry Chinese labels', async () => {
    // 2025-03-03 00:30 in Shanghai is still 2 March in UTC: "today" is the policy zone's day.
    const rig = staffRig(fresh('2025-03-03T00:30:00+08:00'));
    const supervisor = rig.as('boss', 'supervisor');
    expect(bodyOf(await supervisor.get('/reports/sla'))).toMatchObject({ from: '2025-02-25', to: '2025-03-03', groupBy: 'step' });
    expect(bodyOf(await supervisor.get('/reports/sla', { to: '2025-03-10' }))).toMatchObject({ from: '2025-03-04', to: '2025-03-10' });

    const caseId = await rig.openCaseWithStep('order.pack');
    await rig.clock.advanceTo('2025-03-03T09:30:00+08:00');
    await rig.as('zhang', 'terminal-admin').post(`/cases/${caseId}/steps/order.pack/complete`, { fields: { serialNumbers: ['SN'], invoiceNo: 'I' } });
    const csv = await supervisor.get('/reports/sla', { labels: 'zh' }, { accept: 'text/csv' });
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csv.body.slice(1).split('\r\n');
    expect(header?.split(',').slice(0, 4)).toEqual(['步骤', '步骤名称', '考核数(完成+未完成已超时)', '按时完成数']);
    // 完成数 counts completed steps only: an open breached step is judged, not done (issue 28 item 8).
    expect(header?.split(',').at(-1)).toBe('完成数');
    expect(rows.some((r) => r.startsWith('order.pack,打包录串号,'))).toBe(true);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="sla-2025-02-25-2025-03-03-step.csv"');

    const badLabels = await supervisor.get('/reports/sla', { labels: 'fr' });
    expect([badLabels.statusCode, errorOf(badLabels).message]).toEqual([400, 'query.labels: must be en or zh']);
  });

  it('refuses staff routes without claims (401) or without any role (403)', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const anonymous = await rig.anonymous.get('/queue');
    expect([anonymous.statusCode, errorOf(anonymous).code]).toEqual([401, 'Unauthenticated']);
    const roleless = await rig.as('nobody').get('/queue');
    expect([roleless.statusCode, errorOf(roleless).code]).toEqual([403, 'Forbidden']);
  });
});
