import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonProtocolListener } from '../../edge/json-protocol.ts';
import type { ApiContext, Body, Operation } from './context.ts';
import { SerializationException, SfnApiError, UnknownOperationException } from './errors.ts';
import { EXECUTION_OPERATIONS } from './execution-operations.ts';
import { STATE_MACHINE_OPERATIONS } from './state-machine-operations.ts';
import { TASK_OPERATIONS } from './task-operations.ts';

/** Operation name (the part of `X-Amz-Target` after `AWSStepFunctions.`) → handler. */
const OPERATIONS: Record<string, Operation> = { ...STATE_MACHINE_OPERATIONS, ...EXECUTION_OPERATIONS, ...TASK_OPERATIONS };

export const TARGET_PREFIX = 'AWSStepFunctions.';

export interface ApiResponse {
  status: number;
  body: object;
}

/** The API as a plain function: `X-Amz-Target` and JSON body in, status and JSON body out. */
export async function handleApiRequest(ctx: ApiContext, target: string | undefined, rawBody: string): Promise<ApiResponse> {
  try {
    const name = target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
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
    if (err instanceof SfnApiError) return { status: err.status, body: { __type: err.name, message: err.message } };
    console.error('sfn-local: internal error', err);
    return { status: 500, body: { __type: 'InternalFailure', message: 'Internal error' } };
  }
}

/** A Node request listener, mountable on a shared edge server that routes by `X-Amz-Target`. */
export function createSfnRequestListener(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse) => void {
  return jsonProtocolListener('application/x-amz-json-1.0', (target, rawBody) => handleApiRequest(ctx, target, rawBody));
}
