/**
 * The policy numbers an order's workflow needs (LifecycleInput.timings), computed here so that the
 * ASL holds no policy literal (service-standards.md §2–3): the payment wait, the day-2/day-3
 * follow-ups at 10:00 local, the end of day 3 when an unpaid order expires, the review callback delay.
 */
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { LifecycleTimings } from '../../core/lifecycles/contracts.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRules } from './case-rules.ts';

/** Day 1 is the (local) day the order was placed. */
export function orderTimings(placedAt: string, rules: CaseRules, policy: Pick<CompiledPolicy, 'zone'>): LifecycleTimings {
  const placed = Date.parse(placedAt);
  const day1 = policy.zone.dayOf(placed);
  return {
    paymentWaitSeconds: rules.unpaid.paymentWaitMinutes * 60,
    paymentFollowUpsAt: rules.unpaid.followUps.map((f) => toInstant(policy.zone.instant(day1 + f.day - 1, f.at))),
    unpaidExpiresAt: toInstant(policy.zone.instant(day1 + rules.unpaid.expireAtEndOfDay, 0)),
    reviewCallbackSeconds: rules.reviewCallbackMinutes * 60,
  };
}
