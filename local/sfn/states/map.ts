import type { Json } from '../json.ts';
import { Cancelled } from '../engine/cancellation.ts';
import type { Frame } from '../engine/frame.ts';
import { childFrame, runChildren } from './branches.ts';
import { integerField } from './dynamic-values.ts';
import { proceed, type StateContext, type StateExecutor } from './types.ts';
import type { StateEnv } from '../io/state-io.ts';

async function startIterations(ctx: StateContext): Promise<Frame[]> {
  const { execution, frame, state, io, env, name } = ctx;
  const items = await io.mapItems(state, frame.input, env);
  const concurrency = await io.dynamic(state, 'MaxConcurrency', frame.input, env);
  const maxConcurrency = concurrency === undefined ? 0 : integerField(concurrency, 'MaxConcurrency', 0);
  const processorKey = state.ItemProcessor ? 'ItemProcessor' : 'Iterator';
  const processor = state.ItemProcessor ?? state.Iterator!;
  const children: Frame[] = [];
  for (const [index, value] of items.entries()) {
    const itemEnv: StateEnv = { variables: env.variables, now: () => env.now(), context: execution.context(frame, { mapItem: { index, value } }) };
    const input = await io.mapItemInput(state, frame.input, value, itemEnv);
    const child = childFrame(frame, `${frame.id}/${name}/${index}`, [...frame.machinePath, 'States', name, processorKey], processor.StartAt, input);
    child.mapIndex = index;
    children.push(child);
  }
  execution.emit(frame, 'MapStateStarted', { length: children.length });
  execution.addFrames(children);
  frame.progress!.childIds = children.map((c) => c.id);
  frame.progress!.maxConcurrency = maxConcurrency;
  execution.touch(frame);
  return children;
}

export const map: StateExecutor = async (ctx) => {
  const { execution, frame, state, io, env, name } = ctx;
  const progress = frame.progress!;
  const children = progress.childIds ? progress.childIds.map((id) => execution.frames.get(id)!) : await startIterations(ctx);
  const iteration = (child: Frame): { [key: string]: Json } => ({ name, index: child.mapIndex ?? 0 });
  try {
    const outputs = await runChildren(ctx, children, progress.maxConcurrency ?? 0, {
      onStart: (child) => {
        if (child.started) return;
        child.started = true;
        child.lastEventId = execution.emit(frame, 'MapIterationStarted', iteration(child));
        execution.touch(child);
      },
      onEnd: (child) => {
        const failed = child.result !== undefined && 'error' in child.result;
        execution.emit(frame, failed ? 'MapIterationFailed' : 'MapIterationSucceeded', iteration(child));
      },
    });
    execution.emit(frame, 'MapStateSucceeded');
    return proceed(await io.complete(state, frame.input, outputs, env), state);
  } catch (err) {
    if (!(err instanceof Cancelled)) execution.emit(frame, 'MapStateFailed');
    throw err;
  } finally {
    if (!execution.closed && !ctx.scope.cancelled && progress.childIds) {
      execution.removeFrames(progress.childIds);
      progress.childIds = undefined;
    }
  }
};
