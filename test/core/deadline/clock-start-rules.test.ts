/**
 * When each clock starts (issue 20 items 1, 2 and 7), one rule per row with the seed line it comes
 * from (../shared/seed/000_2190f300a3226749.txt) and service-standards.md's reading of it, checked
 * against the shipped policy. 2026-11-30 is a Monday; times are Asia/Shanghai.
 */
import { describe, expect, it } from 'vitest';
import { batchTarget } from '../../../core/calendar/batch-targets.ts';
import type { CaseRecord, TimelineEntry } from '../../../core/cases/case.ts';
import { orderReadyAt } from '../../../core/cases/ready-at.ts';
import { due } from '../../../core/deadline/due.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const policy = getDefaultPolicy();
const ms = (iso: string): number => Date.parse(iso);
const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

interface Row {
  rule: string;
  seed: string;
  actual: () => string | null;
  expected: string;
}

const order = (data: Record<string, unknown>): Pick<CaseRecord, 'type' | 'data' | 'openedAt'> => ({ type: 'order', data, openedAt: '2026-11-30T02:00:00.000Z' });
const paidFact = (paidAt: string): TimelineEntry => ({ id: 'order.paid', at: paidAt, kind: 'order.paid', detail: { paidAt } });
const planned = (readyAt: string): number => policy.pickup.plannedFor(ms(readyAt)).at;
const target = (step: string, readyAt: string): string | null => iso(batchTarget(step, planned(readyAt), policy.pickup.stepShares) ?? null);

