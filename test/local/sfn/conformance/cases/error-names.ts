import { at, DOCS, jsonata, PASS_PROCESSOR, type ExecutionCase } from '../table.ts';

const MAP_DOC = `${DOCS}/state-map-inline.html`;
const WAIT_DOC = `${DOCS}/state-wait.html`;
const ERRORS_DOC = `${DOCS}/concepts-error-handling.html`;

const itemsMachine = (items: string): object => jsonata('MapIterateState', { Type: 'Map', MaxConcurrency: 1, Items: items, ItemProcessor: PASS_PROCESSOR });
const itemsFailure = (expr: string, type: string, value: string): ExecutionCase['expect'] => ({
  status: 'FAILED',
  error: 'States.QueryEvaluationError',
  cause: at('MapIterateState', 2, `The JSONata expression '${expr}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${value}`),
});

/** Kind 1: JSONata fields of the wrong type fail with States.QueryEvaluationError, not States.Runtime. */
export const ERROR_NAME_CASES: ExecutionCase[] = [
  { name: 'Map Items evaluating to a number', source: MAP_DOC, definition: itemsMachine('{% 1 %}'), expect: itemsFailure('1', 'number', '1') },
  { name: 'Map Items evaluating to a string', source: MAP_DOC, definition: itemsMachine("{% 'string' %}"), expect: itemsFailure("'string'", 'string', '"string"') },
  { name: 'Map Items evaluating to a boolean', source: MAP_DOC, definition: itemsMachine('{% true %}'), expect: itemsFailure('true', 'boolean', 'true') },
  { name: 'Map Items evaluating to null', source: MAP_DOC, definition: itemsMachine('{% null %}'), expect: itemsFailure('null', 'null', 'null') },
  { name: 'Map Items evaluating to an object', source: MAP_DOC, definition: itemsMachine("{% {'foo': 'bar'} %}"), expect: itemsFailure("{'foo': 'bar'}", 'object', '{"foo":"bar"}') },
  {
    name: 'Map Items from a variable holding a number',
    source: MAP_DOC,
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'Start',
      States: { Start: { Type: 'Pass', Assign: { ItemsVar: 1 }, Next: 'MapIterateState' }, MapIterateState: { Type: 'Map', Items: '{% $ItemsVar %}', ItemProcessor: PASS_PROCESSOR, End: true } },
    },
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: at('MapIterateState', 4, "The JSONata expression '$ItemsVar' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1") },
  },
  {
    name: 'a JSONata Map without Items whose input is not an array',
    source: MAP_DOC,
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'Start',
      States: { Start: { Type: 'Pass', Output: '{% $states.input.items %}', Next: 'MapIterateState' }, MapIterateState: { Type: 'Map', ItemProcessor: PASS_PROCESSOR, End: true } },
    },
    input: { items: { foo: 'bar' } },
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: at('MapIterateState', 4, 'Map state input must be an array but was: {"foo":"bar"}') },
  },
  {
    name: 'a JSONata Wait Seconds that is a string',
    source: WAIT_DOC,
    definition: jsonata('W', { Type: 'Wait', Seconds: "{% 'ten' %}" }),
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: at('W', 2, "The JSONata expression ''ten'' specified for the field 'Seconds' returned an unexpected result type. Expected 'integer', but was 'string' for value: \"ten\"") },
  },
  {
    name: 'a JSONata Wait Seconds that is not an integer',
    source: WAIT_DOC,
    definition: jsonata('W', { Type: 'Wait', Seconds: '{% 1.5 %}' }),
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: at('W', 2, "The JSONata expression '1.5' specified for the field 'Seconds' returned an unexpected result type. Expected 'integer', but was 'number' for value: 1.5") },
  },
  {
    name: 'a JSONata Wait Timestamp that is a number',
    source: WAIT_DOC,
    definition: jsonata('W', { Type: 'Wait', Timestamp: '{% 42 %}' }),
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: at('W', 2, 'The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 42') },
  },
  {
    name: 'a JSONata Map MaxConcurrency that is a string',
    source: MAP_DOC,
    definition: jsonata('M', { Type: 'Map', Items: '{% [1] %}', MaxConcurrency: "{% 'x' %}", ItemProcessor: PASS_PROCESSOR }),
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: at('M', 2, "The JSONata expression ''x'' specified for the field 'MaxConcurrency' returned an unexpected result type. Expected 'integer', but was 'string' for value: \"x\"") },
  },
  {
    name: 'a JSONata Task TimeoutSeconds that is not a number',
    source: `${DOCS}/state-task.html`,
    definition: jsonata('T', { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'echo' }, TimeoutSeconds: '{% true %}' }),
    lambdas: { echo: (p) => p },
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: at('T', 2, "The JSONata expression 'true' specified for the field 'TimeoutSeconds' returned an unexpected result type. Expected 'integer', but was 'boolean' for value: true") },
  },
  {
    name: 'a JSONata Choice Condition that is not a boolean',
    source: ERRORS_DOC,
    definition: { QueryLanguage: 'JSONata', StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Condition: '{% 1 %}', Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } } },
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: at('C', 2, "The JSONata expression '1' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was 'number' for value: 1") },
  },
  {
    name: 'States.QueryEvaluationError is not caught by States.TaskFailed but by States.ALL',
    source: ERRORS_DOC,
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          Items: '{% 1 %}',
          ItemProcessor: PASS_PROCESSOR,
          Catch: [
            { ErrorEquals: ['States.TaskFailed'], Next: 'Wrong', Output: 'task-failed' },
            { ErrorEquals: ['States.ALL'], Next: 'Right', Output: '{% $states.errorOutput.Error %}' },
          ],
          End: true,
        },
        Wrong: { Type: 'Succeed' },
        Right: { Type: 'Succeed' },
      },
    },
    expect: { status: 'SUCCEEDED', output: 'States.QueryEvaluationError' },
  },
];
