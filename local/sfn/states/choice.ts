import { StatesNoChoiceMatched } from '../errors/states-errors.ts';
import type { StateExecutor } from './types.ts';

export const choice: StateExecutor = async ({ state, frame, io, env }) => {
  for (const rule of state.Choices ?? []) {
    if (await io.choose(state, rule, frame.input, env)) {
      const { output, assign } = await io.chosen(state, rule, frame.input, env);
      return { output, assign, next: rule.Next! };
    }
  }
  if (state.Default === undefined) throw new StatesNoChoiceMatched(`No Choice rule matched and no Default is specified in the state '${frame.state}'`);
  const { output, assign } = await io.chosen(state, undefined, frame.input, env);
  return { output, assign, next: state.Default };
};
