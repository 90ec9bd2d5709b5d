import { describe, expect, it } from 'vitest';
import type { Json } from '../../../../local/sfn/index.ts';
import { Harness, NamedError, lambdas, outputOf } from '../harness.ts';

const FN_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:double';

describe('Task state', () => {
  it('invokes lambda:invoke with Parameters and shapes the result with ResultSelector and ResultPath', async () => {
    const h = new Harness(lambdas({ double: (p) => ({ v: (p as { v: number }).v * 2 }) }));
    const e = await h.run(
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'double', 'Payload.$': '$.in' },
            ResultSelector: { 'doubled.$': '$.Payload.v', 'code.$': '$.StatusCode' },
            ResultPath: '$.out',
            End: true,
          },
        },
      },
      { in: { v: 4 } },
    );
    expect(outputOf(e)).toEqual({ in: { v: 4 }, out: { doubled: 8, code: 200 } });
    expect(await h.types(e.executionArn)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
  });

  it('invokes a plain Lambda ARN with the input and records LambdaFunction events', async () => {
    const h = new Harness(lambdas({ double: (p) => (p as { v: number }).v * 2 }));
    const e = await h.run({ StartAt: 'T', States: { T: { Type: 'Task', Resource: FN_ARN, End: true } } }, { v: 5 });
    expect(outputOf(e)).toBe(10);
    expect(await h.types(e.executionArn)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
  });

  it('uses Arguments and Output with $states.result in JSONata', async () => {
    const h = new Harness(lambdas({ double: (p) => ({ v: (p as { v: number }).v * 2 }) }));
    const e = await h.run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'T',
        States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'double', Payload: { v: '{% $states.input.n %}' } }, Output: '{% $states.result.Payload.v %}', End: true } },
      },
      { n: 21 },
    );
    expect(outputOf(e)).toBe(42);
  });

  it("surfaces a Lambda function error as its errorType with the function's error payload as Cause", async () => {
    const h = new Harness(lambdas({ boom: () => { throw new NamedError('OrderNotFound', 'no order 7'); } }));
    const e = await h.run({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'boom' }, End: true } } });
    expect(e.status).toBe('FAILED');
    expect(e.error).toBe('OrderNotFound');
    expect(JSON.parse(e.cause!)).toMatchObject({ errorType: 'OrderNotFound', errorMessage: 'no order 7' });
    const failed = (await h.history(e.executionArn)).find((ev) => ev.type === 'TaskFailed');
    expect(failed?.taskFailedEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke', error: 'OrderNotFound' });
  });

  it('puts events through events:putEvents', async () => {
    const sent: Json[] = [];
    const h = new Harness(lambdas({}, sent));
    const e = await h.run({
      QueryLanguage: 'JSONata',
      StartAt: 'E',
      States: { E: { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Arguments: { Entries: [{ Source: 'shop', DetailType: 'SlaBreached', Detail: { step: 'order.review' } }] }, End: true } },
    });
    expect(outputOf(e)).toEqual({ Entries: [{ EventId: 'event-0' }], FailedEntryCount: 0 });
    expect(sent).toEqual([{ Source: 'shop', DetailType: 'SlaBreached', Detail: '{"step":"order.review"}' }]);
  });

  it('fails with States.Timeout when the invocation outlasts TimeoutSeconds', async () => {
    const h = new Harness(lambdas({ slow: () => new Promise<Json>(() => undefined) }));
    const sm = await h.createMachine({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'slow' }, TimeoutSeconds: 30, End: true } } });
    const arn = await h.start(sm);
    await h.clock.advance(29_999);
    expect((await h.describe(arn)).status).toBe('RUNNING');
    await h.clock.advance(1);
    const e = await h.describe(arn);
    expect(e.error).toBe('States.Timeout');
    expect(await h.types(arn)).toContain('TaskTimedOut');
  });

  it('reads TimeoutSecondsPath from the input', async () => {
    const h = new Harness(lambdas({ slow: () => new Promise<Json>(() => undefined) }));
    const sm = await h.createMachine({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'slow' }, TimeoutSecondsPath: '$.t', End: true } } });
    const arn = await h.start(sm, { t: 5 });
    await h.clock.advance(5_000);
    expect((await h.describe(arn)).error).toBe('States.Timeout');
  });
});
