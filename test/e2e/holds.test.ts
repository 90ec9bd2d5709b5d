import { afterEach, describe, expect, it } from 'vitest';
import { orderPlaced } from '../support/orders.ts';
import { TestPlatform } from './platform.ts';

// Holds (service-standards.md §12 "Holds") on the real runtime with a virtual clock. The seed, §2.4.3:
//   l.264 "亲,这样吧。鉴于您十分喜欢这个产品,我现在去和我主管申请一下是否可以给您直接留一个。"
//   l.266 "刚刚我们主管和经理同意把这个产品给您留一天,您一定要在这一天内付款哦。…(如果到时没有付款,客服进行旺旺及电话跟进。)"
// 2026-11-30 is a Monday; all times are Asia/Shanghai. An order placed unpaid Monday expires at the
// end of day 3 (Wednesday 24:00, §3).
let platform: TestPlatform | undefined;
afterEach(() => platform?.stop());

const presales = (p: TestPlatform) => p.staff('pei', ['presales-cs']);
const supervisor = (p: TestPlatform) => p.staff('sun', ['supervisor']);
const manager = (p: TestPlatform) => p.staff('ma', ['manager']);

async function stepsOf(p: TestPlatform, caseId: string, step: string) {
  return (await p.view(caseId)).steps.filter((s) => s.step === step);
}

async function placeUnpaid(p: TestPlatform, orderId: string): Promise<string> {
  const { status, caseId } = await p.storefront('order.placed', orderPlaced(orderId, p.clock.now(), { paid: false }));
  expect(status).toBe(202);
  return caseId!;
}

async function requestHold(p: TestPlatform, caseId: string) {
  const answer = await presales(p).call('POST', `/cases/${caseId}/hold`, { note: '买家朋友明天代付' });
  await p.runtime.settle();
  return answer;
}

async function decide(p: TestPlatform, who: ReturnType<typeof supervisor>, caseId: string, decision: 'approved' | 'refused') {
  const answer = await who.call<{ hold: { state: string } }>('POST', `/cases/${caseId}/hold/approve`, { decision });
  await p.runtime.settle();
  return answer;
}

