/**
 * Issue 21 §1: a web page the staff's browser opens could drive the edge port with
 * `fetch(…, { mode: 'no-cors' })` and `content-type: text/plain` (a "simple" request Chromium sends
 * without a preflight). In Debian's Chromium, a page on another origin tries the attacks that need
 * no custom header — invoking the staff-API function with a forged gateway event, creating a
 * schedule, scanning a table — and a CORS read; the requests reach the edge, and nothing is done
 * or read.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { edgeClientConfig } from '../../../local/runtime/edge-client.ts';
import { launchChromium } from '../../console/browser.ts';
import { TestPlatform } from '../../e2e/platform.ts';
import { orderPlaced } from '../../support/orders.ts';

let platform: TestPlatform;
let browser: BrowserContext;
let site: Server;
let siteUrl = '';
let caseId = '';

beforeAll(async () => {
  platform = await TestPlatform.start('2026-12-01T10:00:00+08:00');
  caseId = (await platform.storefront('order.placed', orderPlaced('SO-XO-1', platform.clock.now()))).caseId!;
  // The attacker's page: any other origin (another port is another origin).
  site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>优惠券</title><p>领取优惠券</p>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => site?.close(() => resolve()));
  await platform?.stop();
});

const edgeRequests = (): number => Object.values(platform.runtime.usage().awsOperations).reduce((sum, n) => sum + n, 0);

describe('a cross-origin page in Chromium against the edge port', () => {
  it('gets nothing done with no-cors text/plain requests, and reads nothing with a CORS one', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl);
    const staffApi = platform.runtime.names.physical('staff-api');
    const invocationsBefore = platform.runtime.usage().functions['staff-api']?.invocations ?? 0;
    const requestsBefore = edgeRequests();

    const outcome = await page.evaluate(
      async ({ edge, fn, caseId, table, target }) => {
        const simple = (path: string, body: unknown) => fetch(`${edge}${path}`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) }).then((r) => r.type);
        const sent = [
          await simple(`/2015-03-31/functions/${fn}/invocations`, {
            version: '2.0',
            routeKey: 'POST /cases/{caseId}/steps/{step}/complete',
            rawPath: `/cases/${caseId}/steps/confirm-order/complete`,
            requestContext: { http: { method: 'POST', path: `/cases/${caseId}/steps/confirm-order/complete` }, authorizer: { jwt: { claims: { sub: 'mallory', roles: 'supervisor' } } } },
            pathParameters: { caseId, step: 'confirm-order' },
            body: '{}',
          }),
          await simple('/schedules/exfiltrate', { ScheduleExpression: 'rate(1 minute)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: target, RoleArn: 'arn:aws:iam::000000000000:role/x' } }),
          await simple('/', { TableName: table }),
        ];
        const read = await fetch(`${edge}/`, { method: 'POST', body: JSON.stringify({ TableName: table }) }).then(
          (r) => r.text(),
          (e: Error) => `blocked: ${e.name}`,
        );
        return { sent, read };
      },
      { edge: platform.runtime.edgeUrl, fn: staffApi, caseId, table: platform.runtime.names.physical(manifest.tables[0]!.id), target: platform.runtime.names.functionArn('staff-api') },
    );

    // The page sent its requests (opaque answers) and they reached the edge…
    expect(outcome.sent).toEqual(['opaque', 'opaque', 'opaque']);
    expect(edgeRequests()).toBeGreaterThanOrEqual(requestsBefore + 3);
    // …but ran nothing, created nothing and let nothing be read.
    expect(platform.runtime.usage().functions['staff-api']?.invocations ?? 0).toBe(invocationsBefore);
    const schedule = await new SchedulerClient(edgeClientConfig(platform.runtime)).send(new GetScheduleCommand({ Name: 'exfiltrate' })).catch((e: Error) => e.name);
    expect(schedule).toBe('ResourceNotFoundException');
    expect(outcome.read).toBe('blocked: TypeError');
    await page.close();
  }, 60_000);
});
