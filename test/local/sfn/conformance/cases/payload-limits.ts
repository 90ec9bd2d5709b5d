import { DOCS, jsonPath, type ExecutionCase } from '../table.ts';

const QUOTAS = `${DOCS}/service-quotas.html`;
const OVER = 'a'.repeat(257 * 1024);
const UNDER = 'a'.repeat(255 * 1024);
const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:big';

/** Kind 11: States.DataLimitExceeded at AWS's 256 KiB quota. */
export const PAYLOAD_LIMIT_CASES: ExecutionCase[] = [
  {
    name: 'a state output over 256 KiB fails the execution',
    source: QUOTAS,
    definition: jsonPath('State_1', { Type: 'Pass', Result: { Arg1: OVER } }),
    expect: { status: 'FAILED', error: 'States.DataLimitExceeded', cause: "The state/task 'State_1' returned a result with a size exceeding the maximum number of bytes service limit." },
  },
  {
    name: 'a state output just under 256 KiB passes',
    source: QUOTAS,
    definition: jsonPath('State_1', { Type: 'Pass', Result: { Arg1: UNDER } }),
    expect: { status: 'SUCCEEDED', output: { Arg1: UNDER } },
  },
  {
    name: 'the quota counts UTF-8 bytes, not characters',
    source: QUOTAS,
    definition: jsonPath('State_1', { Type: 'Pass', Parameters: { 'Arg1.$': '$.text' } }),
    input: { text: '你'.repeat(30 * 1024) },
    expect: { status: 'SUCCEEDED' },
  },
  {
    name: 'a task result over 256 KiB is States.DataLimitExceeded naming the integration, and a Catch of States.ALL takes it',
    source: QUOTAS,
    definition: {
      StartAt: 'InvokeLambda',
      States: {
        InvokeLambda: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'big' }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'HandleGeneralError' }], Next: 'Done' },
        Done: { Type: 'Succeed' },
        HandleGeneralError: { Type: 'Pass', End: true },
      },
    },
    lambdas: { big: () => OVER },
    expect: { status: 'SUCCEEDED', output: { Error: 'States.DataLimitExceeded', Cause: "The state/task 'lambda' returned a result with a size exceeding the maximum number of bytes service limit." } },
  },
  {
    name: 'a plain Lambda resource result over 256 KiB names the function ARN',
    source: QUOTAS,
    definition: jsonPath('InvokeLambda', { Type: 'Task', Resource: LAMBDA_ARN }),
    lambdas: { big: () => OVER },
    expect: { status: 'FAILED', error: 'States.DataLimitExceeded', cause: `The state/task '${LAMBDA_ARN}' returned a result with a size exceeding the maximum number of bytes service limit.` },
  },
];
