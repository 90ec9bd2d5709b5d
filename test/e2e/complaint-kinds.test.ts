/**
 * Complaint kinds (issue 22 item 6; service-standards.md §12 "Complaint kinds", from the seed's
 * §4.3 l.594–596 "4.3. 投诉处理 / 4.3.1.退款纠纷投诉" — the source names refund disputes as a kind
 * of complaint and is cut off after it): `category` (refund-dispute 退款纠纷, quality, logistics,
 * attitude, other) and `level` (normal, urgent) on `complaint.filed`, set or corrected at
 * `complaint.acknowledge`. Urgent (derived): acknowledge within 30 minutes, investigate within 2
 * on-duty hours, resolve within 8, and a warning escalates like a breach (§9). On the real runtime,
 * virtual clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE, TestPlatform } from './platform.ts';

let platform: TestPlatform;
/** Tuesday 2026-12-08, 09:00 in Shanghai: the complaint handler (09:00–17:00) and the supervisor are on duty. */
const TUESDAY_0900 = '2026-12-08T09:00:00+08:00';

beforeAll(async () => {
  platform = await TestPlatform.start(TUESDAY_0900);
}, 120_000);
afterAll(() => platform.stop());

let complaints = 0;
async function file(extra: Record<string, unknown>): Promise<{ status: number; caseId: string | undefined; body: Record<string, unknown> }> {
  return platform.storefront('complaint.filed', { complaintId: `C-KIND-${++complaints}`, customer: { name: '李雷', phone: '13800000000' }, text: '退款三天还没到账', ...extra });
}

const step = async (caseId: string, id: string) => (await platform.view(caseId)).steps.find((s) => s.step === id)!;
const handler = () => platform.staff('hana', ['complaint-handler']);

describe('complaint.filed with a category and a level', () => {
  it.each([
    ['category', { category: 'price' }, 'must be one of refund-dispute, quality, logistics, attitude, other'],
    ['level', { level: 'high' }, 'must be one of normal, urgent'],
  ])('refuses an unknown %s with 400 naming the field, and opens no case', async (field, extra, message) => {
    const answer = await file(extra);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(`data.${field}`);
    expect(JSON.stringify(answer.body)).toContain(message);
    expect(answer.caseId).toBeUndefined();
  });

  it('an urgent refund dispute is acknowledged within 30 minutes; at its warning (80 %, 09:24) it escalates to the supervisor on duty, as a breach would', async () => {
    const { status, caseId } = await file({ category: 'refund-dispute', level: 'urgent' });
    expect(status).toBe(202);
    const ack = await step(caseId!, 'complaint.acknowledge');
    expect(ack).toMatchObject({ due: '2026-12-08T09:30:00+08:00', warnAt: '2026-12-08T09:24:00+08:00', escalatedTo: null });
    expect((await platform.view(caseId!)).complaint).toEqual({ category: 'refund-dispute', level: 'urgent' });

    await platform.advanceTo('2026-12-08T09:25:00+08:00');
    const warned = await step(caseId!, 'complaint.acknowledge');
    expect(warned).toMatchObject({ status: 'warned', escalatedTo: { role: 'supervisor', level: 1, at: '2026-12-08T09:24:00+08:00', seenAt: '2026-12-08T09:24:00+08:00', reason: null, atWarning: true } });
    const escalated = (await platform.view(caseId!)).timeline.filter((e) => e.kind === 'step.escalated');
    expect(escalated.map((e) => e.detail)).toEqual([{ role: 'supervisor', level: 1, seenAt: '2026-12-08T09:24:00+08:00', warning: true }]);
    expect(platform.bus.forCase('SlaWarning', caseId!)[0]!.detail).toMatchObject({ step: 'complaint.acknowledge', escalatedTo: 'supervisor', escalationLevel: 1 });
    // The supervisor's queue has it, tagged urgent by the fact its deadline was chosen by.
    const item = (await platform.staff('sam', ['supervisor']).queue()).find((i) => i.caseId === caseId);
    expect(item).toMatchObject({ step: 'complaint.acknowledge', facts: { level: 'urgent' }, escalatedTo: { role: 'supervisor', level: 1 } });
    await platform.complete(handler(), caseId!, 'complaint.acknowledge');
    // Investigation within 2 on-duty hours of the complaint's arrival (09:00): 11:00.
    expect(await step(caseId!, 'complaint.investigate')).toMatchObject({ due: '2026-12-08T11:00:00+08:00', warnAt: '2026-12-08T10:36:00+08:00' });
  });

  it('a normal complaint keeps the 1-hour acknowledgement and its warning does not escalate', async () => {
    await platform.advanceTo('2026-12-08T10:00:00+08:00');
    const { caseId } = await file({ category: 'logistics' });
    expect(await step(caseId!, 'complaint.acknowledge')).toMatchObject({ due: '2026-12-08T11:00:00+08:00', warnAt: '2026-12-08T10:48:00+08:00' });
    await platform.advanceTo('2026-12-08T10:50:00+08:00');
    expect(await step(caseId!, 'complaint.acknowledge')).toMatchObject({ status: 'warned', escalatedTo: null });
    expect((await platform.view(caseId!)).complaint).toEqual({ category: 'logistics', level: 'normal' });
  });
});

