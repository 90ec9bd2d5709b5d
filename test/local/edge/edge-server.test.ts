import type { AddressInfo } from 'node:net';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createEdgeServer } from '../../../local/edge/edge-server.ts';
import { LAMBDA_PATH_PREFIX, lambdaInvokeApi } from '../../../local/edge/lambda-api.ts';
import { LambdaInvoker } from '../../../local/lambda/invoker.ts';
import { createSfnLocal, TARGET_PREFIX } from '../../../local/sfn/index.ts';

const clock = new VirtualClock('2026-11-26T00:00:00Z');
const invoker = new LambdaInvoker([{ id: 'echo', entry: 'test/fixtures/functions/echo.ts', access: {} }], {
  root: process.cwd(),
  clock,
  region: 'us-east-1',
  account: '000000000000',
  physicalName: (id) => id,
});
const sfn = createSfnLocal({ data: ':memory:', clock });
const edge = createEdgeServer([
  { name: 'states', targetPrefix: TARGET_PREFIX, listener: sfn.listener },
  { name: 'lambda', pathPrefix: LAMBDA_PATH_PREFIX, listener: lambdaInvokeApi((name, payload) => invoker.invoke(name, payload), () => {}, (name) => void invoker.resolve(name)) },
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

describe('the shared edge port', () => {
  it('routes the Step Functions SDK by X-Amz-Target', async () => {
    const client = new SFNClient({ endpoint: base, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const answer = await client.send(new ListStateMachinesCommand({}));
    expect(answer.stateMachines).toEqual([]);
    client.destroy();
  });

  it('serves the Lambda Invoke API by path, with function errors flagged in a header', async () => {
    const ok = await fetch(`${base}/2015-03-31/functions/echo/invocations`, { method: 'POST', body: JSON.stringify({ rawPath: '/raw' }) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });
    const failed = await fetch(`${base}/2015-03-31/functions/echo/invocations`, { method: 'POST', body: JSON.stringify({ fail: 'Boom' }) });
    expect(failed.status).toBe(200);
    expect(failed.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(await failed.json()).toMatchObject({ errorType: 'Boom' });
  });

  it('answers 404 ResourceNotFoundException for a function the manifest does not declare, whatever the invocation type', async () => {
    for (const type of ['RequestResponse', 'Event', 'DryRun']) {
      const res = await fetch(`${base}/2015-03-31/functions/ghost/invocations`, { method: 'POST', body: '{}', headers: { 'x-amz-invocation-type': type } });
      expect(res.status).toBe(404);
      expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    }
    const dryRun = await fetch(`${base}/2015-03-31/functions/echo/invocations`, { method: 'POST', body: '{}', headers: { 'x-amz-invocation-type': 'DryRun' } });
    expect(dryRun.status).toBe(204);
  });

  it('answers 404 for a request no emulated service claims', async () => {
    const res = await fetch(`${base}/`, { method: 'POST', headers: { 'x-amz-target': 'AmazonSQS.SendMessage' }, body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });
});
