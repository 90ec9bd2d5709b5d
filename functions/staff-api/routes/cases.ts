/** `GET /cases/{caseId}` and `GET /cases?type=&status=&orderId=` (paginated with `nextToken`). */
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

export function caseRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/cases/{caseId}',
    async handle({ event, params }) {
      staffCaller(event);
      const view = await deps.repository.getCase(params.caseId ?? '');
      const window = await caseNoReasonWindow(deps.repository, view, deps.policy.zone);
      return jsonResponse(200, { ...toCaseView(view, deps.policy), ...toNoReasonWindowView(window, deps.clock.now(), deps.policy.zone) });
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
      if (query.type === undefined) throw new InvalidRequest([{ field: 'query.type', message: 'is required unless orderId is given' }]);
      const page = await deps.repository.listCases(
        { type: query.type, ...(query.status !== undefined ? { status: query.status } : {}) },
        { limit: query.limit ?? 50, ...(query.nextToken !== undefined ? { nextToken: query.nextToken } : {}) },
      );
      return jsonResponse(200, { items: page.items.map((c) => toCaseSummary(c, deps.policy.zone)), ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}) });
    },
  };
}
