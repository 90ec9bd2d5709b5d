import { dependencies } from '../shared/dependencies.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { createPickupBatch } from './pickup-batch.ts';

/** The recurring schedule's entry point; `POST /pickups/run` calls `createPickupBatch` with `manual: true`. */
export const handler = lambdaHandler(async () => createPickupBatch(dependencies())({ manual: false }));
