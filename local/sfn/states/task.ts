import type { Json } from '../json.ts';
import { StatesDataLimitExceeded, StatesRuntime, StatesError, toErrorOutput } from '../errors/states-errors.ts';
import { overPayloadLimit } from '../engine/payload-limit.ts';
import { Cancelled } from '../engine/cancellation.ts';
import { NOT_TRUNCATED, outputDetails } from '../engine/event-details.ts';
import { awaitTaskAttempt, type AttemptHooks } from '../engine/task-attempt.ts';
import { newTaskToken } from '../engine/task-token.ts';
import type { TaskProgress } from '../engine/frame.ts';
import { historyResource, parseResource, type TaskResource } from '../integrations/resource.ts';
import { invokeResource } from '../integrations/invoke.ts';
import { integerField } from './dynamic-values.ts';
import { proceed, type StateContext, type StateExecutor } from './types.ts';
import type { StateEnv } from '../io/state-io.ts';

async function seconds(ctx: StateContext, field: 'TimeoutSeconds' | 'HeartbeatSeconds'): Promise<number | undefined> {
  const value = await ctx.io.dynamic(ctx.state, field, ctx.frame.input, ctx.env);
  return value === undefined ? undefined : integerField(value, field, 1);
}

/** Whether the state sets the field at all (statically, by a `…Path`, or as JSONata): most Tasks set neither. */
const sets = (ctx: StateContext, field: 'TimeoutSeconds' | 'HeartbeatSeconds'): boolean => ctx.state[field] !== undefined || ctx.state[`${field}Path`] !== undefined;

/** Evaluates the arguments and deadlines and records TaskScheduled/TaskStarted before anything is invoked. */
async function schedule(ctx: StateContext, resource: TaskResource): Promise<TaskProgress> {
  const { execution, frame } = ctx;
  const callback = 'callback' in resource && resource.callback;
  const token = callback ? newTaskToken() : undefined;
  // An explicit object, not a spread: the env's clock reading is a method a spread would drop.
  const env: StateEnv = token ? { variables: ctx.env.variables, now: () => ctx.env.now(), context: execution.context(frame, { token }) } : ctx.env;
  const args = await ctx.io.arguments(ctx.state, frame.input, env);
  const timeoutSeconds = sets(ctx, 'TimeoutSeconds') ? await seconds(ctx, 'TimeoutSeconds') : undefined;
  const heartbeatSeconds = sets(ctx, 'HeartbeatSeconds') ? await seconds(ctx, 'HeartbeatSeconds') : undefined;
  const now = execution.now();
  const task: TaskProgress = { arguments: args };
  if (token) task.token = token;
  if (timeoutSeconds !== undefined) task.timeoutAt = now + timeoutSeconds * 1000;
  if (heartbeatSeconds !== undefined && callback) {
    task.heartbeatSeconds = heartbeatSeconds;
    task.heartbeatAt = now + heartbeatSeconds * 1000;
  }
  let details: Record<string, Json>;
  if (resource.kind === 'lambda:function') {
    details = { resource: resource.functionArn, input: JSON.stringify(args), inputDetails: NOT_TRUNCATED };
  } else {
    const { resourceType, resource: name } = historyResource(resource);
    details = { resourceType, resource: name, region: execution.region, parameters: JSON.stringify(args) };
  }
  // Added after the other fields: the order history events list them in.
  if (timeoutSeconds !== undefined) details.timeoutInSeconds = timeoutSeconds;
  if (heartbeatSeconds !== undefined) details.heartbeatInSeconds = heartbeatSeconds;
  if (resource.kind === 'lambda:function') {
    execution.emit(frame, 'LambdaFunctionScheduled', details);
    execution.emit(frame, 'LambdaFunctionStarted');
  } else {
    execution.emit(frame, 'TaskScheduled', details);
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
  const details = { ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) };
  if (resource.kind === 'lambda:function') {
    ctx.execution.emit(ctx.frame, timedOut ? 'LambdaFunctionTimedOut' : 'LambdaFunctionFailed', details);
  } else {
    ctx.execution.emit(ctx.frame, timedOut ? 'TaskTimedOut' : 'TaskFailed', { ...historyResource(resource), ...details });
  }
}

/** The hooks of one Task attempt; a class so that no closures are built per invocation. */
class Attempt implements AttemptHooks {
  readonly callback: boolean;

  constructor(
    private readonly ctx: StateContext,
    private readonly resource: TaskResource,
    private readonly current: TaskProgress,
  ) {
    this.callback = 'callback' in resource && resource.callback;
  }

  invoke(): Promise<Json> {
    return invokeResource(this.ctx.execution.deps.integrations, this.resource, this.current.arguments);
  }

  onSubmitted(output: Json): void {
    this.current.submitted = true;
    const { resourceType, resource } = historyResource(this.resource);
    this.ctx.execution.emit(this.ctx.frame, 'TaskSubmitted', { resourceType, resource, ...outputDetails(output) });
  }
}

export const task: StateExecutor = async (ctx) => {
  const { execution, frame, state } = ctx;
  const resource = parseResource(state.Resource!);
  if (typeof resource === 'string') throw new StatesRuntime(resource);
  const progress = frame.progress!;
  const current = progress.task ?? (await schedule(ctx, resource));
  let result: Json;
  try {
    result = await awaitTaskAttempt(execution, frame, current, ctx.scope, new Attempt(ctx, resource, current));
  } catch (err) {
    if (err instanceof Cancelled) throw err;
    recordFailure(ctx, resource, err);
    if (current.token) execution.journal.closedTokens.push(current.token);
    progress.task = undefined;
    throw err;
  }
  if (current.token) execution.journal.closedTokens.push(current.token);
  const resultText = JSON.stringify(result);
  if (overPayloadLimit(resultText)) {
    // A task result over the quota: States.DataLimitExceeded naming the resource as AWS does
    // ('lambda' for lambda:invoke, the function ARN for a plain Lambda resource); Retry/Catch apply.
    const err = new StatesDataLimitExceeded(resource.kind === 'lambda:function' ? resource.functionArn : historyResource(resource).resourceType);
    recordFailure(ctx, resource, err);
    progress.task = undefined;
    throw err;
  }
  if (resource.kind === 'lambda:function') {
    execution.emit(frame, 'LambdaFunctionSucceeded', { output: resultText, outputDetails: NOT_TRUNCATED });
  } else {
    const { resourceType, resource: name } = historyResource(resource);
    execution.emit(frame, 'TaskSucceeded', { resourceType, resource: name, output: resultText, outputDetails: NOT_TRUNCATED });
  }
  return proceed(await ctx.io.complete(state, frame.input, result, ctx.env), state);
};
