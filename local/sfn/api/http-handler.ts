import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatchJsonProtocol, jsonProtocolListener, type JsonProtocolResponse, type JsonProtocolService } from '../../edge/json-protocol.ts';
import type { ApiContext, Operation } from './context.ts';
import { SfnApiError } from './errors.ts';
import { EXECUTION_OPERATIONS } from './execution-operations.ts';
import { STATE_MACHINE_OPERATIONS } from './state-machine-operations.ts';
import { TASK_OPERATIONS } from './task-operations.ts';

/** Operation name (the part of `X-Amz-Target` after `AWSStepFunctions.`) → handler. */
const OPERATIONS: Record<string, Operation> = { ...STATE_MACHINE_OPERATIONS, ...EXECUTION_OPERATIONS, ...TASK_OPERATIONS };

export const TARGET_PREFIX = 'AWSStepFunctions.';

export type ApiResponse = JsonProtocolResponse;

const SERVICE: JsonProtocolService<ApiContext> = {
  name: 'sfn-local',
  targetPrefix: TARGET_PREFIX,
  operations: OPERATIONS,
  errorClass: SfnApiError,
  internalErrorType: 'InternalFailure',
};

/** The API as a plain function: `X-Amz-Target` and JSON body in, status and JSON body out. */
export function handleApiRequest(ctx: ApiContext, target: string | undefined, rawBody: string): Promise<ApiResponse> {
  return dispatchJsonProtocol(SERVICE, ctx, target, rawBody);
}

/** A Node request listener, mountable on a shared edge server that routes by `X-Amz-Target`. */
export function createSfnRequestListener(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse) => void {
  return jsonProtocolListener('application/x-amz-json-1.0', (target, rawBody) => handleApiRequest(ctx, target, rawBody));
}
