import type { Json } from '../json.ts';
import { fromErrorOutput } from '../errors/states-errors.ts';
import { Cancelled } from '../engine/cancellation.ts';
import type { Frame } from '../engine/frame.ts';
import type { StateContext } from './types.ts';

export interface BranchEvents {
  /** Called before a child first runs (MapIterationStarted). */
  onStart?(child: Frame): void;
  onEnd?(child: Frame): void;
}

/**
 * Runs child frames with at most `limit` at a time (0: no limit). The first branch to fail
 * cancels the others; its error becomes the state's error. Returns the outputs in order.
 */
export async function runChildren(ctx: StateContext, children: Frame[], limit: number, events: BranchEvents): Promise<Json[]> {
  const scope = ctx.scope.child();
  let cursor = 0;
  const worker = async (): Promise<void> => {
    while (cursor < children.length && !scope.cancelled) {
      const child = children[cursor++]!;
      if (!child.result) {
        events.onStart?.(child);
        await ctx.runBranch(child, scope);
        if (!child.result) return; // cancelled
        events.onEnd?.(child);
      }
      if ('error' in child.result) scope.cancel();
    }
  };
  const workers = Math.min(limit > 0 ? limit : children.length, children.length);
  await Promise.all(Array.from({ length: workers }, worker));
  if (ctx.scope.cancelled) throw new Cancelled();
  const failed = children.find((c) => c.result && 'error' in c.result);
  if (failed && failed.result && 'error' in failed.result) throw fromErrorOutput(failed.result.error);
  return children.map((c) => (c.result && 'output' in c.result ? c.result.output : null));
}

export function childFrame(parent: Frame, id: string, machinePath: (string | number)[], startAt: string, input: Json): Frame {
  return {
    id,
    machinePath,
    state: startAt,
    input,
    variables: { ...parent.variables },
    lastEventId: parent.lastEventId,
    enteredAt: 0,
  };
}
