import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../../../core/time/clock.ts';
import { edgeCredentials } from '../../../../local/edge/credentials.ts';
import { edgeGuard, loopbackHosts } from '../../../../local/edge/edge-guard.ts';
import { createEdgeServer } from '../../../../local/edge/edge-server.ts';
import { LAMBDA_PATH_PREFIX, lambdaInvokeApi } from '../../../../local/edge/lambda-api.ts';
import { LambdaInvoker } from '../../../../local/lambda/invoker.ts';
import { httpLambdaIntegrations } from '../../../../local/sfn/index.ts';

// `npm run sfn-local -- --lambda-endpoint <the runtime's edge>`: the edge wants SigV4, so the
// emulator signs its Invoke calls with the key in the standard environment variables.
const credentials = edgeCredentials(mkdtempSync(join(tmpdir(), 'sfn-lambda-http-')));
const invoker = new LambdaInvoker([{ id: 'echo', entry: 'test/fixtures/functions/echo.ts', access: {} }], {
  root: process.cwd(),
  clock: new VirtualClock('2026-12-01T00:00:00Z'),
  region: 'us-east-1',
  account: '000000000000',
  physicalName: (id) => id,
});
let port = 0;
const edge = createEdgeServer(
  [{ name: 'lambda', pathPrefix: LAMBDA_PATH_PREFIX, listener: lambdaInvokeApi((name, payload) => invoker.invoke(name, payload), () => {}, (name) => void invoker.resolve(name)) }],
  () => {},
  edgeGuard({ credentials, region: 'us-east-1', allowedHosts: () => loopbackHosts(port), now: () => Date.now() }),
);

beforeAll(async () => {
  await new Promise<void>((resolve) => edge.listen(0, '127.0.0.1', resolve));
  port = (edge.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => edge.close(() => resolve())));
afterEach(() => vi.unstubAllEnvs());

describe('Lambda tasks forwarded over HTTP to the edge port', () => {
  it('are signed with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY and run the function', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
    vi.stubEnv('AWS_REGION', 'us-east-1');
    const result = await httpLambdaIntegrations(`http://127.0.0.1:${port}`).invokeLambda!('echo', { rawPath: '/raw' });
    expect(result).toEqual({ payload: { ok: true } });
  });

  it("fail as Lambda.ServiceException naming the edge's 403 when no key is set", async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    await expect(httpLambdaIntegrations(`http://127.0.0.1:${port}`).invokeLambda!('echo', { rawPath: '/raw' })).rejects.toMatchObject({ name: 'Lambda.ServiceException', message: expect.stringContaining('HTTP 403') });
  });
});
