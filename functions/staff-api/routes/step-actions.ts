/**
 * `POST /cases/{caseId}/steps/{step}/complete|pause|resume|escalate`, for the step's role or `supervisor`.
 * Complete: exactly one of concurrent completions wins (the rest 409), then the workflow resumes.
 * Pause: the clock stops (warning and due timers cancelled; with `until`, a resume timer).
 * Resume: due and warning recomputed without the paused time, timers re-armed.
 * Escalate: to the first escalation level on duty (service-standards.md §9), the next level when
 * escalated already; on the case's timeline with its level. The clock runs on.
 */
import { completionIssues } from '../../../core/lifecycles/completion-facts.ts';
import { NO_REASON_OUTCOMES, noReasonRefusal } from '../../../core/lifecycles/no-reason-window.ts';
import { renderInstant } from '../../../core/time/render.ts';
import { NoHigherEscalationLevel, StepAwaitingPlatform, StepNotOpen } from '../../../core/cases/errors.ts';
import { escalationTarget } from '../../../core/cases/escalation.ts';
import { toInstant } from '../../../core/cases/instant.ts';
import { AUTOMATIC, isStepActive } from '../../../core/cases/step.ts';
import type { StepSelector } from '../../../core/cases/repository.ts';
import type { StepRecord } from '../../../core/cases/step.ts';
import { TimerKind } from '../../../core/ports/timers.ts';
import { jsonBody } from '../../http/body.ts';
import { InvalidRequest } from '../../http/errors.ts';
import type { ApiEvent } from '../../http/event.ts';
import { hasRole, requireRole, SUPERVISOR, type Caller } from '../../http/identity.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import { caseNoReasonWindow } from '../../shared/no-reason-window.ts';
import { createStepClock } from '../../shared/step-clock.ts';
import { timerName } from '../../shared/timer-names.ts';
import { validateCompletion } from '../completion-body.ts';
import type { StaffApiDeps } from '../deps.ts';
import { escalateBody, pauseBody } from '../schemas.ts';
import { recordEscalation } from '../../shared/escalation.ts';
import { escalationPerson } from '../../people/escalation-person.ts';
import { staffCaller } from '../staff.ts';
import { completeStepNow } from '../step-completion.ts';
import { policyCheckedFields } from '../policy-completion.ts';
import { checkedChecklist, checklistEntry, takeChecklist } from '../checklist-completion.ts';
import { toStepActionResult } from '../views.ts';
import { HOLD_APPROVE, isPlatformOutcome } from '../../../core/holds/hold.ts';

const STEP_PATH = '/cases/{caseId}/steps/{step}';

interface StepAction {
  caller: Caller;
  step: StepRecord;
  /** The attempt the caller was authorised for. */
  selector: StepSelector;
  body: unknown;
}

/** Parses the body (400), finds the step's latest attempt (404) and checks the caller may act on it (403; 409 when it now waits on the platform). */
async function authorise(deps: StaffApiDeps, event: ApiEvent, params: Readonly<Record<string, string>>, action: string): Promise<StepAction> {
  const caller = staffCaller(event);
  const body = jsonBody(event);
  const step = await deps.repository.getStep({ caseId: params.caseId ?? '', step: params.step ?? '' });
  // A clerk whose attempt just became the platform's own wait lost a race, not a permission: 409.
  const staffRole = deps.policy.steps.get(step.step)?.role;
  if (step.role === AUTOMATIC && staffRole !== undefined && hasRole(caller, staffRole, SUPERVISOR)) throw new StepAwaitingPlatform(step.caseId, step.step);
  requireRole(caller, [step.role, SUPERVISOR], `${action} ${step.step}`);
  return { caller, step, selector: { caseId: step.caseId, step: step.step, attempt: step.attempt }, body };
}

