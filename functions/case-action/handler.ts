import { dependencies } from '../shared/dependencies.ts';
import { parseInput } from '../shared/input.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { createCaseAction } from './case-action.ts';
import { caseActionRequest } from './input.ts';

export const handler = lambdaHandler(async (event: unknown) => createCaseAction(dependencies())(parseInput('CaseActionRequest', caseActionRequest, event)));
