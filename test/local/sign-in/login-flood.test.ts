/**
 * A flood of sign-ins with made-up names (issue 21 item 2: 50 at once took `GET /queue` from 173 ms
 * to 8.7 s, and a per user+address lockout never trips on names that never repeat). Through the
 * real local gateway, with an injected hasher that holds every hash until the test lets it go, so
 * the assertions are on counts and order, never on timing.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { Zone } from '../../../core/time/zone.ts';
import { createGateway } from '../../../local/gateway/server.ts';
import type { AccountSummary } from '../../../local/identity/accounts.ts';
import { issueToken } from '../../../local/identity/tokens.ts';
import { LambdaInvoker } from '../../../local/lambda/invoker.ts';
import { HASH_CONCURRENCY, HASH_QUEUE, HashGate } from '../../../local/sign-in/hash-gate.ts';
import { loginRoute, type SignInAccounts } from '../../../local/sign-in/login-route.ts';
import { ADDRESS_FREE_FAILURES, LoginThrottle } from '../../../local/sign-in/login-throttle.ts';

/** A hasher that counts hashes in flight and holds them while `holding`. */
class HeldHasher implements SignInAccounts {
  inFlight = 0;
  maxInFlight = 0;
  started = 0;
  holding = true;
  private readonly held: (() => void)[] = [];

  async verify(): Promise<AccountSummary | undefined> {
    this.started += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
    this.inFlight -= 1;
    return undefined;
  }

  tokenGeneration(): number {
    return 0;
  }

  get waiting(): number {
    return this.held.length;
  }

  /** Lets every held hash finish, and every later one run through. */
  release(): void {
    this.holding = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

const clock = new VirtualClock('2026-11-30T09:00:00+08:00');
const key = new Uint8Array(32).fill(7);
const hasher = new HeldHasher();
const invoker = new LambdaInvoker([{ id: 'echo', entry: 'test/fixtures/functions/echo.ts', access: {} }], {
  root: process.cwd(),
  clock,
  region: 'us-east-1',
  account: '000000000000',
  physicalName: (id) => id,
});
const server = createGateway({
  routes: [{ method: 'GET', path: '/queue', function: 'echo', auth: 'jwt' }],
  localRoutes: [loginRoute({ accounts: hasher, signingKey: key, clock, throttle: new LoginThrottle(clock), hashGate: new HashGate(), zone: new Zone('Asia/Shanghai') })],
  invoke: (id, event) => invoker.invoke(id, event),
  signingKey: key,
  clock,
  accountId: '000000000000',
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const login = (user: string) => fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password: 'guess-guess' }) });
const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('a flood of sign-ins with random names', () => {
  it(`hashes at most ${HASH_CONCURRENCY} at once, queues ${HASH_QUEUE}, answers the rest 429 SignInBusy with Retry-After, and keeps GET /queue served meanwhile`, async () => {
    const flood = Array.from({ length: 50 }, (_, i) => login(`nobody-${i}-${Math.random().toString(36).slice(2)}`));
    const answered: Response[] = [];
    for (const res of flood) void res.then((r) => answered.push(r));
    // Every request beyond the slots and the queue is answered while the hashes are still held.
    await expect.poll(() => answered.length, { interval: 5, timeout: 10_000 }).toBe(50 - HASH_CONCURRENCY - HASH_QUEUE);
    expect(hasher.maxInFlight).toBe(HASH_CONCURRENCY);
    expect(hasher.started).toBe(HASH_CONCURRENCY);
    const early = [...answered];
    expect(answered.map((r) => [r.status, r.headers.get('retry-after')])).toEqual(answered.map(() => [429, '1']));
    expect(new Set(await Promise.all(answered.map(codeOf)))).toEqual(new Set(['SignInBusy']));

    const token = await issueToken({ user: 'alice', roles: ['ops-cs'], key, nowSeconds: Math.floor(clock.now() / 1000) });
    const queue = await fetch(`${base}/queue`, { headers: { authorization: `Bearer ${token}` } });
    expect(queue.status).toBe(201);
    expect(hasher.waiting).toBe(HASH_CONCURRENCY); // the queue answered while the hashes were still held

    hasher.release();
    const rest = (await Promise.all(flood)).filter((r) => !early.includes(r));
    expect(rest.map((r) => r.status)).toEqual(Array(HASH_CONCURRENCY + HASH_QUEUE).fill(401));
    expect(hasher.maxInFlight).toBe(HASH_CONCURRENCY);
  });

  it(`locks the address out after ${ADDRESS_FREE_FAILURES} failures under any names, before any further hash`, async () => {
    // The first test left HASH_CONCURRENCY + HASH_QUEUE failures from this address.
    for (let i = HASH_CONCURRENCY + HASH_QUEUE; i < ADDRESS_FREE_FAILURES + 1; i++) expect((await login(`made-up-${i}`)).status).toBe(401);
    const hashes = hasher.started;
    const locked = await login('yet-another-name');
    expect([locked.status, locked.headers.get('retry-after'), await codeOf(locked)]).toEqual([429, '1', 'TooManyAttempts']);
    expect(hasher.started).toBe(hashes);
    await clock.advance(1000);
    expect((await login('after-the-wait')).status).toBe(401);
  });
});
