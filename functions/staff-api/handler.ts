import type { ApiEvent } from '../http/event.ts';
import { httpHandler } from '../http/handler.ts';
import { createPickupBatch } from '../pickup-batch/pickup-batch.ts';
import { dependencies } from '../shared/dependencies.ts';
import { configuredPolicySeed } from '../shared/policy-seed.ts';
import { createStaffApi } from './app.ts';

export const handler = httpHandler(async (event: ApiEvent) => {
  const deps = dependencies();
  return createStaffApi({ ...deps, runPickup: createPickupBatch(deps), policySeed: configuredPolicySeed, ...(deps.noticeDeadLetters ? { deadNotices: deps.noticeDeadLetters } : {}) }).handle(event);
}, { errorLog: () => dependencies().log });