describe('a hold (seed l.264–266 "主管和经理同意把这个产品给您留一天")', () => {
  it('opens a supervisor and a manager approval, each with its own 30 on-duty minutes, and neither alone holds the order', async () => {
    platform = await TestPlatform.start('2026-11-30T08:00:00+08:00');
    const caseId = await placeUnpaid(platform, 'SO-HOLD-SLA');
    await platform.advanceTo('2026-11-30T08:30:00+08:00');
    const asked = await requestHold(platform, caseId);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ caseId, hold: { state: 'requested' } });

    const approvals = await stepsOf(platform, caseId, 'order.hold-approve');
    // The supervisor is on duty from 08:00, the manager from 09:00: 30 on-duty minutes each.
    expect(approvals.map((s) => ({ attempt: s.attempt, role: s.role, due: s.due }))).toEqual([
      { attempt: 1, role: 'supervisor', due: '2026-11-30T09:00:00+08:00' },
      { attempt: 2, role: 'manager', due: '2026-11-30T09:30:00+08:00' },
    ]);
    expect((await supervisor(platform).queue()).map((i) => `${i.caseId} ${i.step} ${i.role}`)).toContain(`${caseId} order.hold-approve supervisor`);

    await platform.advanceTo('2026-11-30T08:40:00+08:00');
    expect((await decide(platform, supervisor(platform), caseId, 'approved')).body.hold.state).toBe('requested');
    // One approval is not a hold: the order still waits for payment on its usual follow-up.
    expect((await stepsOf(platform, caseId, 'order.payment')).map((s) => s.outcome ?? null)).toEqual([null]);

    // The manager's approval breaches at its own due, not the supervisor's.
    await platform.advanceTo('2026-11-30T09:31:00+08:00');
    const breached = platform.bus.forCase('SlaBreached', caseId).map((e) => `${e.detail.step}#${e.detail.attempt}`);
    expect(breached).toContain('order.hold-approve#2');
    expect(breached).not.toContain('order.hold-approve#1');
  }, 180_000);

  it('keeps the manager\'s approval on the manager\'s calendar through a pause, and explains it as the manager\'s', async () => {
    platform = await TestPlatform.start('2026-11-30T08:00:00+08:00');
    const caseId = await placeUnpaid(platform, 'SO-HOLD-PAUSE');
    await platform.advanceTo('2026-11-30T08:30:00+08:00');
    await requestHold(platform, caseId);
    // The manager pauses 09:10–09:20 (on duty from 09:00): 30 on-duty minutes from 09:00, plus the 10 paused.
    await platform.advanceTo('2026-11-30T09:10:00+08:00');
    expect((await manager(platform).call('POST', `/cases/${caseId}/steps/order.hold-approve/pause`, { reason: '等库存确认 checking stock' })).status).toBe(200);
    await platform.advanceTo('2026-11-30T09:20:00+08:00');
    expect((await manager(platform).call('POST', `/cases/${caseId}/steps/order.hold-approve/resume`)).status).toBe(200);
    await platform.runtime.settle();

    const view = await platform.view(caseId);
    const managers = view.steps.find((s) => s.step === 'order.hold-approve' && s.attempt === 2) as unknown as { due: string; deadlineExplanation: { zh: string[]; en: string[] } };
    // On the supervisor's 08:00–20:00 calendar the same pause would give 09:00, already past.
    expect(managers.due).toBe('2026-11-30T09:40:00+08:00');
    expect(managers.deadlineExplanation.zh.join('\n')).toContain('经理');
    expect(managers.deadlineExplanation.en.join('\n')).toContain('(manager)');
  }, 180_000);

  it('held by both approvals (manager first), does not expire at the end of day 3, and at its end opens the chat-and-phone follow-up for presales-cs', async () => {
    platform = await TestPlatform.start('2026-11-30T10:00:00+08:00');
    const caseId = await placeUnpaid(platform, 'SO-HOLD-DAY3');
    await platform.advanceTo('2026-12-02T14:00:00+08:00'); // day 3
    expect((await requestHold(platform, caseId)).status).toBe(200);
    await platform.advanceTo('2026-12-02T14:10:00+08:00');
    expect((await decide(platform, manager(platform), caseId, 'approved')).body.hold.state).toBe('requested');
    await platform.advanceTo('2026-12-02T14:20:00+08:00');
    const held = await decide(platform, supervisor(platform), caseId, 'approved');
    expect(held.body.hold).toEqual({ state: 'held', heldUntil: '2026-12-03T14:20:00+08:00' });
    expect((await platform.view(caseId)).timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['hold.requested', 'hold.held']));

    // Past the end of day 3 (§3 "Unpaid at the end of day 3: close the order as expired"): still open, held.
    await platform.advanceTo('2026-12-03T09:00:00+08:00');
    expect((await platform.view(caseId)).status).toBe('open');
    // The held day is one more payment attempt, the platform's own (automatic), open until the hold ends.
    expect((await stepsOf(platform, caseId, 'order.payment')).at(-1)).toMatchObject({ attempt: 4, role: 'automatic', status: 'open' });
    expect((await stepsOf(platform, caseId, 'order.payment')).at(-2)).toMatchObject({ attempt: 3, outcome: 'held' });

    // "如果到时没有付款,客服进行旺旺及电话跟进" (l.266): the day is over, unpaid.
    await platform.advanceTo('2026-12-03T14:20:30+08:00');
    const [followUp] = await stepsOf(platform, caseId, 'order.hold-followup');
    expect(followUp).toMatchObject({ role: 'presales-cs', status: 'open', due: '2026-12-03T14:50:00+08:00' });

    // The follow-up's checklist has the two points, each required.
    const missing = await presales(platform).complete(caseId, 'order.hold-followup', { outcome: 'followed-up', fields: { checklist: { reachedByChat: { status: 'confirmed' } } } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('body.fields.checklist.reachedByPhone');
    await platform.complete(presales(platform), caseId, 'order.hold-followup', {
      outcome: 'followed-up',
      fields: { checklist: { reachedByChat: { status: 'confirmed' }, reachedByPhone: { status: 'corrected', value: '电话未接通' } } },
    });
    // Followed up and past day 3: the unpaid rules go on, and they say expired.
    const view = await platform.view(caseId);
    expect(view.status).toBe('expired');
    // The follow-up's checklist is on the timeline, in words the search finds.
    expect(JSON.stringify(view.timeline.filter((e) => e.kind === 'checklist'))).toContain('电话联系 corrected: 电话未接通');
  }, 180_000);

  it('ended unpaid on day 2 and followed up: the unpaid rules go on at the day-3 10:00 follow-up and the day-3 expiry (§3)', async () => {
    platform = await TestPlatform.start('2026-11-30T10:00:00+08:00');
    const caseId = await placeUnpaid(platform, 'SO-HOLD-DAY1');
    await platform.advanceTo('2026-11-30T10:30:00+08:00');
    await requestHold(platform, caseId);
    await decide(platform, supervisor(platform), caseId, 'approved');
    await decide(platform, manager(platform), caseId, 'approved');
    // Held through day 2's 10:00 follow-up: none opens while held.
    await platform.advanceTo('2026-12-01T10:30:30+08:00');
    expect(await platform.openSteps(caseId)).toContain('order.hold-followup');
    await platform.advanceTo('2026-12-01T10:40:00+08:00');
    await platform.complete(presales(platform), caseId, 'order.hold-followup', { outcome: 'followed-up' });
    const payments = await stepsOf(platform, caseId, 'order.payment');
    expect(payments.map((s) => s.openedAt)).not.toContain('2026-12-01T10:00:00+08:00');
    expect(payments.at(-1)).toMatchObject({ status: 'open', role: 'presales-cs', due: '2026-12-02T10:30:00+08:00' });
    await platform.advanceTo('2026-12-03T00:00:30+08:00');
    expect((await platform.view(caseId)).status).toBe('expired');
  }, 180_000);

  it('refused by the supervisor: the manager\'s approval is cancelled and the order expires at the end of day 3 as usual', async () => {
    platform = await TestPlatform.start('2026-11-30T10:00:00+08:00');
    const caseId = await placeUnpaid(platform, 'SO-HOLD-NO');
    await platform.advanceTo('2026-11-30T11:00:00+08:00');
    await requestHold(platform, caseId);
    const refused = await decide(platform, supervisor(platform), caseId, 'refused');
    expect(refused.body.hold).toEqual({ state: 'refused', by: 'supervisor' });
    expect((await stepsOf(platform, caseId, 'order.hold-approve')).map((s) => s.status)).toEqual(['completed', 'cancelled']);
    // A decision after the refusal is refused itself.
    const late = await decide(platform, manager(platform), caseId, 'approved');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'HoldNotAllowed' } });

    await platform.advanceTo('2026-12-02T23:59:00+08:00');
    expect((await platform.view(caseId)).status).toBe('open');
    await platform.advanceTo('2026-12-03T00:00:30+08:00');
    expect((await platform.view(caseId)).status).toBe('expired');
  }, 180_000);

  it('paid during the hold: the hold ends normally and the order is reviewed from the payment', async () => {
    platform = await TestPlatform.start('2026-11-30T10:00:00+08:00');
    const caseId = await placeUnpaid(platform, 'SO-HOLD-PAID');
    await platform.advanceTo('2026-11-30T10:30:00+08:00');
    await requestHold(platform, caseId);
    await decide(platform, supervisor(platform), caseId, 'approved');
    await decide(platform, manager(platform), caseId, 'approved');
    await platform.advanceTo('2026-12-01T09:00:00+08:00');
    expect((await platform.storefront('order.paid', { orderId: 'SO-HOLD-PAID', paidAt: '2026-12-01T09:00:00+08:00' })).status).toBe(202);
    expect(await platform.openSteps(caseId)).toEqual(['order.review']);
    expect((await stepsOf(platform, caseId, 'order.review'))[0]).toMatchObject({ due: '2026-12-01T09:30:00+08:00' });
    // Nothing left of the hold fires later.
    await platform.advanceTo('2026-12-01T11:00:00+08:00');
    expect(await stepsOf(platform, caseId, 'order.hold-followup')).toEqual([]);
  }, 180_000);

  it('paid while the approvals wait: they are cancelled and the order goes on to review', async () => {
    platform = await TestPlatform.start('2026-11-30T10:00:00+08:00');
    const caseId = await placeUnpaid(platform, 'SO-HOLD-EARLY');
    await requestHold(platform, caseId);
    await platform.advanceTo('2026-11-30T10:15:00+08:00');
    await platform.storefront('order.paid', { orderId: 'SO-HOLD-EARLY', paidAt: '2026-11-30T10:15:00+08:00' });
    expect((await stepsOf(platform, caseId, 'order.hold-approve')).map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    expect(await platform.openSteps(caseId)).toEqual(['order.review']);
  }, 180_000);

  it('refuses what makes no sense with a 4xx naming it: a paid order, a second hold, the wrong role, a bad decision, the generic completion', async () => {
    platform = await TestPlatform.start('2026-11-30T10:00:00+08:00');
    const paid = (await platform.storefront('order.placed', orderPlaced('SO-PAID', platform.clock.now()))).caseId!;
    const notWaiting = await requestHold(platform, paid);
    expect(notWaiting.status).toBe(409);
    expect(notWaiting.body).toMatchObject({ error: { code: 'HoldNotAllowed', message: expect.stringContaining('not waiting for payment') } });

    const caseId = await placeUnpaid(platform, 'SO-HOLD-BAD');
    expect((await platform.staff('olivia', ['ops-cs']).call('POST', `/cases/${caseId}/hold`, {})).status).toBe(403);
    await requestHold(platform, caseId);
    expect((await requestHold(platform, caseId)).body).toMatchObject({ error: { code: 'HoldNotAllowed', message: expect.stringContaining('one per order') } });
    expect((await presales(platform).call('POST', `/cases/${caseId}/hold/approve`, { decision: 'approved' })).status).toBe(403);
    const bad = await supervisor(platform).call('POST', `/cases/${caseId}/hold/approve`, { decision: 'maybe' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.decision');
    const generic = await supervisor(platform).complete(caseId, 'order.hold-approve', { outcome: 'approved' });
    expect(generic.status).toBe(400);
    expect(JSON.stringify(generic.body)).toContain('/hold/approve');
    // Nothing half-written: both approvals still wait.
    expect((await stepsOf(platform, caseId, 'order.hold-approve')).map((s) => s.status)).toEqual(['open', 'open']);
  }, 180_000);
});
