/** The staff member calling a route: any staff route needs at least one role. */
import { Forbidden } from '../http/errors.ts';
import type { ApiEvent } from '../http/event.ts';
import { callerOf, type Caller } from '../http/identity.ts';

export function staffCaller(event: ApiEvent): Caller {
  const caller = callerOf(event);
  if (caller.roles.length === 0) throw new Forbidden(`${caller.user} has no staff role (cognito:groups is empty)`);
  return caller;
}
