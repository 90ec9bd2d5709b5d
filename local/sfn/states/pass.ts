import { proceed, type StateExecutor } from './types.ts';

export const pass: StateExecutor = async ({ state, frame, io, env }) => proceed(await io.complete(state, frame.input, undefined, env), state);
