import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { VirtualClock } from '../../../core/time/clock.ts';
import { createSqsLocal, type SqsEvent, type SqsLocal } from '../../../local/sqs/sqs-local.ts';

export const ACCOUNT = '123456789012';
export const arnOf = (queue: string): string => `arn:aws:sqs:us-east-1:${ACCOUNT}:${queue}`;
export const functionArn = (name: string): string => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;

export interface Delivery {
  at: number;
  functionArn: string;
  event: SqsEvent;
}

/** The SQS emulator behind a real HTTP server on port 0, the real SDK client, and consumers that fail while `failing(arn)` says so. */
export interface SqsRig {
  sqs: SqsLocal;
  client: SQSClient;
  baseUrl: string;
  received: Delivery[];
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSqs(clock: VirtualClock, failing: (functionArn: string) => boolean = () => false): Promise<SqsRig> {
  const received: Delivery[] = [];
  let baseUrl = '';
  const sqs = createSqsLocal({
    data: ':memory:',
    clock,
    region: 'us-east-1',
    accountId: ACCOUNT,
    baseUrl: () => baseUrl,
    invoke: (arn, event) => {
      received.push({ at: clock.now(), functionArn: arn, event });
      return Promise.resolve(failing(arn) ? { batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] } : { batchItemFailures: [] });
    },
  });
  const server: Server = createServer(sqs.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sqs.start();
  const client = new SQSClient({ endpoint: baseUrl, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
  return {
    sqs,
    client,
    baseUrl,
    received,
    async settle() {
      await sqs.idle();
      await new Promise<void>((resolve) => setImmediate(resolve));
      await sqs.idle();
    },
    async stop() {
      client.destroy();
      sqs.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A raw JSON-protocol request, as a client that skips the SDK's own checks would send it. */
export async function rawSqs(baseUrl: string, operation: string, body: unknown): Promise<{ status: number; body: { __type?: string; message?: string } & Record<string, unknown> }> {
  const response = await fetch(baseUrl, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${operation}` }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { __type?: string; message?: string } };
}
