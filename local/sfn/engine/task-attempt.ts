import type { Json } from '../json.ts';
import { StatesHeartbeatTimeout, StatesTimeout, TaskFailure } from '../errors/states-errors.ts';
import { Cancelled, type CancelScope } from './cancellation.ts';
import type { Execution } from './execution.ts';
import type { Frame, TaskProgress } from './frame.ts';

export interface AttemptHooks {
  /** Starts the invocation; for a callback task its result only means "submitted". */
  invoke(): Promise<Json>;
  callback: boolean;
  onSubmitted(output: Json): void;
}

/**
 * Waits for one attempt of a Task: the invocation's result, or for a callback task the
 * SendTaskSuccess/Failure — whichever comes first of that, the task timeout, the heartbeat timeout
 * and cancellation. Timers come from the persisted deadlines, so a restarted engine re-arms them.
 */
export function awaitTaskAttempt(execution: Execution, frame: Frame, task: TaskProgress, scope: CancelScope, hooks: AttemptHooks): Promise<Json> {
  if (task.callbackError) return Promise.reject(new TaskFailure(task.callbackError.Error, task.callbackError.Cause));
  if (task.callbackOutput !== undefined) return Promise.resolve(task.callbackOutput);
  if (!hooks.callback && task.timeoutAt === undefined) return untilCancelled(hooks.invoke(), scope);
  const { clock, callbacks } = execution.deps;
  return new Promise<Json>((resolve, reject) => {
    const cleanups: (() => void)[] = [];
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      for (const c of cleanups) c();
      fn();
    };
    cleanups.push(scope.onCancel(() => settle(() => reject(new Cancelled()))));
    if (task.timeoutAt !== undefined) {
      cleanups.push(clock.schedule(task.timeoutAt, () => settle(() => reject(new StatesTimeout()))));
    }
    if (hooks.callback && task.token) {
      let cancelHeartbeat = (): void => undefined;
      const armHeartbeat = (): void => {
        cancelHeartbeat();
        if (task.heartbeatAt === undefined) return;
        cancelHeartbeat = clock.schedule(task.heartbeatAt, () => settle(() => reject(new StatesHeartbeatTimeout())));
      };
      armHeartbeat();
      cleanups.push(() => cancelHeartbeat());
      cleanups.push(
        callbacks.register(task.token, {
          success: (output) => settle(() => resolve(output)),
          failure: (error) => settle(() => reject(new TaskFailure(error.Error, error.Cause))),
          heartbeat: () => {
            if (task.heartbeatSeconds !== undefined) task.heartbeatAt = execution.now() + task.heartbeatSeconds * 1000;
            execution.touch(frame);
            armHeartbeat();
          },
        }),
      );
    }
    if (!hooks.callback || !task.submitted) {
      hooks.invoke().then(
        (output) => {
          if (!hooks.callback) settle(() => resolve(output));
          else if (!settled) hooks.onSubmitted(output);
        },
        (err: unknown) => settle(() => reject(err)),
      );
    }
  });
}

/** The common case — a plain invocation without a deadline — without the timer and callback machinery. */
function untilCancelled(work: Promise<Json>, scope: CancelScope): Promise<Json> {
  return new Promise<Json>((resolve, reject) => {
    const off = scope.onCancel(() => reject(new Cancelled()));
    work.then(
      (output) => {
        off();
        resolve(output);
      },
      (err: unknown) => {
        off();
        reject(err);
      },
    );
  });
}
