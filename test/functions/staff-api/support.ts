/** Staff API requests through the handler, as a given staff member. */
import type { ClaimValue } from '../../../functions/http/event.ts';
import type { HttpResponse } from '../../../functions/http/response.ts';
import { createOpenStep } from '../../../functions/open-step/open-step.ts';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { handler } from '../../../functions/staff-api/handler.ts';
import { apiEvent, lambdaContext, staffClaims } from '../http/api-support.ts';
import { uniqueId, type Harness } from '../harness.ts';

export interface StaffRig extends Harness {
  as(user: string, ...roles: string[]): StaffClient;
  anonymous: StaffClient;
  /** An open case of `type` with `step` opened now through the open-step logic (task token `tok-<caseId>-<step>`). */
  openCaseWithStep(step: string, type?: 'order' | 'complaint' | 'return', data?: Record<string, unknown>): Promise<string>;
}

export interface StaffClient {
  get(path: string, query?: Record<string, string>, headers?: Record<string, string>): Promise<HttpResponse>;
  post(path: string, body?: unknown, raw?: string, headers?: Record<string, string>): Promise<HttpResponse>;
}

export function staffRig(deps: Harness): StaffRig {
  useDependencies(deps);
  const client = (claims: Record<string, ClaimValue> | undefined): StaffClient => ({
    get: (path, query, headers) => handler(apiEvent({ method: 'GET', path, ...(query ? { query } : {}), ...(headers ? { headers } : {}), ...(claims ? { claims } : {}), now: deps.clock.now() }), lambdaContext),
    post: (path, body, raw, headers) =>
      handler(apiEvent({ method: 'POST', path, ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}), ...(headers ? { headers } : {}), ...(claims ? { claims } : {}), now: deps.clock.now() }), lambdaContext),
  });
  return {
    ...deps,
    as: (user, ...roles) => client(staffClaims(user, ...roles)),
    anonymous: client(undefined),
    async openCaseWithStep(step, type = 'order', data = {}) {
      const caseId = uniqueId(type);
      await deps.repository.createCase({ id: caseId, type, orderId: uniqueId('order'), openedAt: new Date(deps.clock.now()).toISOString(), data });
      await createOpenStep(deps)({ caseId, caseType: type, step, taskToken: `tok-${caseId}-${step}` });
      return caseId;
    },
  };
}
