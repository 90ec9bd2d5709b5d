import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatchJsonProtocol, jsonProtocolListener, type JsonProtocolResponse, type JsonProtocolService } from '../../edge/json-protocol.ts';
import { EventBridgeApiError } from '../errors.ts';
import { BUS_OPERATIONS } from './bus-operations.ts';
import type { ApiContext, Operation } from './context.ts';
import { PUT_EVENTS_OPERATIONS } from './put-events.ts';
import { RULE_OPERATIONS } from './rule-operations.ts';
import { TARGET_OPERATIONS } from './target-operations.ts';

/** Operation name (the part of `X-Amz-Target` after `AWSEvents.`) → handler. */
const OPERATIONS: Record<string, Operation> = { ...BUS_OPERATIONS, ...RULE_OPERATIONS, ...TARGET_OPERATIONS, ...PUT_EVENTS_OPERATIONS };

export const EVENTS_TARGET_PREFIX = 'AWSEvents.';

export type ApiResponse = JsonProtocolResponse;

const SERVICE: JsonProtocolService<ApiContext> = {
  name: 'eventbridge-local',
  targetPrefix: EVENTS_TARGET_PREFIX,
  operations: OPERATIONS,
  errorClass: EventBridgeApiError,
  internalErrorType: 'InternalException',
};

/** The API as a plain function: `X-Amz-Target` and JSON body in, status and JSON body out. */
export function handleEventsRequest(ctx: ApiContext, target: string | undefined, rawBody: string): Promise<ApiResponse> {
  return dispatchJsonProtocol(SERVICE, ctx, target, rawBody);
}

/** A Node request listener, mountable on a shared edge server that routes by `X-Amz-Target`. */
export function createEventsRequestListener(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse) => void {
  return jsonProtocolListener('application/x-amz-json-1.1', (target, rawBody) => handleEventsRequest(ctx, target, rawBody));
}
