import { StatesRuntime } from '../errors/states-errors.ts';
import { sleepUntil } from '../engine/sleep.ts';
import { integerField, timestampField } from './dynamic-values.ts';
import { proceed, type StateContext, type StateExecutor } from './types.ts';

/** AWS refuses a wait longer than a Java int of seconds (about 68 years): "Wait state delay is too long." */
const MAX_DELAY_SECONDS = 2_147_483_647;

async function waitUntil({ state, frame, io, env, execution }: StateContext): Promise<number> {
  const now = execution.now();
  const seconds = await io.dynamic(state, 'Seconds', frame.input, env);
  const at = seconds !== undefined ? now + integerField(seconds, 'Seconds', 0) * 1000 : timestampField((await io.dynamic(state, 'Timestamp', frame.input, env))!);
  if ((at - now) / 1000 > MAX_DELAY_SECONDS) throw new StatesRuntime('Wait state delay is too long.');
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
