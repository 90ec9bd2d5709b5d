import { at, DOCS, jsonata, jsonPath, type ExecutionCase } from '../table.ts';

const JSONATA_DOC = `${DOCS}/transforming-data.html`;
const VARIABLES_DOC = `${DOCS}/workflow-variables.html`;
const PATHS_DOC = `${DOCS}/input-output-inputpath-params.html`;
const FAIL_DOC = `${DOCS}/state-fail.html`;
const undefinedIn = (state: string, id: number, field: string): string => at(state, id, `The JSONata expression '$doesNotExist' specified for the field '${field}' returned nothing (undefined).`);

/** Kind 2: engine-raised errors carry AWS's cause: state, entered event id, the expression as written, `/` field paths. */
export const CAUSE_CASES: ExecutionCase[] = [
  {
    name: 'an undefined Output names the field',
    source: VARIABLES_DOC,
    definition: jsonata('State0', { Type: 'Pass', Output: '{% $doesNotExist %}' }),
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: undefinedIn('State0', 2, 'Output') },
  },
  {
    name: 'an undefined value inside Output names the path with /',
    source: VARIABLES_DOC,
    definition: jsonata('State0', { Type: 'Pass', Output: { result: '{% $doesNotExist %}' } }),
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: undefinedIn('State0', 2, 'Output/result') },
  },
  {
    name: 'an undefined value inside Assign names the path with /',
    source: VARIABLES_DOC,
    definition: jsonata('State0', { Type: 'Pass', Assign: { result: '{% $doesNotExist %}' } }),
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: undefinedIn('State0', 2, 'Assign/result') },
  },
  {
    name: 'an undefined value deep inside Arguments names every step',
    source: JSONATA_DOC,
    definition: jsonata('State0', { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'echo', Payload: { list: [1, '{% $doesNotExist %}'] } } }),
    lambdas: { echo: (p) => p },
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: undefinedIn('State0', 2, 'Arguments/Payload/list/1') },
  },
  {
    name: 'the entered event id is that of the failing state, not the first',
    source: VARIABLES_DOC,
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'State0',
      States: { State0: { Type: 'Pass', Next: 'State1' }, State1: { Type: 'Pass', Next: 'State2' }, State2: { Type: 'Pass', Output: { result: '{% $doesNotExist %}' }, End: true } },
    },
    expect: { status: 'FAILED', error: 'States.QueryEvaluationError', cause: undefinedIn('State2', 6, 'Output/result') },
  },
  {
    name: 'the expression is quoted as written, without the spaces inside the delimiters',
    source: JSONATA_DOC,
    definition: jsonata('State_0', { Type: 'Pass', Output: { FunctionResult: '{%   $notAFunction($states.input.x)   %}' } }),
    input: { x: 1 },
    expect: {
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
      cause: at('State_0', 2, "The JSONata expression '$notAFunction($states.input.x)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function"),
    },
  },
  {
    name: 'an InputPath that finds nothing',
    source: PATHS_DOC,
    definition: jsonPath('pass', { Type: 'Pass', InputPath: '$.NoSuchInputPath' }),
    expect: { status: 'FAILED', error: 'States.Runtime', cause: at('pass', 2, "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']") },
  },
  {
    name: 'an OutputPath whose first step is missing',
    source: PATHS_DOC,
    definition: jsonPath('RaiseRuntime', { Type: 'Pass', OutputPath: '$.no.such.result.path' }),
    expect: { status: 'FAILED', error: 'States.Runtime', cause: at('RaiseRuntime', 2, "Invalid path '$.no.such.result.path' : Missing property in path $['no']") },
  },
  {
    name: 'a Parameters path that finds nothing names the key',
    source: PATHS_DOC,
    definition: jsonPath('pass', { Type: 'Pass', Parameters: { 'value.$': '$.no_such_jsonpath' } }),
    input: { a: 1 },
    expect: { status: 'FAILED', error: 'States.Runtime', cause: at('pass', 2, 'The JSONPath \'$.no_such_jsonpath\' specified for the field \'value.$\' could not be found in the input \'{"a":1}\'') },
  },
  {
    name: 'an ErrorPath that finds nothing',
    source: FAIL_DOC,
    definition: jsonPath('fail', { Type: 'Fail', ErrorPath: '$.ErrorX' }),
    input: {},
    expect: { status: 'FAILED', error: 'States.Runtime', cause: at('fail', 2, "The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{}'") },
  },
  {
    name: 'a SecondsPath that finds nothing',
    source: `${DOCS}/state-wait.html`,
    definition: jsonPath('WaitState', { Type: 'Wait', SecondsPath: '$.input.waitSeconds' }),
    input: { input: {} },
    expect: { status: 'FAILED', error: 'States.Runtime', cause: at('WaitState', 2, 'The SecondsPath parameter does not reference an input value: $.input.waitSeconds') },
  },
  {
    name: 'a negative SecondsPath',
    source: `${DOCS}/state-wait.html`,
    definition: jsonPath('WaitState', { Type: 'Wait', SecondsPath: '$.input.waitSeconds' }),
    input: { input: { waitSeconds: -1 } },
    expect: { status: 'FAILED', error: 'States.Runtime', cause: at('WaitState', 2, 'The SecondsPath parameter references a negative value: $.input.waitSeconds == -1') },
  },
  {
    name: 'a SecondsPath that is not an integer',
    source: `${DOCS}/state-wait.html`,
    definition: jsonPath('WaitState', { Type: 'Wait', SecondsPath: '$.input.waitSeconds' }),
    input: { input: { waitSeconds: 1.5 } },
    expect: { status: 'FAILED', error: 'States.Runtime', cause: at('WaitState', 2, 'The SecondsPath parameter cannot be parsed as a long value: $.input.waitSeconds == 1.5') },
  },
  {
    name: 'a task timeout has an error and no cause',
    source: `${DOCS}/concepts-error-handling.html`,
    definition: jsonPath('T', { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'echo', 'Payload.$': '$$.Task.Token' }, TimeoutSeconds: 5 }),
    lambdas: { echo: () => null },
    advanceMs: 5_000,
    expect: { status: 'FAILED', error: 'States.Timeout', cause: null },
  },
];
