import type { StateExecutor } from './types.ts';

export const succeed: StateExecutor = async ({ state, frame, io, env }) => io.complete(state, frame.input, undefined, env);
