import type { FunctionDecl, ScheduleDecl } from '../../platform/manifest-types.ts';
import { connectorWebhookFunction } from '../webhook/function.ts';

/**
 * The TMC poller (Taobao/Tmall have no push for these messages): every minute it consumes each
 * configured TMC shop's messages and confirms them once stored. The same schedule runs on both
 * homes — EventBridge Scheduler on AWS, the scheduler emulator in `npm start` (durable: a message
 * is confirmed only after it is stored, so a killed process loses nothing and doubles nothing).
 */
export const tmcPollerFunction: FunctionDecl = {
  id: 'tmc-poller',
  entry: 'connectors/tmc/handler.ts',
  timeoutSeconds: 55,
  access: connectorWebhookFunction.access,
};

export const tmcPollSchedule: ScheduleDecl = { id: 'tmc-poll', expression: 'rate(1 minute)', timeZone: 'Asia/Shanghai', targetFunction: tmcPollerFunction.id };
