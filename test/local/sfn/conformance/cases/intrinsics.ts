import type { Json } from '../../../../../local/sfn/index.ts';
import { DOCS, jsonPath, type ExecutionCase } from '../table.ts';

const DOC = `${DOCS}/intrinsic-functions.html`;
const fn = (expr: string, input: Json): Pick<ExecutionCase, 'definition' | 'input'> => ({
  definition: jsonPath('State_0', { Type: 'Pass', Parameters: { 'FunctionResult.$': expr } }),
  input: { FunctionInput: input },
});
const mathAdd = (fst: number, snd: number, sum: number): ExecutionCase => ({
  name: `States.MathAdd(${fst}, ${snd}) rounds each argument half up: ${sum}`,
  source: DOC,
  ...fn('States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)', { fst, snd }),
  expect: { status: 'SUCCEEDED', output: { FunctionResult: sum } },
});

/** Kind 3: intrinsic functions as AWS evaluates them. */
export const INTRINSIC_CASES: ExecutionCase[] = [
  mathAdd(-9, 3, -6),
  mathAdd(1.49, 1.5, 3),
  mathAdd(1.5, 1.51, 4),
  mathAdd(-1.49, -1.5, -2),
  mathAdd(-1.5, -1.51, -3),
  mathAdd(-0.5, 0.5, 1),
  mathAdd(-0.5, 0, 0),
  mathAdd(2.5, 0, 3),
  mathAdd(-2.5, 0, -2),
  {
    name: 'States.Format prints objects and arrays as AWS does, not as JSON',
    source: DOC,
    ...fn("States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)", { fst: { Arg1: 1, Arg2: [] }, snd: ['a', { b: null }] }),
    expect: { status: 'SUCCEEDED', output: { FunctionResult: 'Formatting arguments fst={Arg1=1, Arg2=[]} and snd=[a, {b=null}].' } },
  },
  {
    name: 'States.Format prints strings as they are and other values as JSON',
    source: DOC,
    ...fn("States.Format('{} {} {} {}', $.FunctionInput.s, $.FunctionInput.n, $.FunctionInput.z, $.FunctionInput.j)", { s: 'text', n: 1.1, z: null, j: '{"Arg1": 1}' }),
    expect: { status: 'SUCCEEDED', output: { FunctionResult: 'text 1.1 null {"Arg1": 1}' } },
  },
  {
    name: 'States.StringToJson of an empty string is null',
    source: DOC,
    ...fn('States.StringToJson($.FunctionInput)', ''),
    expect: { status: 'SUCCEEDED', output: { FunctionResult: null } },
  },
  {
    name: 'States.StringToJson parses a JSON document',
    source: DOC,
    ...fn('States.StringToJson($.FunctionInput)', '{"Arg1": 1, "Arg2": []}'),
    expect: { status: 'SUCCEEDED', output: { FunctionResult: { Arg1: 1, Arg2: [] } } },
  },
  {
    name: 'an escaped quote in an intrinsic string literal is kept',
    source: DOC,
    ...fn("States.Format('It\\'s {}', 'ok')", {}),
    expect: { status: 'SUCCEEDED', output: { FunctionResult: "It's ok" } },
  },
];
