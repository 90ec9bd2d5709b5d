import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOP, DEFAULT_TEMPLATES } from '../../../core/notices/templates.ts';
import { composeNotice, noticeTrigger } from '../../../core/notices/triggers.ts';
import { Zone } from '../../../core/time/zone.ts';

const zone = new Zone('Asia/Shanghai');
const policy = { shop: DEFAULT_SHOP, templates: DEFAULT_TEMPLATES };
const event = (type: string, detail: Record<string, unknown>) => ({ 'detail-type': type, detail });

describe('which events tell the customer something', () => {
  it('a confirmed review tells the ship time; a review called back or cancelled does not', () => {
    const done = (outcome: string) => event('StepCompleted', { caseId: 'c1', step: 'order.review', attempt: 1, outcome, completedAt: '2026-11-30T01:10:00.000Z' });
    expect(noticeTrigger(done('confirmed'))).toEqual({ kind: 'ship-time', caseId: 'c1', step: { step: 'order.review', attempt: 1 }, at: '2026-11-30T01:10:00.000Z' });
    expect(noticeTrigger(done('callback'))).toBeUndefined();
    expect(noticeTrigger(done('cancelled'))).toBeUndefined();
  });

  it('refund.settle opening (the money is on its way), a complaint opened and complaint.resolve completed each make their notice; other events none', () => {
    expect(noticeTrigger(event('StepOpened', { caseId: 'c2', step: 'refund.settle', attempt: 1, openedAt: 'T' }))?.kind).toBe('refund-sent');
    // A return's refund is only requested at confirmation; the customer hears of it once the goods passed inspection.
    expect(noticeTrigger(event('RefundRequested', { caseId: 'c2', channel: 'alipay', requestedAt: 'T' }))).toBeUndefined();
    expect(noticeTrigger(event('StepOpened', { caseId: 'c2', step: 'return.inspect', attempt: 1, openedAt: 'T' }))).toBeUndefined();
    expect(noticeTrigger(event('CaseOpened', { caseId: 'c3', caseType: 'complaint', openedAt: 'T' }))?.kind).toBe('complaint-received');
    expect(noticeTrigger(event('CaseOpened', { caseId: 'c4', caseType: 'order', openedAt: 'T' }))).toBeUndefined();
    expect(noticeTrigger(event('StepCompleted', { caseId: 'c3', step: 'complaint.resolve', attempt: 1, outcome: 'upheld', completedAt: 'T' }))?.kind).toBe('complaint-resolved');
    expect(noticeTrigger(event('StepCompleted', { caseId: 'c3', step: 'complaint.acknowledge', attempt: 1, outcome: null, completedAt: 'T' }))).toBeUndefined();
  });
});

describe('composeNotice', () => {
  it('tells the planned batch as the agent says it, Beijing time: "将在12月8日 10:00时由顺丰快递寄出" (§2.4.1 l.202)', () => {
    const trigger = { kind: 'ship-time' as const, caseId: 'c1', step: { step: 'order.review', attempt: 1 }, at: '2026-12-07T11:00:00.000Z' };
    const notice = composeNotice(trigger, { orderId: 'SO-1', plannedPickupAt: '2026-12-08T02:00:00.000Z' }, policy, zone);
    expect(notice).toMatchObject({ noticeId: 'c1:ship-time', kind: 'ship-time', caseId: 'c1', orderId: 'SO-1', at: '2026-12-07T11:00:00.000Z' });
    expect(notice?.text).toContain('您的货品将在12月8日 10:00时由顺丰快递寄出');
  });

  it('tells no ship time when the review planned no batch (pre-sale, backorder)', () => {
    expect(composeNotice({ kind: 'ship-time', caseId: 'c1', step: { step: 'order.review', attempt: 1 }, at: 'T' }, { orderId: 'SO-1' }, policy, zone)).toBeUndefined();
  });

  it('names a second review\'s notice by its attempt, so it is queued apart from the first', () => {
    const notice = composeNotice({ kind: 'ship-time', caseId: 'c1', step: { step: 'order.review', attempt: 2 }, at: 'T' }, { plannedPickupAt: '2026-12-08T02:00:00.000Z' }, policy, zone);
    expect(notice?.noticeId).toBe('c1:ship-time:2');
    expect(notice).not.toHaveProperty('orderId');
  });
});
