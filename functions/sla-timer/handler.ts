import { dependencies } from '../shared/dependencies.ts';
import { parseInput } from '../shared/input.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { timerPayload } from './input.ts';
import { createSlaTimers } from './sla-timers.ts';

export const handler = lambdaHandler(async (event: unknown) => ({ outcome: await createSlaTimers(dependencies()).fire(parseInput('TimerPayload', timerPayload, event)) }));
