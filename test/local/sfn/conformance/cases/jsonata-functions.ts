import { DOCS, jsonata, type ExecutionCase } from '../table.ts';

const DOC = `${DOCS}/transforming-data.html`;
const output = (name: string, expr: string, expected: ExecutionCase['expect']['output'], input?: ExecutionCase['input']): ExecutionCase => ({
  name,
  source: DOC,
  definition: jsonata('State_0', { Type: 'Pass', Output: expr }),
  ...(input !== undefined ? { input } : {}),
  expect: { status: 'SUCCEEDED', output: expected },
});

/** Kind 4: the functions Step Functions adds to JSONata, and JSONata's sequence rules. */
export const JSONATA_FUNCTION_CASES: ExecutionCase[] = [
  output('$range includes the end when a step lands on it', '{% $range(0, 9, 3) %}', [0, 3, 6, 9]),
  output('$range stops before an end no step lands on', '{% $range(0, 10, 3) %}', [0, 3, 6, 9]),
  output('$range with odd steps', '{% $range(1, 9, 2) %}', [1, 3, 5, 7, 9]),
  output('$range of one element is that element (a singleton sequence), not an array', '{% $range(1, 9, 9) %}', 1),
  output('$partition chunks an array, the last chunk shorter', '{% $partition([0, 1, 2], 2) %}', [[0, 1], [2]]),
  output('$partition of one chunk stays an array of arrays', '{% $partition([0], 5) %}', [[0]]),
  output('$parse reads JSON text', '{% $parse($states.input.text) %}', { Arg1: 1, Arg2: [] }, { text: '{"Arg1": 1, "Arg2": []}' }),
  output('$parse of "-0" is 0', "{% $parse('-0') %}", 0),
  output('$hash gives the hex digest', "{% $hash('input data', 'SHA-256') %}", 'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3'),
  output('$uuid gives a version-4 UUID', "{% $match($uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) ? true : false %}", true),
  output('$random gives a number in [0, 1)', '{% $random() >= 0 and $random() < 1 %}', true),
  output('a path selecting one element of an array gives the element (singleton sequence)', '{% $states.input.items[0] %}', 'a', { items: ['a', 'b'] }),
  output('a filter matching one element gives the element, not an array', '{% $states.input.items[$ = "b"] %}', 'b', { items: ['a', 'b'] }),
];
