/**
 * `POST /cases/{caseId}/contact/reveal`: the customer's full phone number, for a staff member who
 * must call them (review's callback, a complaint's same-day call). Every other read masks it
 * (core/cases/mask.ts); this one is allowed to the role of a step open on the case, or the
 * supervisor, and leaves a `contact.revealed` entry on the timeline naming who and when.
 */
import { ContactNotFound } from '../../../core/cases/errors.ts';
import { isStepActive } from '../../../core/cases/step.ts';
import { renderInstant } from '../../../core/time/render.ts';
import { requireRole, SUPERVISOR } from '../../http/identity.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import type { StaffApiDeps } from '../deps.ts';
import { staffCaller } from '../staff.ts';

export const CONTACT_REVEALED = 'contact.revealed';

export function revealContactRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: '/cases/{caseId}/contact/reveal',
    async handle({ event, params }) {
      const caller = staffCaller(event);
      const view = await deps.repository.getCase(params.caseId ?? '');
      const open = view.steps.filter((s) => isStepActive(s.status));
      requireRole(caller, [...new Set([...open.map((s) => s.role), SUPERVISOR])], 'revealing the customer\'s phone');
      const customer = view.case.data.customer as { name?: unknown; phone?: unknown } | undefined;
      const phone = typeof customer?.phone === 'string' ? customer.phone : undefined;
      if (phone === undefined) throw new ContactNotFound(view.case.id);
      const now = deps.clock.now();
      const at = new Date(now).toISOString();
      const step = open.find((s) => caller.roles.includes(s.role))?.step;
      await deps.repository.appendTimeline(view.case.id, { id: `reveal-${now}-${caller.user}`, at, kind: CONTACT_REVEALED, by: caller.user, ...(step ? { step } : {}), detail: { field: 'customer.phone' } });
      return jsonResponse(200, { caseId: view.case.id, phone, revealedBy: caller.user, revealedAt: renderInstant(deps.policy.zone, now) });
    },
  };
}
