import { dependencies } from '../shared/dependencies.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { createSlaSweep } from './sla-sweep.ts';

export const handler = lambdaHandler(async () => createSlaSweep(dependencies())());
