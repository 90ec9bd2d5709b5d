import { Cancelled } from '../engine/cancellation.ts';
import { childFrame, runChildren } from './branches.ts';
import { proceed, type StateExecutor } from './types.ts';

export const parallel: StateExecutor = async (ctx) => {
  const { execution, frame, state, io, env, name } = ctx;
  const progress = frame.progress!;
  if (!progress.childIds) {
    const input = await io.arguments(state, frame.input, env);
    execution.emit(frame, 'ParallelStateStarted');
    const children = (state.Branches ?? []).map((branch, i) =>
      childFrame(frame, `${frame.id}/${name}/${i}`, [...frame.machinePath, 'States', name, 'Branches', i], branch.StartAt, input),
    );
    execution.addFrames(children);
    progress.childIds = children.map((c) => c.id);
    execution.touch(frame);
  }
  const children = progress.childIds.map((id) => execution.frames.get(id)!);
  try {
    const outputs = await runChildren(ctx, children, 0, {});
    execution.emit(frame, 'ParallelStateSucceeded');
    return proceed(await io.complete(state, frame.input, outputs, env), state);
  } catch (err) {
    if (!(err instanceof Cancelled)) execution.emit(frame, 'ParallelStateFailed');
    throw err;
  } finally {
    if (!execution.closed && !ctx.scope.cancelled) {
      execution.removeFrames(progress.childIds);
      progress.childIds = undefined;
    }
  }
};
