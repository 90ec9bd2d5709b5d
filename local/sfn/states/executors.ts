import type { StateType } from '../asl/types.ts';
import { choice } from './choice.ts';
import { fail } from './fail.ts';
import { map } from './map.ts';
import { parallel } from './parallel.ts';
import { pass } from './pass.ts';
import { succeed } from './succeed.ts';
import { task } from './task.ts';
import type { StateExecutor } from './types.ts';
import { wait } from './wait.ts';

/** One executor per state type. */
export const EXECUTORS: Record<StateType, StateExecutor> = {
  Pass: pass,
  Task: task,
  Choice: choice,
  Wait: wait,
  Succeed: succeed,
  Fail: fail,
  Parallel: parallel,
  Map: map,
};
