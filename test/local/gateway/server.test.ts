import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDecl } from '../../../platform/manifest-types.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createGateway, MAX_HEADER_BYTES } from '../../../local/gateway/server.ts';
import { issueToken, signingKey } from '../../../local/identity/tokens.ts';
import { LambdaInvoker } from '../../../local/lambda/invoker.ts';
import { StorageHealth } from '../../../local/storage/storage-health.ts';
import { mountSmallFilesystem } from '../../support/small-filesystem.ts';

const routes: RouteDecl[] = [
  { method: 'POST', path: '/webhooks/storefront', function: 'echo', auth: 'public' },
  { method: 'POST', path: '/cases/{caseId}/steps/{step}/complete', function: 'echo', auth: 'jwt' },
  { method: 'GET', path: '/healthz', function: 'echo', auth: 'public' },
  { method: 'GET', path: '/cases/{caseId}', function: 'echo', auth: 'public' },
  { method: 'GET', path: '/overflow', function: 'overflow', auth: 'public' },
];
const clock = new VirtualClock('2026-11-26T10:00:00+08:00');
const key = signingKey(mkdtempSync(join(tmpdir(), 'gateway-')));
const invoker = new LambdaInvoker([
  { id: 'echo', entry: 'test/fixtures/functions/echo.ts', access: {} },
  { id: 'overflow', entry: 'test/fixtures/functions/overflow.ts', access: {} },
], {
  root: process.cwd(),
  clock,
  region: 'us-east-1',
  account: '000000000000',
  physicalName: (id) => id,
});
const server = createGateway({ routes, invoke: (id, event) => invoker.invoke(id, event), signingKey: key, clock, accountId: '000000000000' });
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('local HTTP API gateway', () => {
  it('hands a public route the raw body and headers in the HTTP API v2 event shape', async () => {
    const res = await fetch(`${base}/webhooks/storefront?x=1&x=2`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-storefront-signature': 't=1,v1=ab' }, body: '{"id":"e1"}' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-echo')).toBe('yes');
    const event = await res.json();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /webhooks/storefront',
      rawPath: '/webhooks/storefront',
      rawQueryString: 'x=1&x=2',
      queryStringParameters: { x: '1,2' },
      body: '{"id":"e1"}',
      isBase64Encoded: false,
      headers: { 'x-storefront-signature': 't=1,v1=ab' },
      requestContext: { http: { method: 'POST', path: '/webhooks/storefront' }, stage: '$default' },
    });
  });

  it('passes path parameters and flattens the cognito:groups claim as API Gateway does', async () => {
    const token = await issueToken({ user: 'alice', roles: ['ops-cs', 'supervisor'], key, nowSeconds: Math.floor(clock.now() / 1000) });
    const res = await fetch(`${base}/cases/c-1/steps/order.review/complete`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
    const event = (await res.json()) as { pathParameters: unknown; requestContext: { authorizer: { jwt: { claims: unknown } } } };
    expect(event.pathParameters).toEqual({ caseId: 'c-1', step: 'order.review' });
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({ sub: 'alice', 'cognito:groups': '[ops-cs supervisor]' });
  });

  it('answers 401 in the api.md error shape when a staff route has no or a bad token', async () => {
    const missing = await fetch(`${base}/cases/c-1/steps/order.review/complete`, { method: 'POST' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: 'Unauthorized', message: 'missing bearer token in the Authorization header' } });
    const forged = await fetch(`${base}/cases/c-1/steps/order.review/complete`, { method: 'POST', headers: { authorization: 'Bearer not.a.jwt' } });
    expect(forged.status).toBe(401);
  });

  it('answers 401 to a valid token respelled with base64url padding (RFC 7515 §2 allows one spelling)', async () => {
    const token = await issueToken({ user: 'alice', roles: ['supervisor'], key, nowSeconds: Math.floor(clock.now() / 1000) });
    const padded = await fetch(`${base}/cases/c-1/steps/order.review/complete`, { method: 'POST', headers: { authorization: `Bearer ${token}=` }, body: '{}' });
    expect(padded.status).toBe(401);
    expect(await padded.json()).toMatchObject({ error: { code: 'Unauthorized', message: expect.stringMatching(/not a well-formed JWT/) } });
    const canonical = await fetch(`${base}/cases/c-1/steps/order.review/complete`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
    expect(canonical.status).toBe(201);
  });

  it('answers 404 for an unknown path and 405 for a known path with the wrong method', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'DELETE' })).status).toBe(405);
  });

  it('answers CORS preflight requests', async () => {
    const res = await fetch(`${base}/queue`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('hides a function error behind a 500 without internals', async () => {
    const failing = createGateway({ routes, invoke: async () => ({ errorType: 'TypeError', errorMessage: 'secret detail' }), signingKey: key, clock, accountId: '0' });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const res = await fetch(`http://127.0.0.1:${(failing.address() as AddressInfo).port}/healthz`);
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('secret');
    await new Promise<void>((resolve) => failing.close(() => resolve()));
  });

  it('answers a 20 KB header with 431 in the error envelope', async () => {
    const res = await fetch(`${base}/healthz`, { headers: { 'x-padding': 'a'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(await res.json()).toEqual({ error: { code: 'RequestHeaderFieldsTooLarge', message: `request headers exceed ${MAX_HEADER_BYTES} bytes` } });
  });

  it('answers a path parameter that is not percent-encoding (%ZZ) with 400 in the envelope', async () => {
    const res = await fetch(`${base}/cases/%ZZ`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BadRequest', message: 'path: /cases/%ZZ is not valid percent-encoded UTF-8' } });
  });

  it('reads "Bearer <token> extra" as a malformed Authorization header, not a missing token', async () => {
    const token = await issueToken({ user: 'alice', roles: ['ops-cs'], key, nowSeconds: Math.floor(clock.now() / 1000) });
    const res = await fetch(`${base}/cases/c-1/steps/order.review/complete`, { method: 'POST', headers: { authorization: `Bearer ${token} extra` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'Unauthorized', message: 'Authorization: malformed; expected "Bearer <token>"' } });
  });

  it('contains a handler that overflows the stack: one 500 in the envelope, and the next request is served', async () => {
    const res = await fetch(`${base}/overflow`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'InternalError', message: 'internal error' } });
    expect((await fetch(`${base}/healthz`)).status).toBe(201);
  });
});

describe('local HTTP API gateway on a full disk', () => {
  it('refuses writes with 503 and Retry-After, keeps serving reads, reports /healthz not ok, and recovers by itself when space returns', async () => {
    const fs = mountSmallFilesystem(4);
    const health = new StorageHealth(() => clock.now(), { dir: fs.dir, minFreeBytes: 1024 * 1024 });
    const guarded = createGateway({ routes: [...routes, { method: 'GET', path: '/queue', function: 'echo', auth: 'public' }], invoke: (id, event) => invoker.invoke(id, event), signingKey: key, clock, accountId: '000000000000', health });
    await new Promise<void>((resolve) => guarded.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(guarded.address() as AddressInfo).port}`;
    const webhook = (): Promise<Response> => fetch(`${url}/webhooks/storefront`, { method: 'POST', body: '{"id":"e1"}' });
    try {
      expect((await webhook()).status).toBe(201);

      fs.fill();
      const refused = await webhook();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect(await refused.json()).toEqual({ error: { code: 'StorageUnavailable', message: expect.stringMatching(/数据目录暂时无法写入.*data-dir: .* MiB free, below the 1\.0 MiB reserve/) as unknown } });
      expect((await fetch(`${url}/queue`)).status).toBe(201);
      const unhealthy = await fetch(`${url}/healthz`);
      expect(unhealthy.status).toBe(503);
      expect(await unhealthy.json()).toMatchObject({ ok: false, faults: [{ store: 'data-dir' }] });

      fs.free();
      expect((await webhook()).status).toBe(201);
      expect((await fetch(`${url}/healthz`)).status).toBe(201); // the route's own answer again (the echo function)
    } finally {
      await new Promise<void>((resolve) => guarded.close(() => resolve()));
      fs.unmount();
    }
  });

  it('refuses writes while a store reports a write fault, until it recovers', async () => {
    const health = new StorageHealth(() => clock.now());
    const guarded = createGateway({ routes, invoke: (id, event) => invoker.invoke(id, event), signingKey: key, clock, accountId: '000000000000', health });
    await new Promise<void>((resolve) => guarded.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(guarded.address() as AddressInfo).port}`;
    try {
      health.failed('sfn-local', Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
      const refused = await fetch(`${url}/webhooks/storefront`, { method: 'POST', body: '{}' });
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('sfn-local: database or disk is full');
      health.recovered('sfn-local');
      expect((await fetch(`${url}/webhooks/storefront`, { method: 'POST', body: '{}' })).status).toBe(201);
    } finally {
      await new Promise<void>((resolve) => guarded.close(() => resolve()));
    }
  });
});
