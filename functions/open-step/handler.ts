import { dependencies } from '../shared/dependencies.ts';
import { parseInput } from '../shared/input.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { openStepRequest } from './input.ts';
import { createOpenStep } from './open-step.ts';

export const handler = lambdaHandler(async (event: unknown) => createOpenStep(dependencies())(parseInput('OpenStepRequest', openStepRequest, event)));
