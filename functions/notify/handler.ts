import type { BusEvent } from '../../core/alarms/alarm.ts';
import type { FlushPayload } from '../../core/alarms/outbox.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { acceptAlarmEvent } from './accept.ts';
import { notifyDependencies } from './deps.ts';
import { flushChannel } from './flush.ts';
import { sendDailySummaries } from './summary.ts';

const isBusEvent = (event: unknown): event is BusEvent => typeof event === 'object' && event !== null && 'detail-type' in event;
const isFlush = (event: unknown): event is FlushPayload => typeof event === 'object' && event !== null && (event as { kind?: unknown }).kind === 'alarm-flush';

/** Three callers: the `alarm-events` rule (an alarm event), a flush schedule (`{"kind":"alarm-flush"}`), the `alarm-summary` schedule (anything else). */
export const handler = lambdaHandler(async (event: unknown) => {
  const deps = notifyDependencies();
  if (isBusEvent(event)) return acceptAlarmEvent(deps, event);
  if (isFlush(event)) return flushChannel(deps, event.channel);
  return sendDailySummaries(deps);
});
