import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../core/cases/step.ts';
import type { TimelineEntry } from '../../../core/cases/case.ts';
import { isOrderPaid } from '../../../core/lifecycles/order-payment.ts';

const paymentStep = (outcome: string, status: 'completed' | 'open' = 'completed') => ({ step: 'order.payment', status, outcome }) as unknown as StepRecord;
const paidFact = { id: 'order.paid', at: '2026-11-30T02:00:00.000Z', kind: 'order.paid', detail: { paidAt: '2026-11-30T02:00:00.000Z' } } as TimelineEntry;

// Seed §3.2 (中途撤单): "商品将会在即时撤销,(如果付款)即时返款到您的付款账户" — only money received is refunded
// (service-standards §4: cancelling an unpaid order opens no refund step).
describe('an order is paid, and so refunded when cancelled, only if its money was received', () => {
  it.each([
    ['paid at placement', { paid: true }, [], [], true],
    ['placed unpaid, the order.paid webhook recorded since', { paid: false }, [], [paidFact], true],
    ['placed unpaid, a payment attempt completed paid', { paid: false }, [paymentStep('paid')], [], true],
    ['placed unpaid, only reminded', { paid: false }, [paymentStep('reminded')], [], false],
    ['placed unpaid, the wait still open', { paid: false }, [paymentStep('paid', 'open')], [], false],
    ['no payment flag at all (nothing says it was paid)', {}, [], [], false],
  ] as const)('%s → %s', (_what, data, steps, timeline, paid) => {
    expect(isOrderPaid({ case: { data }, steps: [...steps], timeline: [...timeline] })).toBe(paid);
  });
});
