import { dependencies } from '../shared/dependencies.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { createQaSample } from './qa-sample.ts';

/** The weekly schedule's entry point; `POST /qa/sample` calls `createQaSample` for a chosen week. */
export const handler = lambdaHandler(async () => createQaSample(dependencies())());
