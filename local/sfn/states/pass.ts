import { next, type StateExecutor } from './types.ts';

export const pass: StateExecutor = async ({ state, frame, io, env }) => ({
  ...(await io.complete(state, frame.input, undefined, env)),
  ...next(state),
});
