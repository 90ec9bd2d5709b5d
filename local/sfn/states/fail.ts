import { TaskFailure } from '../errors/states-errors.ts';
import type { StateExecutor } from './types.ts';

export const fail: StateExecutor = async ({ state, frame, io, env }) => {
  const { Error: error, Cause: cause } = await io.failure(state, frame.input, env);
  throw new TaskFailure(error, cause);
};
