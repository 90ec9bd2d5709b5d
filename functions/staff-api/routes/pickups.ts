/** `POST /pickups/run` (`picker` or `supervisor`): the courier came — hand over every dispatched parcel now. */
import { renderInstant } from '../../../core/time/render.ts';
import { requireRole, SUPERVISOR } from '../../http/identity.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import type { StaffApiDeps } from '../deps.ts';
import { staffCaller } from '../staff.ts';

export const PICKER = 'picker';

export function pickupRunRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: '/pickups/run',
    async handle({ event }) {
      const caller = staffCaller(event);
      requireRole(caller, [PICKER, SUPERVISOR], 'running a pickup batch');
      const run = await deps.runPickup({ manual: true, by: caller.user });
      const zone = deps.policy.zone;
      return jsonResponse(200, {
        ...run,
        ranAt: renderInstant(zone, run.ranAt),
        handedOver: run.handedOver.map((p) => ({ ...p, plannedAt: p.plannedAt === null ? null : renderInstant(zone, p.plannedAt) })),
      });
    },
  };
}