describe('the handler sets or corrects the kind at acknowledgement', () => {
  it('refuses an unknown level with 400 naming body.fields.level, and leaves the step open', async () => {
    const { caseId } = await file({});
    const answer = await handler().complete(caseId!, 'complaint.acknowledge', { fields: { level: 'high' } });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('body.fields.level');
    expect(await platform.openSteps(caseId!)).toEqual(['complaint.acknowledge']);
  });

  it('a complaint filed without a kind, made an urgent quality complaint at acknowledgement, investigates and resolves on the urgent limits', async () => {
    await platform.advanceTo('2026-12-08T13:00:00+08:00');
    const { caseId } = await file({});
    expect((await platform.view(caseId!)).complaint).toEqual({ category: null, level: 'normal' });
    await platform.advance(10 * MINUTE);
    await platform.complete(handler(), caseId!, 'complaint.acknowledge', { fields: { category: 'quality', level: 'urgent' } });
    expect((await platform.view(caseId!)).complaint).toEqual({ category: 'quality', level: 'urgent' });
    // 2 on-duty hours from the arrival at 13:00 (not by 17:00, the normal rule).
    const investigate = await step(caseId!, 'complaint.investigate');
    expect(investigate).toMatchObject({ due: '2026-12-08T15:00:00+08:00' });
    await platform.advanceTo('2026-12-08T14:00:00+08:00');
    await platform.complete(handler(), caseId!, 'complaint.investigate');
    // 8 on-duty hours from 14:00: 3 today (to 17:00), 5 tomorrow from 09:00 → 14:00 Wednesday.
    expect(await step(caseId!, 'complaint.resolve')).toMatchObject({ due: '2026-12-09T14:00:00+08:00' });
  });

  it('a complaint filed urgent and corrected to normal at acknowledgement investigates by 17:00 the same day', async () => {
    const { caseId } = await file({ level: 'urgent', category: 'attitude' });
    await platform.complete(handler(), caseId!, 'complaint.acknowledge', { fields: { level: 'normal' } });
    expect(await step(caseId!, 'complaint.investigate')).toMatchObject({ due: '2026-12-08T17:00:00+08:00' });
    expect((await platform.view(caseId!)).complaint).toEqual({ category: 'attitude', level: 'normal' });
  });
});

describe('the SLA report by category', () => {
  it('groups complaint steps by the complaint category now (the correction wins), and leaves other cases out', async () => {
    const answer = await platform.staff('sam', ['supervisor']).call<{ groupBy: string; rows: { group: string; count: number; completed: number }[] }>('GET', '/reports/sla?from=2026-12-08&to=2026-12-09&groupBy=category');
    expect(answer.status).toBe(200);
    expect(answer.body.groupBy).toBe('category');
    const groups = Object.fromEntries(answer.body.rows.map((r) => [r.group, r.completed]));
    // refund-dispute: its acknowledgement; quality (corrected from none): acknowledgement and investigation; attitude: acknowledgement.
    expect(groups).toMatchObject({ 'refund-dispute': 1, quality: 2, attitude: 1 });
    expect(Object.keys(groups).every((g) => ['refund-dispute', 'quality', 'logistics', 'attitude', 'other'].includes(g))).toBe(true);

    const csv = await platform.staff('sam', ['supervisor']).call<string>('GET', '/reports/sla?from=2026-12-08&to=2026-12-09&groupBy=category&labels=zh', undefined, { accept: 'text/csv' });
    expect(String(csv.body)).toContain('投诉类别');
    expect(String(csv.body)).toContain('退款纠纷');
  });
});
