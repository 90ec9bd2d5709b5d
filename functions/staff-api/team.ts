/** The staff API's people and rosters: the ones passed in (tests), else from the environment (functions/people/team.ts). */
import { teamOf, type Team } from '../people/team.ts';
import type { StaffApiDeps } from './deps.ts';

export function staffTeam(deps: StaffApiDeps): Team {
  return deps.team ?? teamOf(deps);
}
