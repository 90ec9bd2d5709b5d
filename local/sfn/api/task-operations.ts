import type { Json } from '../json.ts';
import type { Operation } from './context.ts';
import { InvalidOutput } from './errors.ts';

const sendTaskSuccess: Operation = (ctx, body) => {
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
    Cause: typeof body.cause === 'string' ? body.cause : '',
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
