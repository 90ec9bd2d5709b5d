/**
 * `goods.received` completes the waiting `return.receive` / `exchange.receive`; `refund.settled`
 * completes `refund.settle` (cancellations and returns). The event names the case, or the order:
 * then the newest open case of a fitting type about it is meant.
 */
import type { CaseType } from '../../../core/cases/case.ts';
import { toInstant } from '../../../core/cases/instant.ts';
import type { CaseView } from '../../../core/cases/repository.ts';
import type { StorefrontEventOf } from '../../../core/storefront/events.ts';
import type { Accepted, EffectDeps } from '../deps.ts';
import { NoMatchingCase, WrongCaseType } from '../errors.ts';
import { completeWaitingStep, STOREFRONT } from '../steps.ts';

const RECEIVE_STEP: Partial<Record<CaseType, string>> = { return: 'return.receive', exchange: 'exchange.receive' };
const REFUND_CASE_TYPES: readonly CaseType[] = ['cancellation', 'return'];

export async function goodsReceived(deps: EffectDeps, event: StorefrontEventOf<'goods.received'>): Promise<Accepted> {
  const view = await targetCase(deps, event.data, Object.keys(RECEIVE_STEP) as CaseType[]);
  const receivedAt = toInstant(event.data.receivedAt);
  const step = RECEIVE_STEP[view.case.type] ?? '';
  const completed = await completeWaitingStep(deps, view.steps, step, { fields: { receivedAt } });
  await record(deps, view, 'goods.received', event.id, { receivedAt, completedStep: completed });
  return { caseId: view.case.id };
}

export async function refundSettled(deps: EffectDeps, event: StorefrontEventOf<'refund.settled'>): Promise<Accepted> {
  const view = await targetCase(deps, event.data, REFUND_CASE_TYPES);
  const settledAt = toInstant(event.data.settledAt);
  const completed = await completeWaitingStep(deps, view.steps, 'refund.settle', { fields: { settledAt } });
  await record(deps, view, 'refund.settled', event.id, { settledAt, completedStep: completed });
  return { caseId: view.case.id };
}

async function targetCase(deps: EffectDeps, data: { caseId?: string | undefined; orderId?: string | undefined }, types: readonly CaseType[]): Promise<CaseView> {
  if (data.caseId !== undefined) {
    const view = await deps.repository.getCase(data.caseId);
    if (!types.includes(view.case.type)) throw new WrongCaseType(view.case.id, view.case.type, types);
    return view;
  }
  const orderId = data.orderId ?? '';
  const cases = (await deps.repository.listCasesForOrder(orderId)).filter((c) => types.includes(c.type) && c.status === 'open');
  const newest = cases.sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1))[0];
  if (!newest) throw new NoMatchingCase(`data.orderId: order ${orderId} has no open ${types.join(' or ')} case`);
  return deps.repository.getCase(newest.id);
}

async function record(deps: EffectDeps, view: CaseView, kind: string, eventId: string, detail: Record<string, unknown>): Promise<void> {
  await deps.repository.appendTimeline(view.case.id, { id: `${kind}#${eventId}`, at: toInstant(deps.clock.now()), kind, by: STOREFRONT, detail: { eventId, ...detail } });
}
