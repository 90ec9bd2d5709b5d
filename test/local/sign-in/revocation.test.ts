/**
 * Removing a user or changing a password revokes the user's tokens at once (issue 21 item 7): the
 * accounts change through the `user` command (the function `npm run -s user` runs), the tokens
 * through the real local gateway and `POST /auth/login`.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUserCommand } from '../../../cli/user/user-command.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { Zone } from '../../../core/time/zone.ts';
import { createGateway } from '../../../local/gateway/server.ts';
import { AccountStore, accountsPath } from '../../../local/identity/accounts.ts';
import { issueToken, signingKey } from '../../../local/identity/tokens.ts';
import { LambdaInvoker } from '../../../local/lambda/invoker.ts';
import { loginRoute } from '../../../local/sign-in/login-route.ts';
import { LoginThrottle } from '../../../local/sign-in/login-throttle.ts';

const clock = new VirtualClock('2026-11-30T09:00:00+08:00');
const dir = mkdtempSync(join(tmpdir(), 'revoke-'));
const key = signingKey(dir);
const accounts = new AccountStore(accountsPath(dir), ['ops-cs', 'supervisor'], () => clock.now());
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
  tokenGeneration: (user) => accounts.tokenGeneration(user),
  clock,
  accountId: '000000000000',
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function user(...args: string[]): Promise<number> {
  return runUserCommand([...args, '--data', dir], { out: () => {}, err: (line) => console.error(line), now: () => clock.now() });
}

async function signIn(name: string, password: string): Promise<string> {
  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: name, password }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function queue(token: string): Promise<[number, string?]> {
  const res = await fetch(`${base}/queue`, { headers: { authorization: `Bearer ${token}` } });
  return res.status === 401 ? [401, ((await res.json()) as { error: { message: string } }).error.message] : [res.status];
}

const REVOKED = 'token was revoked (the user was removed or their password changed); sign in again';

describe('revoking a user\'s tokens', () => {
  it('user passwd revokes every token the user held; a sign-in with the new password works', async () => {
    expect(await user('add', 'eve', '--roles', 'ops-cs', '--password', 'eve-password-1')).toBe(0);
    const first = await signIn('eve', 'eve-password-1');
    const second = await signIn('eve', 'eve-password-1');
    expect(await queue(first)).toEqual([201]);

    expect(await user('passwd', 'eve', '--password', 'eve-password-2')).toBe(0);
    expect(await queue(first)).toEqual([401, REVOKED]);
    expect(await queue(second)).toEqual([401, REVOKED]);
    expect(await queue(await signIn('eve', 'eve-password-2'))).toEqual([201]);
  });

  it('user remove revokes the user\'s tokens, and adding the name again does not revive them', async () => {
    expect(await user('add', 'mallory', '--roles', 'supervisor', '--password', 'mallory-pass-1')).toBe(0);
    const token = await signIn('mallory', 'mallory-pass-1');
    expect(await queue(token)).toEqual([201]);
    expect(await user('remove', 'mallory')).toBe(0);
    expect(await queue(token)).toEqual([401, REVOKED]);
    expect(await user('add', 'mallory', '--roles', 'supervisor', '--password', 'mallory-pass-2')).toBe(0);
    expect(await queue(token)).toEqual([401, REVOKED]);
    expect(await queue(await signIn('mallory', 'mallory-pass-2'))).toEqual([201]);
  });

  it('leaves other users\' tokens, and tokens of names that never changed (npm run token\'s), alone', async () => {
    expect(await user('add', 'alice', '--roles', 'ops-cs', '--password', 'alice-password')).toBe(0);
    const alice = await signIn('alice', 'alice-password');
    const minted = await issueToken({ user: 'ops-bot', roles: ['ops-cs'], key, nowSeconds: Math.floor(clock.now() / 1000) });
    expect(await user('passwd', 'eve', '--password', 'eve-password-3')).toBe(0);
    expect(await queue(alice)).toEqual([201]);
    expect(await queue(minted)).toEqual([201]);
  });
});
