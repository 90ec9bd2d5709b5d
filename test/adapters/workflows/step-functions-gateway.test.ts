import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { executionArnOf, StepFunctionsGateway } from '../../../adapters/workflows/step-functions-gateway.ts';

const sfn = mockClient(SFNClient);
const SM = 'arn:aws:states:us-east-1:000000000000:stateMachine:sla-platform-order';
const EXEC = 'arn:aws:states:us-east-1:000000000000:execution:sla-platform-order:order-1';

function gateway(): StepFunctionsGateway {
  return new StepFunctionsGateway({ client: new SFNClient({ region: 'us-east-1' }), stateMachineArn: (id) => `arn:aws:states:us-east-1:000000000000:stateMachine:sla-platform-${id}` });
}

const meta = { $metadata: {} };

describe('StepFunctionsGateway', () => {
  beforeEach(() => sfn.reset());

  it('starts the workflow of a manifest id with the case id as execution name and JSON input', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: EXEC, startDate: new Date() });
    await expect(gateway().start('order', 'order-1', { caseId: 'order-1' })).resolves.toEqual({ executionArn: EXEC });
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({ stateMachineArn: SM, name: 'order-1', input: '{"caseId":"order-1"}' });
  });

  it('treats ExecutionAlreadyExists with the same input as the same start', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', ...meta }));
    sfn.on(DescribeExecutionCommand).resolves({ executionArn: EXEC, input: '{ "caseId": "order-1" }' });
    await expect(gateway().start('order', 'order-1', { caseId: 'order-1' })).resolves.toEqual({ executionArn: EXEC });
    expect(sfn.commandCalls(DescribeExecutionCommand)[0]?.args[0].input).toEqual({ executionArn: EXEC });
  });

  it('rethrows ExecutionAlreadyExists for another input', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', ...meta }));
    sfn.on(DescribeExecutionCommand).resolves({ executionArn: EXEC, input: '{"caseId":"other"}' });
    await expect(gateway().start('order', 'order-1', { caseId: 'order-1' })).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('answers a task token with JSON output, and returns false for a token no longer waiting', async () => {
    sfn
      .on(SendTaskSuccessCommand)
      .resolvesOnce({})
      .rejectsOnce(new TaskTimedOut({ message: 'timed out', ...meta }))
      .rejectsOnce(new TaskDoesNotExist({ message: 'gone', ...meta }))
      .rejectsOnce(new InvalidToken({ message: 'bad', ...meta }))
      .rejectsOnce(new Error('throttled'));
    const g = gateway();
    expect(await g.sendSuccess('tok', { step: 'order.pickup' })).toBe(true);
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({ taskToken: 'tok', output: '{"step":"order.pickup"}' });
    expect([await g.sendSuccess('tok', {}), await g.sendSuccess('tok', {}), await g.sendSuccess('tok', {})]).toEqual([false, false, false]);
    await expect(g.sendSuccess('tok', {})).rejects.toThrow('throttled');
  });

  it('fails a task with an error name and cause', async () => {
    sfn.on(SendTaskFailureCommand).resolves({});
    expect(await gateway().sendFailure('tok', 'StepCancelled', 'order cancelled')).toBe(true);
    expect(sfn.commandCalls(SendTaskFailureCommand)[0]?.args[0].input).toEqual({ taskToken: 'tok', error: 'StepCancelled', cause: 'order cancelled' });
  });

  it('stops an execution with a cause', async () => {
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    await gateway().stop(EXEC, 'cancelled by case cancel-1');
    expect(sfn.commandCalls(StopExecutionCommand)[0]?.args[0].input).toEqual({ executionArn: EXEC, cause: 'cancelled by case cancel-1' });
  });

  it('treats stopping an execution that was never started as nothing to stop, and passes other failures on', async () => {
    sfn.on(StopExecutionCommand).rejectsOnce(new ExecutionDoesNotExist({ message: 'does not exist', ...meta })).rejectsOnce(new Error('throttled'));
    await expect(gateway().stop(EXEC, 'cancelled by case cancel-1')).resolves.toBeUndefined();
    await expect(gateway().stop(EXEC, 'cancelled by case cancel-1')).rejects.toThrow('throttled');
  });

  it('derives the execution ARN from the state machine ARN, for a manifest id too', () => {
    expect(executionArnOf(SM, 'order-1')).toBe(EXEC);
    expect(gateway().executionArn('order', 'order-1')).toBe(EXEC);
  });
});
