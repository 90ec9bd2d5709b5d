/**
 * `POST /cases/{caseId}/priority` (`supervisor`; service-standards.md §12 "Priority", seed l.306–308):
 * marks an open order not yet handed to the courier priority. Its open steps move to the front of
 * their queues; its steps before the pickup are planned for the next batch still ahead today
 * (their batch targets and `PickupAtRisk` timers move with it); steps opened later inherit both
 * (functions/open-step); `order.dispatch` asks for the courier's same-day confirmation. A repeat
 * answers 200 and changes nothing. 409 `PriorityNotAllowed` for a closed, unpaid or picked-up order.
 */
import { CaseNotFound, StepNotOpen } from '../../../core/cases/errors.ts';
import { toInstant } from '../../../core/cases/instant.ts';
import { isStepActive, StepStatus } from '../../../core/cases/step.ts';
import { batchTarget, isBatchChainStep } from '../../../core/calendar/batch-targets.ts';
import { PriorityNotAllowed } from '../../../core/holds/errors.ts';
import { nextBatchToday, PRIORITY_MARKED } from '../../../core/holds/priority.ts';
import { renderInstant } from '../../../core/time/render.ts';
import { jsonBody } from '../../http/body.ts';
import { requireRole, SUPERVISOR } from '../../http/identity.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import { armStepTimers } from '../../shared/step-timers.ts';
import type { StaffApiDeps } from '../deps.ts';
import { priorityBody } from '../hold-schemas.ts';
import { staffCaller } from '../staff.ts';

export function priorityRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: '/cases/{caseId}/priority',
    async handle({ event, params }) {
      const caller = staffCaller(event);
      requireRole(caller, [SUPERVISOR], 'marking an order priority');
      const body = validate(priorityBody, jsonBody(event) ?? {}, 'body');
      const caseId = params.caseId ?? '';
      const view = await deps.repository.getCase(caseId);
      if (view.case.type !== 'order') throw new CaseNotFound(caseId);
      if (view.case.status !== 'open') throw new PriorityNotAllowed(caseId, `the order is ${view.case.status}`);
      if (view.steps.some((s) => s.step === 'order.pickup' && s.status === StepStatus.completed)) throw new PriorityNotAllowed(caseId, 'the parcel was handed to the courier already');
      // "今天为您安排寄出" is said of a paid order; its first review is open by then (open-step reads no priority for it).
      if (view.steps.some((s) => s.step === 'order.payment' && isStepActive(s.status))) throw new PriorityNotAllowed(caseId, 'the order is not paid yet: mark it priority once paid');
      const zone = deps.policy.zone;
      const now = deps.clock.now();
      const at = toInstant(now);
      const already = view.case.data.priority === true;
      await deps.repository.markPriority(caseId, at);
      const today = nextBatchToday(deps.policy.pickup, now);
      let plannedPickupAt: string | undefined;
      for (const step of view.steps.filter((s) => isStepActive(s.status) && s.priority !== true)) {
        const sooner = isBatchChainStep(step.step) && today !== undefined && (step.plannedPickupAt === undefined || today < Date.parse(step.plannedPickupAt));
        const plan = sooner ? { plannedPickupAt: toInstant(today), batchTargetAt: toInstant(batchTarget(step.step, today, deps.policy.pickup.stepShares) as number) } : undefined;
        try {
          const moved = await deps.repository.prioritizeStep({ caseId, step: step.step, attempt: step.attempt }, plan);
          if (plan) await armStepTimers(deps, moved); // the batch-target timer moves with the plan (same name)
          plannedPickupAt = moved.plannedPickupAt ?? plannedPickupAt;
        } catch (error) {
          if (!(error instanceof StepNotOpen)) throw error; // completed meanwhile: the next step opens priority
        }
      }
      if (!already) await deps.repository.appendTimeline(caseId, { id: PRIORITY_MARKED, at, kind: PRIORITY_MARKED, by: caller.user, detail: { ...(body.reason ? { reason: body.reason } : {}), nextBatchToday: today === undefined ? null : toInstant(today) } });
      return jsonResponse(200, { caseId, priority: true, plannedPickupAt: plannedPickupAt === undefined ? null : renderInstant(zone, plannedPickupAt) });
    },
  };
}
