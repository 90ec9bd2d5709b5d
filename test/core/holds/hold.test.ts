import { describe, expect, it } from 'vitest';
import { holdState, type HoldStep } from '../../../core/holds/hold.ts';

// Seed §2.4.3 l.266 "刚刚我们主管和经理同意把这个产品给您留一天": the supervisor and the manager, either order.
const approval = (attempt: number, status: HoldStep['status'], outcome?: string): HoldStep => ({ step: 'order.hold-approve', attempt, status, ...(outcome ? { outcome } : {}) });
const payment = (attempt: number, status: HoldStep['status'], outcome?: string, fields?: Record<string, unknown>): HoldStep => ({ step: 'order.payment', attempt, status, ...(outcome ? { outcome } : {}), ...(fields ? { fields } : {}) });

describe('where a hold stands', () => {
  it('is requested until both decide, and refused by either', () => {
    expect(holdState([payment(1, 'open')])).toEqual({ state: 'none' });
    expect(holdState([payment(1, 'open'), approval(1, 'open'), approval(2, 'completed', 'approved')])).toEqual({ state: 'requested', approvals: { manager: 'approved' } });
    expect(holdState([payment(1, 'open'), approval(1, 'cancelled'), approval(2, 'completed', 'refused')])).toEqual({ state: 'refused', by: 'manager' });
  });

  it('is held while the held attempt is open, and ended once the order moves on', () => {
    const held = [payment(1, 'completed', 'held', { heldUntil: '2026-12-01T11:10:00+08:00' }), approval(1, 'completed', 'approved'), approval(2, 'completed', 'approved')];
    expect(holdState([...held, payment(2, 'open')])).toEqual({ state: 'held', heldUntil: '2026-12-01T11:10:00+08:00' });
    expect(holdState([...held, payment(2, 'completed', 'paid'), { step: 'order.review', attempt: 1, status: 'open' }])).toEqual({ state: 'ended', heldUntil: '2026-12-01T11:10:00+08:00', paid: true });
  });

  it('is cancelled when the approvals closed undecided (paid meanwhile)', () => {
    expect(holdState([payment(1, 'completed', 'paid'), approval(1, 'cancelled'), approval(2, 'cancelled')])).toEqual({ state: 'cancelled' });
  });
});
