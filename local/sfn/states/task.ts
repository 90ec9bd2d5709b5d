import type { Json } from '../json.ts';
import { StatesRuntime, StatesError, toErrorOutput } from '../errors/states-errors.ts';
import { Cancelled } from '../engine/cancellation.ts';
import { awaitTaskAttempt } from '../engine/task-attempt.ts';
import { newTaskToken } from '../engine/task-token.ts';
import type { TaskProgress } from '../engine/frame.ts';
import { historyResource, parseResource, type TaskResource } from '../integrations/resource.ts';
import { invokeResource } from '../integrations/invoke.ts';
import { next, type StateContext, type StateExecutor } from './types.ts';

const out = (value: Json): { [key: string]: Json } => ({ output: JSON.stringify(value), outputDetails: { truncated: false } });

async function seconds(ctx: StateContext, field: 'TimeoutSeconds' | 'HeartbeatSeconds'): Promise<number | undefined> {
  const value = await ctx.io.dynamic(ctx.state, field, ctx.frame.input, ctx.env);
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new StatesRuntime(`The ${field} of the Task state '${ctx.frame.state}' must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Evaluates the arguments and deadlines and records TaskScheduled/TaskStarted before anything is invoked. */
async function schedule(ctx: StateContext, resource: TaskResource): Promise<TaskProgress> {
  const { execution, frame } = ctx;
  const callback = 'callback' in resource && resource.callback;
  const token = callback ? newTaskToken() : undefined;
  const env = token ? { ...ctx.env, context: execution.context(frame, { token }) } : ctx.env;
  const args = await ctx.io.arguments(ctx.state, frame.input, env);
  const timeoutSeconds = await seconds(ctx, 'TimeoutSeconds');
  const heartbeatSeconds = await seconds(ctx, 'HeartbeatSeconds');
  const now = execution.now();
  const task: TaskProgress = {
    arguments: args,
    ...(token ? { token } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutAt: now + timeoutSeconds * 1000 } : {}),
    ...(heartbeatSeconds !== undefined && callback ? { heartbeatSeconds, heartbeatAt: now + heartbeatSeconds * 1000 } : {}),
  };
  const limits = { ...(timeoutSeconds !== undefined ? { timeoutInSeconds: timeoutSeconds } : {}), ...(heartbeatSeconds !== undefined ? { heartbeatInSeconds: heartbeatSeconds } : {}) };
  if (resource.kind === 'lambda:function') {
    execution.emit(frame, 'LambdaFunctionScheduled', { resource: resource.functionArn, input: JSON.stringify(args), inputDetails: { truncated: false }, ...limits });
    execution.emit(frame, 'LambdaFunctionStarted');
  } else {
    const region = execution.record.arn.split(':')[3] ?? 'us-east-1';
    execution.emit(frame, 'TaskScheduled', { ...historyResource(resource), region, parameters: JSON.stringify(args), ...limits });
    execution.emit(frame, 'TaskStarted', historyResource(resource));
  }
  frame.progress!.task = task;
  if (token) execution.journal.openedTokens.push(token);
  execution.touch(frame);
  // A token must be durable before anyone can hold it; a plain invocation may simply be repeated
  // after a crash (at-least-once, as AWS allows), so it rides the next group commit.
  if (token) execution.deps.checkpointer.flush();
  return task;
}

function recordFailure(ctx: StateContext, resource: TaskResource, err: unknown): void {
  const { Error: error, Cause: cause } = toErrorOutput(err);
  const timedOut = err instanceof StatesError && (error === 'States.Timeout' || error === 'States.HeartbeatTimeout');
  if (resource.kind === 'lambda:function') {
    ctx.execution.emit(ctx.frame, timedOut ? 'LambdaFunctionTimedOut' : 'LambdaFunctionFailed', { error, cause });
  } else {
    ctx.execution.emit(ctx.frame, timedOut ? 'TaskTimedOut' : 'TaskFailed', { ...historyResource(resource), error, cause });
  }
}

export const task: StateExecutor = async (ctx) => {
  const { execution, frame, state } = ctx;
  const resource = parseResource(state.Resource!);
  if (typeof resource === 'string') throw new StatesRuntime(resource);
  const progress = frame.progress!;
  const current = progress.task ?? (await schedule(ctx, resource));
  const callback = 'callback' in resource && resource.callback;
  let result: Json;
  try {
    result = await awaitTaskAttempt(execution, frame, current, ctx.scope, {
      callback,
      invoke: () => invokeResource(execution.deps.integrations, resource, current.arguments),
      onSubmitted: (output) => {
        current.submitted = true;
        execution.emit(frame, 'TaskSubmitted', { ...historyResource(resource), ...out(output) });
      },
    });
  } catch (err) {
    if (err instanceof Cancelled) throw err;
    recordFailure(ctx, resource, err);
    if (current.token) execution.journal.closedTokens.push(current.token);
    progress.task = undefined;
    throw err;
  }
  if (current.token) execution.journal.closedTokens.push(current.token);
  if (resource.kind === 'lambda:function') execution.emit(frame, 'LambdaFunctionSucceeded', out(result));
  else execution.emit(frame, 'TaskSucceeded', { ...historyResource(resource), ...out(result) });
  return { ...(await ctx.io.complete(state, frame.input, result, ctx.env)), ...next(state) };
};
