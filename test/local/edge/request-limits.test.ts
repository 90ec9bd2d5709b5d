/**
 * The edge refuses a request body over the service's documented limit before reading it (issue 21
 * item 3), with a raw node:http client that declares a big body and never sends it, and one that
 * streams without a declared length; requests within the limit still reach the emulator.
 */
import type { AddressInfo } from 'node:net';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createEdgeServer } from '../../../local/edge/edge-server.ts';
import { EDGE_REQUEST_LIMITS } from '../../../local/edge/request-limits.ts';
import { createSfnLocal, TARGET_PREFIX } from '../../../local/sfn/index.ts';
import { rawUpload } from '../../support/raw-upload.ts';

const sfn = createSfnLocal({ data: ':memory:', clock: new VirtualClock('2026-11-26T00:00:00Z') });
const dynamoCalls: string[] = [];
const edge = createEdgeServer([
  { name: 'states', targetPrefix: TARGET_PREFIX, listener: sfn.listener, maxRequestBytes: EDGE_REQUEST_LIMITS.states },
  {
    name: 'dynamodb',
    targetPrefix: 'DynamoDB_20120810.',
    maxRequestBytes: EDGE_REQUEST_LIMITS.dynamodb,
    listener: (req, res) => {
      dynamoCalls.push(String(req.headers['x-amz-target']));
      req.resume();
      req.on('end', () => res.end('{}'));
    },
  },
]);
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => edge.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(edge.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => edge.close(() => resolve()));
  sfn.close();
});

const amzJson = (target: string) => ({ 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.0' });

describe('request size limits on the edge port', () => {
  it('refuses a DynamoDB request declaring more than 16 MiB before reading it: 413 RequestEntityTooLargeException, connection closed', async () => {
    const declared = EDGE_REQUEST_LIMITS.dynamodb + 1;
    const answer = await rawUpload(base, '/', { declaredBytes: declared, sendBytes: 1024 * 1024, headers: amzJson('DynamoDB_20120810.BatchWriteItem') });
    expect([answer.status, answer.closed]).toEqual([413, true]);
    expect(JSON.parse(answer.body)).toEqual({ __type: 'RequestEntityTooLargeException', message: `Request body of ${declared} bytes exceeds the maximum allowed size of ${EDGE_REQUEST_LIMITS.dynamodb} bytes` });
    expect(dynamoCalls).toEqual([]);
  });

  it('lets a DynamoDB request within the limit through to the service', async () => {
    const answer = await rawUpload(base, '/', { declaredBytes: 1024, sendBytes: 1024, headers: amzJson('DynamoDB_20120810.PutItem') });
    expect(answer.status).toBe(200);
    expect(dynamoCalls).toEqual(['DynamoDB_20120810.PutItem']);
  });

  it('stops reading a Step Functions request streamed without a length at its limit, and still serves the SDK', async () => {
    const answer = await rawUpload(base, '/', { sendBytes: 64 * 1024 * 1024, headers: amzJson('AWSStepFunctions.StartExecution') });
    expect([answer.status, answer.closed]).toEqual([413, true]);
    expect(answer.sent).toBeLessThan(64 * 1024 * 1024);
    const client = new SFNClient({ endpoint: base, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    expect((await client.send(new ListStateMachinesCommand({}))).stateMachines).toEqual([]);
  });
});
