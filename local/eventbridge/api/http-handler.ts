import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonProtocolListener } from '../../edge/json-protocol.ts';
import { EventBridgeApiError, SerializationException, UnknownOperationException } from '../errors.ts';
import { BUS_OPERATIONS } from './bus-operations.ts';
import type { ApiContext, Body, Operation } from './context.ts';
import { PUT_EVENTS_OPERATIONS } from './put-events.ts';
import { RULE_OPERATIONS } from './rule-operations.ts';
import { TARGET_OPERATIONS } from './target-operations.ts';

/** Operation name (the part of `X-Amz-Target` after `AWSEvents.`) → handler. */
const OPERATIONS: Record<string, Operation> = { ...BUS_OPERATIONS, ...RULE_OPERATIONS, ...TARGET_OPERATIONS, ...PUT_EVENTS_OPERATIONS };

export const EVENTS_TARGET_PREFIX = 'AWSEvents.';

export interface ApiResponse {
  status: number;
  body: object;
}

/** The API as a plain function: `X-Amz-Target` and JSON body in, status and JSON body out. */
export async function handleEventsRequest(ctx: ApiContext, target: string | undefined, rawBody: string): Promise<ApiResponse> {
  try {
    const name = target?.startsWith(EVENTS_TARGET_PREFIX) ? target.slice(EVENTS_TARGET_PREFIX.length) : undefined;
    const operation = name !== undefined && Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name]! : undefined;
    if (!operation) throw new UnknownOperationException(`Unknown operation: ${String(target)}`);
    let body: Body;
    try {
      body = rawBody.trim() === '' ? {} : (JSON.parse(rawBody) as Body);
    } catch {
      throw new SerializationException('The request body is not valid JSON');
    }
    return { status: 200, body: await operation(ctx, body) };
  } catch (err) {
    if (err instanceof EventBridgeApiError) return { status: err.status, body: { __type: err.name, message: err.message } };
    console.error('eventbridge-local: internal error', err);
    return { status: 500, body: { __type: 'InternalException', message: 'Internal error' } };
  }
}

/** A Node request listener, mountable on a shared edge server that routes by `X-Amz-Target`. */
export function createEventsRequestListener(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse) => void {
  return jsonProtocolListener('application/x-amz-json-1.1', (target, rawBody) => handleEventsRequest(ctx, target, rawBody));
}
