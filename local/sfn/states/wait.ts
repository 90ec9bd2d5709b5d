import type { Json } from '../json.ts';
import { StatesRuntime } from '../errors/states-errors.ts';
import { sleepUntil } from '../engine/sleep.ts';
import { proceed, type StateContext, type StateExecutor } from './types.ts';

async function waitUntil({ state, frame, io, env, execution }: StateContext): Promise<number> {
  const seconds: Json | undefined = await io.dynamic(state, 'Seconds', frame.input, env);
  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new StatesRuntime(`The Seconds of the Wait state '${frame.state}' must be a non-negative integer, got ${JSON.stringify(seconds)}`);
    }
    return execution.now() + seconds * 1000;
  }
  const timestamp = await io.dynamic(state, 'Timestamp', frame.input, env);
  const at = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(at)) throw new StatesRuntime(`The Timestamp of the Wait state '${frame.state}' must be an ISO-8601 timestamp, got ${JSON.stringify(timestamp)}`);
  return at;
}

export const wait: StateExecutor = async (ctx) => {
  const { frame, execution, state, io, env } = ctx;
  const progress = frame.progress!;
  if (progress.waitUntil === undefined) {
    progress.waitUntil = await waitUntil(ctx);
    execution.touch(frame);
  }
  await sleepUntil(execution.deps.clock, progress.waitUntil, ctx.scope);
  return proceed(await io.complete(state, frame.input, undefined, env), state);
};