const rows: Row[] = [
  // Item 1: the ready moment and the pickup plan.
  {
    rule: 'an unpaid order is ready to ship when it is paid: max(placedAt, paidAt) (§2–§3)',
    seed: '您5点之前付款以后我们今天就能发出去了哦 (l.208–210)',
    actual: () => orderReadyAt(order({ paid: false, placedAt: '2026-11-30T10:00:00+08:00' }), [paidFact('2026-12-01T07:00:00.000Z')]) ?? null,
    expected: '2026-12-01T07:00:00.000Z',
  },
  {
    rule: 'an order paid at placement is ready when placed',
    seed: '工作时段下单后30分钟内完成订单信息查看核对 (l.348)',
    actual: () => orderReadyAt(order({ paid: true, placedAt: '2026-11-30T10:00:00+08:00' }), []) ?? null,
    expected: '2026-11-30T02:00:00.000Z',
  },
  {
    rule: 'placed Monday 10:00, paid Tuesday 15:00: the Tuesday 17:00 batch, not Monday 13:00',
    seed: '当日13:00--17:00下的订单,物流17:00统一取货 (l.464)',
    actual: () => iso(due('order.pickup', ms('2026-12-01T15:00:00+08:00'), {}, [], policy).due),
    expected: '2026-12-01T09:00:00.000Z',
  },
  {
    rule: 'an unpaid order is reviewed 30 min after its payment',
    seed: '工作时段下单后30分钟内完成订单信息查看核对 (l.348), counted from the payment (§3)',
    actual: () => iso(due('order.review', ms('2026-12-01T15:00:00+08:00'), {}, [], policy).due),
    expected: '2026-12-01T07:30:00.000Z',
  },
  // Item 7: the lead time and the batch targets.
  {
    rule: 'ready 12:10, less than pickup.leadMinutes (60) before the 13:00 batch: the 17:00 batch',
    seed: '快递公司的人再过10分钟就要来了,如果现在支付成功的话,马上就能为你寄出了 (l.100) — an order needs time before the courier comes (derived)',
    actual: () => iso(planned('2026-11-30T12:10:00+08:00')),
    expected: '2026-11-30T09:00:00.000Z',
  },
  {
    rule: 'ready 16:30, less than an hour before 17:00: the next morning\'s 10:00 batch',
    seed: '前一天17:00后下的订单,物流次日10:00统一取货 (l.460)',
    actual: () => iso(planned('2026-11-30T16:30:00+08:00')),
    expected: '2026-12-01T02:00:00.000Z',
  },
  {
    rule: 'ready 09:05: the 13:00 batch (window [09:00, 13:00), 3 h 55 min ahead)',
    seed: '当日9:00--13:00的订单,物流13:00统一取货 (l.462)',
    actual: () => iso(planned('2026-11-30T09:05:00+08:00')),
    expected: '2026-11-30T05:00:00.000Z',
  },
  {
    rule: 'dispatch by the batch (13:00)',
    seed: '检货员在5分钟内录入物流编号 (l.400): order.dispatch share 5',
    actual: () => target('order.dispatch', '2026-11-30T09:05:00+08:00'),
    expected: '2026-11-30T05:00:00.000Z',
  },
  {
    rule: 'bind by batch − 5 (12:55)',
    seed: '10分钟内绑定合约计划、优惠等营销包 (l.386): order.crm-bind share 10',
    actual: () => target('order.crm-bind', '2026-11-30T09:05:00+08:00'),
    expected: '2026-11-30T04:55:00.000Z',
  },
  {
    rule: 'pack by batch − 15 (12:45)',
    seed: '1小时内完成货品包装、打印发票、后台录入打包好的货物串号 (l.370): order.pack share 30 (derived)',
    actual: () => target('order.pack', '2026-11-30T09:05:00+08:00'),
    expected: '2026-11-30T04:45:00.000Z',
  },
  {
    rule: 'review by batch − 45 (12:15)',
    seed: '1天内完成审核备货并联系物流发出 (l.336): the batch is the promise, step limits are maxima',
    actual: () => target('order.review', '2026-11-30T09:05:00+08:00'),
    expected: '2026-11-30T04:15:00.000Z',
  },
  // Item 2: complaints count from their arrival (filedAt).
  {
    rule: 'a complaint left the night before (Monday 21:00) is investigated by 17:00 the next day',
    seed: '前一晚及当日的投诉留言,致电客户进行详细调查 (l.608)',
    actual: () => iso(due('complaint.investigate', ms('2026-11-30T21:00:00+08:00'), {}, [], policy).due),
    expected: '2026-12-01T09:00:00.000Z',
  },
  {
    rule: 'a complaint left Monday 16:30 is investigated by Monday 17:00, whenever it was acknowledged',
    seed: '前一晚及当日的投诉留言,致电客户进行详细调查 (l.608)',
    actual: () => iso(due('complaint.investigate', ms('2026-11-30T16:30:00+08:00'), {}, [], policy).due),
    expected: '2026-11-30T09:00:00.000Z',
  },
  {
    rule: 'a complaint left Monday 17:30 (after the handler\'s day) is investigated by Tuesday 17:00',
    seed: '前一晚及当日的投诉留言 (l.608); 工作时长:7*8H轮岗制度。9:00-17:00 (l.602)',
    actual: () => iso(due('complaint.investigate', ms('2026-11-30T17:30:00+08:00'), {}, [], policy).due),
    expected: '2026-12-01T09:00:00.000Z',
  },
  {
    rule: 'a complaint left Monday 16:30 is acknowledged within 1 h of handler time: Tuesday 09:30',
    seed: '工作时长:7*8H轮岗制度。9:00-17:00 (l.602); 1 h is derived (§7)',
    actual: () => iso(due('complaint.acknowledge', ms('2026-11-30T16:30:00+08:00'), {}, [], policy).due),
    expected: '2026-12-01T01:30:00.000Z',
  },
];

describe('when each clock starts, by the seed', () => {
  it.each(rows.map((r) => [r.rule, r] as const))('%s', (_rule, row) => {
    expect(row.seed).not.toBe('');
    expect(row.actual()).toBe(row.expected);
  });

  it('takes the shares and the lead time from the shipped policy', () => {
    expect(policy.pickup.leadMinutes).toBe(60);
    expect(policy.pickup.stepShares).toEqual({ 'order.dispatch': 5, 'order.crm-bind': 10, 'order.pack': 30 });
  });
});