export function completeRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: `${STEP_PATH}/complete`,
    async handle({ event, params }) {
      const { caller, step, selector, body } = await authorise(deps, event, params, 'completing');
      // Two approvals share the step id (§12 Holds): each approver decides theirs through the hold route.
      if (step.step === HOLD_APPROVE) throw new InvalidRequest([{ field: 'step', message: `decide a hold through POST /cases/${step.caseId}/hold/approve`, code: 'not_allowed' }]);
      if (isPlatformOutcome(step.step, body)) throw new InvalidRequest([{ field: 'body.outcome', message: `held comes from both approvals of POST /cases/${step.caseId}/hold/approve, and paid from the storefront`, code: 'not_allowed' }]);
      const { body: plain, taken } = takeChecklist(body);
      const validated = validateCompletion(step.step, plain);
      const view = await deps.repository.getCase(step.caseId);
      const facts = { data: view.case.data, steps: view.steps, serializedSkus: deps.policy.serialNumbers.serializedSkus };
      const checklist = checkedChecklist(step.step, validated.outcome, taken, facts.data);
      const completion = { ...validated, fields: { ...policyCheckedFields(step.step, validated.fields, deps.policy), ...checklist } };
      const issues = completionIssues(step.step, completion.fields, facts);
      if (issues.length > 0) throw new InvalidRequest(issues);
      // 七日无理由 (§5–§6): a no-reason outcome after the window is a 409 naming its end.
      if (NO_REASON_OUTCOMES[step.step] === completion.outcome) {
        const refusal = noReasonRefusal(step.step, completion.outcome, await caseNoReasonWindow(deps.repository, view, deps.policy.zone), deps.clock.now(), deps.policy.zone);
        if (refusal) throw refusal;
      }
      try {
        const done = await completeStepNow(deps, selector, { by: caller.user, ...completion });
        const entry = checklistEntry(done);
        if (entry !== undefined) await deps.repository.appendTimeline(done.caseId, entry);
        return jsonResponse(200, toStepActionResult(done, deps.policy.zone));
      } catch (error) {
        throw error instanceof StepNotOpen ? await whoClosed(deps, selector, error) : error;
      }
    },
  };
}

/** A lost completion race says who won and when (issue 10: "a 409 says who completed it and when"). */
async function whoClosed(deps: StaffApiDeps, selector: StepSelector, error: StepNotOpen): Promise<StepNotOpen> {
  const now = await deps.repository.getStep(selector);
  if (now.completedBy === undefined || now.completedAt === undefined) return error;
  return new StepNotOpen(error.caseId, error.step, now.status, { by: now.completedBy, at: renderInstant(deps.policy.zone, now.completedAt) });
}

export function pauseRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: `${STEP_PATH}/pause`,
    async handle({ event, params }) {
      const { caller, selector, body } = await authorise(deps, event, params, 'pausing');
      const request = validate(pauseBody, body, 'body');
      if (request.until !== undefined && Date.parse(request.until) <= deps.clock.now()) {
        throw new InvalidRequest([{ field: 'body.until', message: `must be in the future (now is ${renderInstant(deps.policy.zone, deps.clock.now())})` }]);
      }
      const paused = await createStepClock(deps).pause(selector, { reason: request.reason, by: caller.user, ...(request.until !== undefined ? { until: request.until } : {}) });
      // Paused time does not count: the step's warning and due timers go until it resumes.
      for (const kind of [TimerKind.warn, TimerKind.due]) await deps.timers.cancel(timerName({ kind, caseId: paused.caseId, step: paused.step, attempt: paused.attempt }));
      return jsonResponse(200, toStepActionResult(paused, deps.policy.zone));
    },
  };
}

export function resumeRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: `${STEP_PATH}/resume`,
    async handle({ event, params }) {
      const { caller, selector } = await authorise(deps, event, params, 'resuming');
      const resumed = await createStepClock(deps).resume(selector, { by: caller.user });
      return jsonResponse(200, toStepActionResult(resumed, deps.policy.zone));
    },
  };
}

export function escalateRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: `${STEP_PATH}/escalate`,
    async handle({ event, params }) {
      const { caller, step, selector, body } = await authorise(deps, event, params, 'escalating');
      const request = validate(escalateBody, body, 'body');
      if (!isStepActive(step.status)) throw new StepNotOpen(step.caseId, step.step, step.status);
      const now = deps.clock.now();
      const levels = deps.policy.escalation.levels;
      // Escalated already: on to the level after the current one ("处理不了的及时上报").
      const current = step.escalatedTo === undefined ? 0 : (step.escalation?.level ?? levels.findIndex((l) => l.role === step.escalatedTo) + 1);
      const target = escalationTarget(levels, now, current + 1);
      if (target === undefined) throw new NoHigherEscalationLevel(step.caseId, step.step, step.escalatedTo ?? '');
      const escalated = await deps.repository.escalateStep(selector, {
        at: toInstant(now),
        to: { role: target.role, level: target.level, seenAt: toInstant(target.seenAt) },
        reason: request.reason,
        by: caller.user,
      });
      await recordEscalation(deps.repository, escalated, await escalationPerson(deps, escalated));
      return jsonResponse(200, toStepActionResult(escalated, deps.policy.zone));
    },
  };
}
