import type { Json } from '../json.ts';
import type { Operation } from './context.ts';
import { MAX_PAYLOAD_BYTES } from '../engine/payload-limit.ts';
import { InvalidOutput, ValidationException } from './errors.ts';

const sendTaskSuccess: Operation = (ctx, body) => {
  if (typeof body.output === 'string' && Buffer.byteLength(body.output, 'utf8') > MAX_PAYLOAD_BYTES) {
    throw new ValidationException(`1 validation error detected: Value at 'output' failed to satisfy constraint: Member must have length less than or equal to ${MAX_PAYLOAD_BYTES}`);
  }
  let output: Json;
  try {
    output = JSON.parse(typeof body.output === 'string' ? body.output : '') as Json;
  } catch {
    throw new InvalidOutput('Invalid Output: the output must be valid JSON');
  }
  ctx.engine.sendTaskSuccess(body.taskToken, output);
  return {};
};

const sendTaskFailure: Operation = (ctx, body) => {
  ctx.engine.sendTaskFailure(body.taskToken, {
    Error: typeof body.error === 'string' ? body.error : 'States.TaskFailed',
    ...(typeof body.cause === 'string' ? { Cause: body.cause } : {}),
  });
  return {};
};

const sendTaskHeartbeat: Operation = (ctx, body) => {
  ctx.engine.sendTaskHeartbeat(body.taskToken);
  return {};
};

export const TASK_OPERATIONS: Record<string, Operation> = {
  SendTaskSuccess: sendTaskSuccess,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
};
