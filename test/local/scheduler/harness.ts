import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../core/time/clock.ts';
import { createSchedulerLocal, type SchedulerLocal } from '../../../local/scheduler/index.ts';

export const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:sla-timer';
export const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:pickup';
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/scheduler';

export interface Invocation {
  kind: 'lambda' | 'sfn';
  arn: string;
  input: string;
  at: number;
}

/** A scheduler emulator on a loopback port, with a recording dispatcher and an SDK client. */
export interface Harness {
  scheduler: SchedulerLocal;
  client: SchedulerClient;
  invocations: Invocation[];
  stop(): Promise<void>;
}

export async function startScheduler(data: string, clock: Clock, invocations: Invocation[] = []): Promise<Harness> {
  const scheduler = createSchedulerLocal({
    data,
    clock,
    dispatcher: {
      invokeLambda: async (arn, input) => void invocations.push({ kind: 'lambda', arn, input, at: clock.now() }),
      startExecution: async (arn, input) => void invocations.push({ kind: 'sfn', arn, input, at: clock.now() }),
    },
  });
  scheduler.start();
  const server: Server = createServer(scheduler.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new SchedulerClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  return {
    scheduler,
    client,
    invocations,
    async stop() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      scheduler.close();
    },
  };
}
