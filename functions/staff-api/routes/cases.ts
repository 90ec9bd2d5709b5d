/** `GET /cases/{caseId}` and `GET /cases?type=&status=&from=&to=&step=&role=&orderId=` (paginated with `nextToken`). */
import type { Page, PageRequest } from '../../../core/cases/repository.ts';
import { AUTOMATIC, type StepRecord } from '../../../core/cases/step.ts';
import { parseDate } from '../../../core/time/civil.ts';
import { InvalidRequest } from '../../http/errors.ts';
import { queryOf } from '../../http/event.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import type { StaffApiDeps } from '../deps.ts';
import { caseListQuery } from '../schemas.ts';
import { staffCaller } from '../staff.ts';
import { toCaseSummary, toCaseView } from '../views.ts';
import { caseNoReasonWindow } from '../../shared/no-reason-window.ts';
import { toNoReasonWindowView } from '../no-reason-window-view.ts';
import { caseShipWait, stockOutTags } from '../ship-wait-view.ts';

export function caseRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/cases/{caseId}',
    async handle({ event, params }) {
      staffCaller(event);
      const view = await deps.repository.getCase(params.caseId ?? '');
      const window = await caseNoReasonWindow(deps.repository, view, deps.policy.zone);
      const stock = view.case.type === 'order' ? { waiting: caseShipWait(view.case, view.steps, deps.policy.zone), stockOut: (await stockOutTags(deps.repository)).has(view.case.id) } : {};
      return jsonResponse(200, { ...toCaseView(view, deps.policy), ...toNoReasonWindowView(window, deps.clock.now(), deps.policy.zone), ...stock });
    },
  };
}

export function caseListRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/cases',
    async handle({ event }) {
      staffCaller(event);
      const query = validate(caseListQuery, queryOf(event), 'query');
      if (query.orderId !== undefined) {
        // Every case about one order: a handful, one page.
        const cases = (await deps.repository.listCasesForOrder(query.orderId)).filter(
          (c) => (query.type === undefined || c.type === query.type) && (query.status === undefined || c.status === query.status),
        );
        return jsonResponse(200, { items: cases.map((c) => toCaseSummary(c, deps.policy.zone)) });
      }
      const zone = deps.policy.zone;
      const openedFrom = query.from === undefined ? undefined : new Date(zone.instant(parseDate(query.from) as number, 0)).toISOString();
      const openedTo = query.to === undefined ? undefined : new Date(zone.instant((parseDate(query.to) as number) + 1, 0)).toISOString();
      const page = { limit: query.limit ?? 50, ...(query.nextToken !== undefined ? { nextToken: query.nextToken } : {}) };
      if (query.step !== undefined || query.role !== undefined) {
        // Cases with a step open now: the step's queue (gsi2), not a scan of cases.
        const steps = await openSteps(deps, query.step, query.role, page);
        const ids = [...new Set(steps.items.filter((s) => query.step === undefined || s.step === query.step).map((s) => s.caseId))];
        const cases = (await deps.repository.getCaseRecords(ids)).filter(
          (c) =>
            (query.type === undefined || c.type === query.type) &&
            (query.status === undefined || c.status === query.status) &&
            (openedFrom === undefined || c.openedAt >= openedFrom) &&
            (openedTo === undefined || c.openedAt < openedTo),
        );
        return jsonResponse(200, { items: cases.map((c) => toCaseSummary(c, zone)), ...(steps.nextToken !== undefined ? { nextToken: steps.nextToken } : {}) });
      }
      if (query.type === undefined) throw new InvalidRequest([{ field: 'query.type', message: 'is required unless orderId, step or role is given' }]);
      const listed = await deps.repository.listCases(
        {
          type: query.type,
          ...(query.status !== undefined ? { status: query.status } : {}),
          ...(openedFrom !== undefined ? { openedFrom } : {}),
          ...(openedTo !== undefined ? { openedTo } : {}),
        },
        page,
      );
      return jsonResponse(200, { items: listed.items.map((c) => toCaseSummary(c, zone)), ...(listed.nextToken !== undefined ? { nextToken: listed.nextToken } : {}) });
    },
  };
}

/** Open steps of a step id (its role's queue, or the awaiting list of an automatic step) or of a role. */
async function openSteps(deps: StaffApiDeps, step: string | undefined, role: string | undefined, page: PageRequest): Promise<Page<StepRecord>> {
  if (step !== undefined) {
    const declared = deps.policy.steps.get(step);
    if (declared === undefined) throw new InvalidRequest([{ field: 'query.step', message: 'is not a step of the policy' }]);
    if (role !== undefined && role !== declared.role) return { items: [] };
    return declared.role === AUTOMATIC ? deps.repository.listAwaiting(step, page) : deps.repository.listQueue(declared.role, page);
  }
  if (!deps.policy.roles.has(role as string)) throw new InvalidRequest([{ field: 'query.role', message: 'is not a role of the policy' }]);
  return deps.repository.listQueue(role as string, page);
}
