/** `POST /auth/login` through the real local gateway: tokens the staff routes accept, 400/401/429 with the error body. */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { Zone } from '../../../core/time/zone.ts';
import { createGateway } from '../../../local/gateway/server.ts';
import { AccountStore, accountsPath } from '../../../local/identity/accounts.ts';
import { loginRoute } from '../../../local/sign-in/login-route.ts';
import { FREE_FAILURES, LoginThrottle } from '../../../local/sign-in/login-throttle.ts';
import { signingKey, verifyToken } from '../../../local/identity/tokens.ts';
import { LambdaInvoker } from '../../../local/lambda/invoker.ts';
import { TEST_COST } from '../identity/test-cost.ts';

const clock = new VirtualClock('2026-11-30T09:00:00+08:00');
const dir = mkdtempSync(join(tmpdir(), 'login-'));
const key = signingKey(dir);
const accounts = new AccountStore(accountsPath(dir), ['ops-cs', 'supervisor'], () => clock.now(), TEST_COST);
const invoker = new LambdaInvoker([{ id: 'echo', entry: 'test/fixtures/functions/echo.ts', access: {} }], {
  root: process.cwd(),
  clock,
  region: 'us-east-1',
  account: '000000000000',
  physicalName: (id) => id,
});
const server = createGateway({
  routes: [{ method: 'GET', path: '/queue', function: 'echo', auth: 'jwt' }],
  localRoutes: [loginRoute({ accounts, signingKey: key, clock, throttle: new LoginThrottle(clock), zone: new Zone('Asia/Shanghai') })],
  invoke: (id, event) => invoker.invoke(id, event),
  signingKey: key,
  clock,
  accountId: '000000000000',
});
let base = '';

beforeAll(async () => {
  await accounts.add('alice', ['ops-cs'], 'alice-password');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const login = (body: unknown): Promise<Response> =>
  fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /auth/login', () => {
  it('answers 200 with a token the staff routes accept and its expiry in the policy zone', async () => {
    const res = await login({ user: 'alice', password: 'alice-password' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token, expiresAt } = (await res.json()) as { token: string; expiresAt: string };
    expect(expiresAt).toBe('2026-11-30T21:00:00+08:00');
    expect(await verifyToken(token, key, Math.floor(clock.now() / 1000))).toMatchObject({ sub: 'alice', 'cognito:groups': ['ops-cs'] });
    const queue = await fetch(`${base}/queue`, { headers: { authorization: `Bearer ${token}` } });
    expect(queue.status).toBe(201); // the echo function's answer: the gateway let the token through
  });

  it('answers 401 InvalidCredentials alike for a wrong password and an unknown user', async () => {
    for (const body of [{ user: 'alice', password: 'not-hers-1' }, { user: 'mallory', password: 'anything-1' }]) {
      const res = await login(body);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'InvalidCredentials', message: 'user or password is wrong / 用户名或密码错误' } });
    }
  });

  it('answers 400 naming the field for a bad body, and for no JSON at all', async () => {
    const missing = await login({ user: 'alice' });
    expect([missing.status, await missing.json()]).toEqual([400, { error: { code: 'InvalidRequest', message: 'body.password: is required', fields: [{ path: 'body.password', code: 'required', message: 'is required', expected: 'string' }] } }]);
    const extra = await login({ user: 'alice', password: 'x', remember: true });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { error: { message: string } }).error.message).toContain('remember');
    const garbage = await login('user=alice');
    expect([garbage.status, ((await garbage.json()) as { error: { code: string } }).error.code]).toEqual([400, 'MalformedJson']);
    expect((await fetch(`${base}/auth/login`)).status).toBe(405);
  });

  it('answers 415 naming the Content-Type for credentials sent as a form or as text, before checking them', async () => {
    const sent = [
      await fetch(`${base}/auth/login`, { method: 'POST', body: new URLSearchParams({ user: 'alice', password: 'alice-password' }) }),
      await fetch(`${base}/auth/login`, { method: 'POST', body: JSON.stringify({ user: 'alice', password: 'alice-password' }) }),
    ];
    expect(await Promise.all(sent.map(async (res) => [res.status, await res.json()]))).toEqual([
      [415, { error: { code: 'UnsupportedMediaType', message: 'Content-Type: "application/x-www-form-urlencoded;charset=UTF-8" is not accepted; send application/json (UTF-8)' } }],
      [415, { error: { code: 'UnsupportedMediaType', message: 'Content-Type: "text/plain;charset=UTF-8" is not accepted; send application/json (UTF-8)' } }],
    ]);
  });

  it('slows down repeated failures: 429 with Retry-After, even for the right password, until the clock has moved on', async () => {
    await accounts.add('bob', ['supervisor'], 'bob-password');
    for (let i = 0; i <= FREE_FAILURES; i++) expect((await login({ user: 'bob', password: `guess-${i}` })).status).toBe(401);
    const locked = await login({ user: 'bob', password: 'bob-password' });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('TooManyAttempts');
    await clock.advance(1000);
    expect((await login({ user: 'bob', password: 'bob-password' })).status).toBe(200);
  });
});
