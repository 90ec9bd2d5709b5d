/**
 * Holds (service-standards.md §12 "Holds", seed l.258–266), beside api.md's step routes:
 * `POST /cases/{caseId}/hold` — `presales-cs` (or `supervisor`) asks to hold an unpaid order's unit
 * for a day: the two `order.hold-approve` steps open (409 `HoldNotAllowed` unless the order waits
 * for payment and was never held); `POST /cases/{caseId}/hold/approve` — the `supervisor` or the
 * `manager` decides their own approval (409 once decided). Both answer `{caseId, hold}`.
 */
import { CaseNotFound, StepNotOpen } from '../../../core/cases/errors.ts';
import { isStepActive } from '../../../core/cases/step.ts';
import { HoldNotAllowed } from '../../../core/holds/errors.ts';
import { approvalAttempt, HOLD_APPROVE, HOLD_APPROVERS, HoldEntry, holdState, type HoldApprover } from '../../../core/holds/hold.ts';
import { toInstant } from '../../../core/cases/instant.ts';
import { jsonBody } from '../../http/body.ts';
import { Forbidden } from '../../http/errors.ts';
import { hasRole, requireRole, SUPERVISOR } from '../../http/identity.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import { activePayment, openHoldApprovals, settleHoldDecision } from '../../shared/holds.ts';
import { completeStepNow } from '../step-completion.ts';
import { renderInstant } from '../../../core/time/render.ts';
import type { StepRecord } from '../../../core/cases/step.ts';
import type { StaffApiDeps } from '../deps.ts';
import { holdDecisionBody, holdRequestBody } from '../hold-schemas.ts';
import { staffCaller } from '../staff.ts';

export const PRESALES = 'presales-cs';

export function holdRequestRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: '/cases/{caseId}/hold',
    async handle({ event, params }) {
      const caller = staffCaller(event);
      requireRole(caller, [PRESALES, SUPERVISOR], 'requesting a hold');
      const body = validate(holdRequestBody, jsonBody(event) ?? {}, 'body');
      const caseId = params.caseId ?? '';
      const view = await deps.repository.getCase(caseId);
      if (view.case.type !== 'order') throw new CaseNotFound(caseId);
      if (view.case.status !== 'open') throw new HoldNotAllowed(caseId, `the order is ${view.case.status}`);
      if (activePayment(view.steps) === undefined) throw new HoldNotAllowed(caseId, 'the order is not waiting for payment');
      if (holdState(view.steps).state !== 'none') throw new HoldNotAllowed(caseId, 'a hold was requested for this order already (one per order)');
      const at = toInstant(deps.clock.now());
      await deps.repository.appendTimeline(caseId, { id: HoldEntry.requested, at, kind: HoldEntry.requested, by: caller.user, detail: { ...(body.note ? { note: body.note } : {}) } });
      await openHoldApprovals(deps, caseId);
      return jsonResponse(200, { caseId, hold: holdView(deps, (await deps.repository.getCase(caseId)).steps) });
    },
  };
}

export function holdDecisionRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: '/cases/{caseId}/hold/approve',
    async handle({ event, params }) {
      const caller = staffCaller(event);
      requireRole(caller, [...HOLD_APPROVERS], 'deciding a hold');
      const body = validate(holdDecisionBody, jsonBody(event) ?? {}, 'body');
      const caseId = params.caseId ?? '';
      const view = await deps.repository.getCase(caseId);
      const approvals = view.steps.filter((s) => s.step === HOLD_APPROVE);
      if (approvals.length === 0) throw new HoldNotAllowed(caseId, 'no hold was requested for this order');
      const open = (a: HoldApprover) => approvals.some((s) => s.attempt === approvalAttempt(a) && isStepActive(s.status));
      const approver: HoldApprover | undefined = body.as ?? HOLD_APPROVERS.find((a) => hasRole(caller, a) && open(a)) ?? HOLD_APPROVERS.find((a) => hasRole(caller, a));
      if (approver === undefined || !hasRole(caller, approver)) throw new Forbidden(`deciding the ${body.as ?? 'hold'} approval needs the role ${body.as ?? HOLD_APPROVERS.join(' or ')}; ${caller.user} has ${caller.roles.join(', ') || 'no role'}`);
      try {
        await completeStepNow(deps, { caseId, step: HOLD_APPROVE, attempt: approvalAttempt(approver) }, { by: caller.user, outcome: body.decision, fields: body.note ? { notes: body.note } : {} });
      } catch (error) {
        if (error instanceof StepNotOpen) throw new HoldNotAllowed(caseId, `the ${approver}'s approval is ${error.current} already`);
        throw error;
      }
      await settleHoldDecision(deps, caseId, caller.user);
      return jsonResponse(200, { caseId, hold: holdView(deps, (await deps.repository.getCase(caseId)).steps) });
    },
  };
}

/** Where the hold stands, its instants in the policy's zone (Beijing time). */
function holdView(deps: StaffApiDeps, steps: readonly StepRecord[]) {
  const state = holdState(steps);
  return 'heldUntil' in state ? { ...state, heldUntil: renderInstant(deps.policy.zone, state.heldUntil) } : state;
}
