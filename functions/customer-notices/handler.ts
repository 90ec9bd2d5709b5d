import type { BusEvent } from '../../core/alarms/alarm.ts';
import { eventSchemas } from '../../core/ports/event-schemas.ts';
import { DetailType } from '../../core/ports/events.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { acceptNotice } from './accept.ts';
import { deliverNotices } from './deliver.ts';
import { noticeDependencies } from './deps.ts';
import { raiseNotice } from './raise.ts';

const isBusEvent = (event: unknown): event is BusEvent => typeof event === 'object' && event !== null && 'detail-type' in event;

/** Three callers: the `customer-notices` rule (a CustomerNotice), the `notice-triggers` rule (any other event), a delivery schedule. */
export const handler = lambdaHandler(async (event: unknown) => {
  const deps = noticeDependencies();
  if (!isBusEvent(event)) return deliverNotices(deps);
  if (event['detail-type'] === DetailType.CustomerNotice) return acceptNotice(deps, eventSchemas[DetailType.CustomerNotice].parse(event.detail));
  return (await raiseNotice(deps, event)) ?? { notice: null };
});
