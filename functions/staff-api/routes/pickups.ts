/**
 * The courier's visit (issue 28 item 9), `picker` or `supervisor`: `GET /pickups` lists the parcels
 * waiting for the courier — what a run would hand over, with carrier and tracking number for the
 * console's confirmation — and `POST /pickups/run` (the courier came) hands every one over now.
 */
import { renderInstant } from '../../../core/time/render.ts';
import { requireRole, SUPERVISOR } from '../../http/identity.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import type { StaffApiDeps } from '../deps.ts';
import { staffCaller } from '../staff.ts';
import { readAll } from '../../shared/read-all.ts';
import { PICKUP_STEP } from '../../pickup-batch/pickup-batch.ts';
import type { pickupsWaiting } from '../schemas.ts';
import type { z } from 'zod';

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

type Parcel = z.infer<typeof pickupsWaiting>['parcels'][number];

/** One query of the waiting list plus one case read per parcel (its order id and dispatch fields). */
export function pickupsWaitingRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/pickups',
    async handle({ event }) {
      requireRole(staffCaller(event), [PICKER, SUPERVISOR], 'the parcels waiting for the courier');
      const now = deps.clock.now();
      const zone = deps.policy.zone;
      const waiting = await readAll((page) => deps.repository.listAwaiting(PICKUP_STEP, page), { pageSize: 100 });
      const parcels: Parcel[] = await Promise.all(
        waiting.map(async (s) => {
          const view = await deps.repository.getCase(s.caseId);
          const dispatch = view.steps.filter((d) => d.step === 'order.dispatch' && d.status === 'completed').at(-1)?.fields ?? {};
          const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
          return {
            caseId: s.caseId,
            orderId: view.case.orderId ?? null,
            plannedAt: s.due === undefined ? null : renderInstant(zone, s.due),
            state: s.status === 'breached' ? 'missed' : s.due !== undefined && Date.parse(s.due) <= now ? 'due' : 'waiting',
            carrier: text(dispatch.carrier),
            trackingNo: text(dispatch.trackingNo),
          };
        }),
      );
      return jsonResponse(200, { asOf: renderInstant(zone, now), parcels });
    },
  };
}
