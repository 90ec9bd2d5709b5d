import { dependencies } from '../shared/dependencies.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { handOver } from '../people/assign.ts';
import { teamOf } from '../people/team.ts';
import { createSlaSweep } from './sla-sweep.ts';

export const handler = lambdaHandler(async () => {
  const deps = dependencies();
  try {
    return await createSlaSweep(deps)();
  } finally {
    // Issue 23: steps of people gone off duty go to the next on duty or the pool (docs/people.md).
    try {
      deps.log.info('handover', { ...(await handOver(deps, teamOf(deps))) });
    } catch (error) {
      deps.log.error('handover failed; the next sweep tries again', { error: error as Error });
    }
  }
});
