import { at, DOCS, API, jsonata, jsonPath, PASS_PROCESSOR, type ExecutionCase } from '../table.ts';

const CONTEXT_DOC = `${DOCS}/input-output-contextobject.html`;
const MAP_DOC = `${DOCS}/state-map-inline.html`;
const PATHS_DOC = `${DOCS}/amazon-states-language-paths.html`;

/** Kinds 7 (context object), 8 (DescribeExecution), 9 (numbers as strings) and 10 (no leaks). */
export const RUNTIME_VALUE_CASES: ExecutionCase[] = [
  {
    name: 'a Pass state has no State.RetryCount in its context object',
    source: CONTEXT_DOC,
    definition: jsonata('TestState', { Type: 'Pass', Output: '{% $states.context.State %}' }),
    expect: { status: 'SUCCEEDED', output: { EnteredTime: '2025-03-01T00:00:00.000Z', Name: 'TestState' } },
  },
  {
    name: 'a Task state has State.RetryCount',
    source: CONTEXT_DOC,
    definition: jsonata('T', { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'echo', Payload: '{% $states.context.State %}' }, Output: '{% $states.result.Payload %}' }),
    lambdas: { echo: (p) => p },
    expect: { status: 'SUCCEEDED', output: { EnteredTime: '2025-03-01T00:00:00.000Z', Name: 'T', RetryCount: 0 } },
  },
  {
    name: 'a Fail state without Error or Cause gives an execution with neither',
    source: `${API}/API_DescribeExecution.html`,
    definition: jsonPath('F', { Type: 'Fail' }),
    expect: { status: 'FAILED', error: null, cause: null },
  },
  {
    name: 'a Fail state with only a Cause gives no error',
    source: `${DOCS}/state-fail.html`,
    definition: jsonPath('F', { Type: 'Fail', Cause: 'Condition is false' }),
    expect: { status: 'FAILED', error: null, cause: 'Condition is false' },
  },
  {
    name: 'MaxConcurrencyPath accepts a numeric string',
    source: MAP_DOC,
    definition: jsonPath('MapState', { Type: 'Map', ItemsPath: '$.Values', MaxConcurrencyPath: '$.MaxConcurrencyValue', ItemProcessor: PASS_PROCESSOR }),
    input: { MaxConcurrencyValue: '1', Values: ['HelloWorld'] },
    expect: { status: 'SUCCEEDED', output: ['HelloWorld'] },
  },
  {
    name: 'MaxConcurrencyPath refuses a string that is not a number',
    source: MAP_DOC,
    definition: jsonPath('MapState', { Type: 'Map', ItemsPath: '$.Values', MaxConcurrencyPath: '$.MaxConcurrencyValue', ItemProcessor: PASS_PROCESSOR }),
    input: { MaxConcurrencyValue: 'NoNumber', Values: ['HelloWorld'] },
    expect: { status: 'FAILED', error: 'States.Runtime', cause: at('MapState', 2, 'The MaxConcurrencyPath field refers to value "NoNumber" which is not a valid integer: $.MaxConcurrencyValue') },
  },
  {
    name: 'MaxConcurrencyPath refuses an object, printed as JSON',
    source: MAP_DOC,
    definition: jsonPath('MapState', { Type: 'Map', ItemsPath: '$.Values', MaxConcurrencyPath: '$.MaxConcurrencyValue', ItemProcessor: PASS_PROCESSOR }),
    input: { MaxConcurrencyValue: {}, Values: ['HelloWorld'] },
    expect: { status: 'FAILED', error: 'States.Runtime', cause: at('MapState', 2, 'The MaxConcurrencyPath field refers to value "{}" which is not a valid integer: $.MaxConcurrencyValue') },
  },
  {
    name: 'a variable holding a numeric string drives SecondsPath',
    source: `${DOCS}/workflow-variables.html`,
    definition: { StartAt: 'Set', States: { Set: { Type: 'Pass', Assign: { delay: '1' }, Next: 'W' }, W: { Type: 'Wait', SecondsPath: '$delay', End: true } } },
    advanceMs: 1_000,
    expect: { status: 'SUCCEEDED', output: {} },
  },
  {
    name: 'bracket notation keeps an escaped double quote in the key',
    source: PATHS_DOC,
    definition: jsonPath('JsonPathEscapeTest', { Type: 'Pass', Parameters: { 'value.$': '$[\'Test\\""Name"\']' } }),
    input: { 'Test\\""Name"': 'Value"\\' },
    expect: { status: 'SUCCEEDED', output: { value: 'Value"\\' } },
  },
  {
    name: 'bracket notation with an escaped single quote',
    source: PATHS_DOC,
    definition: jsonPath('P', { Type: 'Pass', Parameters: { 'value.$': "$['it\\'s']" } }),
    input: { "it's": 1 },
    expect: { status: 'SUCCEEDED', output: { value: 1 } },
  },
  {
    name: 'IsTimestamp is false for a date JavaScript would roll over (February 30)',
    source: `${DOCS}/state-choice.html`,
    definition: {
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [{ Variable: '$.t', IsTimestamp: true, Next: 'Yes' }], Default: 'No' }, Yes: { Type: 'Pass', Result: 'yes', End: true }, No: { Type: 'Pass', Result: 'no', End: true } },
    },
    input: { t: '2016-02-30T00:00:00Z' },
    expect: { status: 'SUCCEEDED', output: 'no' },
  },
  {
    name: 'a JSONata function value as Map Items is an unsupported result type, not a JavaScript error',
    source: MAP_DOC,
    definition: jsonata('MapIterateState', { Type: 'Map', Items: '{% $fn := function($x){$x} %}', ItemProcessor: PASS_PROCESSOR }),
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: at('MapIterateState', 2, "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.") },
  },
  {
    name: 'a JSONata function value inside an Output object is an unsupported result type',
    source: `${DOCS}/transforming-data.html`,
    definition: jsonata('P', { Type: 'Pass', Output: { f: '{% {"g": $string} %}' } }),
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: at('P', 2, 'The JSONata expression \'{"g": $string}\' specified for the field \'Output/f\' returned an unsupported result type.') },
  },
  {
    name: 'a task whose integration crashes is never reported as the task failing (States.TaskFailed)',
    source: `${DOCS}/concepts-error-handling.html`,
    definition: {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'missing' }, Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Caught' }], End: true },
        Caught: { Type: 'Succeed' },
      },
    },
    expect: { status: 'FAILED', error: 'States.Runtime' },
  },
];
