/**
 * Big bodies are refused before they are held (issue 21 item 3: 100 uploads declaring 10 MB took the
 * process to 977 MB). Through the real gateway server with a raw node:http client.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDecl } from '../../../platform/manifest-types.ts';
import { STOREFRONT_LIMITS } from '../../../core/storefront/limits.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { STAFF_REQUEST_LIMITS } from '../../../functions/http/limits.ts';
import { createGateway } from '../../../local/gateway/server.ts';
import { LambdaInvoker } from '../../../local/lambda/invoker.ts';
import { routeBodyLimits } from '../../../local/runtime/body-limits.ts';
import { rawUpload } from '../../support/raw-upload.ts';

const routes: RouteDecl[] = [
  { method: 'POST', path: '/webhooks/storefront', function: 'storefront-webhook', auth: 'public' },
  { method: 'POST', path: '/pickups/run', function: 'echo', auth: 'public' },
];
const clock = new VirtualClock('2026-11-26T10:00:00+08:00');
const invoked: string[] = [];
const invoker = new LambdaInvoker(
  [
    { id: 'storefront-webhook', entry: 'test/fixtures/functions/echo.ts', access: {} },
    { id: 'echo', entry: 'test/fixtures/functions/echo.ts', access: {} },
  ],
  { root: process.cwd(), clock, region: 'us-east-1', account: '000000000000', physicalName: (id) => id },
);
const server = createGateway({
  routes,
  invoke: (id, event) => {
    invoked.push(id);
    return invoker.invoke(id, event);
  },
  signingKey: new Uint8Array(32),
  clock,
  accountId: '000000000000',
  bodyLimit: routeBodyLimits(routes),
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const WEBHOOK_LIMIT = STOREFRONT_LIMITS.maxBodyBytes;

describe('big bodies at the local HTTP API', () => {
  it('refuses a webhook declaring 10 MB by its Content-Length before the body arrives: 413 naming the limit, connection closed', async () => {
    const answer = await rawUpload(base, '/webhooks/storefront', { declaredBytes: 10 * 1024 * 1024, sendBytes: 0 });
    expect(answer).toMatchObject({ status: 413, closed: true });
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'PayloadTooLarge', message: `body: 10485760 bytes declared (Content-Length), more than the ${WEBHOOK_LIMIT} allowed` } });
  });

  it('answers thirty such uploads that each sent 1 MiB and stalled, none reaching a function', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => rawUpload(base, '/webhooks/storefront', { declaredBytes: 10 * 1024 * 1024, sendBytes: 1024 * 1024 })));
    expect(answers.map((a) => [a.status, a.closed])).toEqual(answers.map(() => [413, true]));
    expect(invoked).toEqual([]);
  });

  it('stops reading a chunked body (no Content-Length) at the route\'s limit: 413 and closed while the client still sends', async () => {
    const answer = await rawUpload(base, '/pickups/run', { sendBytes: 64 * 1024 * 1024 });
    expect([answer.status, answer.closed]).toEqual([413, true]);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'PayloadTooLarge', message: `body: more than the ${STAFF_REQUEST_LIMITS.maxBodyBytes} bytes allowed` } });
    expect(answer.sent).toBeLessThan(64 * 1024 * 1024);
    expect(invoked).toEqual([]);
  });

  it('gives each route its handler\'s limit: a 20 KiB webhook passes the gateway, a 20 KiB staff body does not', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(20 * 1024) });
    const webhook = await fetch(`${base}/webhooks/storefront`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(webhook.status).toBe(201);
    const staff = await fetch(`${base}/pickups/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(staff.status).toBe(413);
    expect(invoked).toEqual(['storefront-webhook']);
  });
});
