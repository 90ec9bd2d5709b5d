import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  GetExecutionHistoryCommand,
  InvalidDefinition,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  TaskDoesNotExist,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../../../local/sfn/index.ts';
import { Harness, lambdas } from '../harness.ts';

const received: Json[] = [];
const h = new Harness(lambdas({ open: (p) => { received.push(p); return {}; } }));
let server: Server;
let sfn: SFNClient;

beforeAll(async () => {
  server = createServer(h.sfn.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sfn = new SFNClient({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});
afterAll(async () => {
  sfn.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const definition = JSON.stringify({
  QueryLanguage: 'JSONata',
  StartAt: 'Human',
  States: {
    Human: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Arguments: { FunctionName: 'open', Payload: { token: '{% $states.context.Task.Token %}', order: '{% $states.input.order %}' } }, Next: 'Done' },
    Done: { Type: 'Succeed', Output: { order: '{% $states.input.order %}' } },
  },
});

describe('The Step Functions API through @aws-sdk/client-sfn over HTTP', () => {
  it('creates, describes, updates, lists and deletes a state machine', async () => {
    const created = await sfn.send(new CreateStateMachineCommand({ name: 'crud', definition, roleArn: 'arn:aws:iam::123456789012:role/r' }));
    expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:crud');
    expect(created.creationDate).toBeInstanceOf(Date);
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    expect(described).toMatchObject({ name: 'crud', status: 'ACTIVE', type: 'STANDARD', definition });
    const other = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: other }));
    expect((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }))).definition).toBe(other);
    const listed = await sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((m) => m.name)).toContain('crud');
    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
  });

  it('refuses a bad definition with InvalidDefinition naming the state and the field', async () => {
    const bad = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Nxt: 'B', End: true } } });
    const err = await sfn.send(new CreateStateMachineCommand({ name: 'bad', definition: bad, roleArn: 'arn:aws:iam::123456789012:role/r' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidDefinition);
    expect((err as Error).message).toContain('"Nxt"');
    expect((err as Error).message).toContain('/States/A');
  });

  it('runs the task-token lifecycle end to end and keeps StartExecution idempotent', async () => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'human', definition, roleArn: 'arn:aws:iam::123456789012:role/r' }));
    const start = new StartExecutionCommand({ stateMachineArn, name: 'order-1', input: JSON.stringify({ order: 1 }) });
    const first = await sfn.send(start);
    const again = await sfn.send(start);
    expect(again.executionArn).toBe(first.executionArn);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'order-1', input: JSON.stringify({ order: 2 }) }))).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    await h.clock.advance(0);
    const token = (received.at(-1) as { token: string }).token;
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"order":1}' }));
    await h.clock.advance(0);
    const done = await sfn.send(new DescribeExecutionCommand({ executionArn: first.executionArn }));
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ order: 1 });
    expect(done.stopDate).toBeInstanceOf(Date);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'order-1', input: JSON.stringify({ order: 1 }) }))).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: `AQ${'B'.repeat(64)}`, output: '{}' }))).rejects.toBeInstanceOf(TaskDoesNotExist);

    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: first.executionArn }));
    expect(history.events?.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(history.events?.[2]?.taskScheduledEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken', region: 'us-east-1' });
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED' }));
    expect(listed.executions?.map((e) => e.name)).toEqual(['order-1']);
  });
});
