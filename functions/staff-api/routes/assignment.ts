/**
 * `POST /cases/{caseId}/steps/{step}/claim` (认领; the step's role or `supervisor`): take a pool step
 * (409 `StepAssignedToOther` when someone holds it); `/release` (its holder or a supervisor): back
 * to the pool; `/assign {"to"}` (`supervisor`): to a person of the step's role (400 `UnknownAssignee`
 * otherwise). Each change is on the case's timeline (`step.assigned`). Issue 23, docs/people.md.
 */
import { toInstant } from '../../../core/cases/instant.ts';
import { UnknownAssignee } from '../../../core/people/errors.ts';
import { peopleOfRole } from '../../../core/people/person.ts';
import { assignChange, claimChange, releaseChange, type AssigneeChange } from '../../../core/people/step-assignment.ts';
import type { StepRecord } from '../../../core/cases/step.ts';
import { jsonBody } from '../../http/body.ts';
import type { ApiEvent } from '../../http/event.ts';
import { hasRole, requireRole, SUPERVISOR, type Caller } from '../../http/identity.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import { STEP_ASSIGNED } from '../../people/assign.ts';
import type { StaffApiDeps } from '../deps.ts';
import { assignBody } from '../team-schemas.ts';
import { staffCaller } from '../staff.ts';
import { staffTeam } from '../team.ts';
import { toStepActionResult } from '../views.ts';

const STEP_PATH = '/cases/{caseId}/steps/{step}';

type Action = 'claim' | 'release' | 'assign';

async function change(deps: StaffApiDeps, caller: Caller, step: StepRecord, action: Action, decide: (s: StepRecord) => AssigneeChange) {
  const at = toInstant(deps.clock.now());
  const selector = { caseId: step.caseId, step: step.step, attempt: step.attempt };
  let from: string | undefined;
  const result = await deps.repository.setAssignee(
    selector,
    (s) => {
      from = s.assignedTo;
      return decide(s);
    },
    at,
  );
  if (result.changed) {
    await deps.repository.appendTimeline(step.caseId, {
      id: `${action}#${step.step}#${step.attempt}#${at}`,
      at,
      kind: STEP_ASSIGNED,
      step: step.step,
      by: caller.user,
      detail: { action, from: from ?? null, to: result.step.assignedTo ?? null },
    });
  }
  return jsonResponse(200, toStepActionResult(result.step, deps.policy.zone));
}

async function load(deps: StaffApiDeps, event: ApiEvent, params: Readonly<Record<string, string>>, roles: (step: StepRecord) => string[], action: string) {
  const caller = staffCaller(event);
  const step = await deps.repository.getStep({ caseId: params.caseId ?? '', step: params.step ?? '' });
  requireRole(caller, roles(step), `${action} ${step.step}`);
  return { caller, step };
}

export function claimRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: `${STEP_PATH}/claim`,
    async handle({ event, params }) {
      const { caller, step } = await load(deps, event, params, (s) => [s.role, SUPERVISOR], 'claiming');
      return change(deps, caller, step, 'claim', (s) => claimChange(s, caller.user));
    },
  };
}

export function releaseRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: `${STEP_PATH}/release`,
    async handle({ event, params }) {
      const { caller, step } = await load(deps, event, params, (s) => [s.role, SUPERVISOR], 'releasing');
      return change(deps, caller, step, 'release', (s) => releaseChange(s, caller.user, hasRole(caller, SUPERVISOR)));
    },
  };
}

export function assignRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: `${STEP_PATH}/assign`,
    async handle({ event, params }) {
      const caller = staffCaller(event);
      const body = jsonBody(event);
      requireRole(caller, [SUPERVISOR], 'assigning a step');
      const { to } = validate(assignBody, body, 'body');
      const step = await deps.repository.getStep({ caseId: params.caseId ?? '', step: params.step ?? '' });
      const people = await staffTeam(deps).people.list();
      if (!peopleOfRole(people, step.role).some((p) => p.id === to)) throw new UnknownAssignee(to, step.role);
      return change(deps, caller, step, 'assign', (s) => assignChange(s, to));
    },
  };
}
