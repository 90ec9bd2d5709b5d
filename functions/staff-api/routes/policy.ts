/** `GET /policy?year=` (any staff): the SLA policy the platform runs on, read-only, for the console's operator page. */
import { civilFromDay } from '../../../core/time/civil.ts';
import { queryOf } from '../../http/event.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import type { StaffApiDeps } from '../deps.ts';
import { toPolicyView } from '../policy-view.ts';
import { policyQuery } from '../schemas.ts';
import { staffCaller } from '../staff.ts';

export function policyRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/policy',
    handle({ event }) {
      staffCaller(event);
      const query = validate(policyQuery, queryOf(event), 'query');
      const year = query.year ?? civilFromDay(deps.policy.zone.dayOf(deps.clock.now())).year;
      return Promise.resolve(jsonResponse(200, toPolicyView(deps.policy, year)));
    },
  };
}
