/**
 * A storefront shop added to the policy's `connectors` by publishing a version (issue 25) takes
 * pushes on the running platform without a restart: the connector route reads the connectors of
 * the version in force, not the file it was started with.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { youzanTradeCreate } from '../../connectors/youzan/sample.ts';
import { POLICY_CHECK_MS } from '../../functions/shared/policy-cache.ts';
import { DEFAULT_POLICY_PATH } from '../../policy/load.ts';
import { FakeYouzan } from '../support/connectors/youzan.ts';
import { TestPlatform } from './platform.ts';

const CLIENT_ID = 'c1f0a94e508ac942aa';
const SECRET = 'youzan-published-shop-secret';
process.env.E2E_YOUZAN_PUBLISHED_SECRET = SECRET;
/** Monday 2026-11-30, 09:05 in Shanghai: every role is on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
let platform: TestPlatform;

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
}, 120_000);
afterAll(() => platform.stop());

const beijingNow = () => new Date(platform.clock.now() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

describe('a connector published as a policy version', () => {
  it('is refused before the publish (401 UnknownShop) and opens the order case after it, with no restart', async () => {
    const youzan = new FakeYouzan(`${platform.runtime.apiUrl}/connectors/youzan/wsc-new`, CLIENT_ID, SECRET);
    const before = await youzan.push(youzanTradeCreate({ clientId: CLIENT_ID, tid: 'E7001', at: beijingNow() }));
    expect(before.status).toBe(401);
    expect(before.cases).toEqual([]);

    const document = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown>;
    const published = await platform.staff('olga', ['operator']).call<{ version: { version: number } }>('POST', '/policy/versions', {
      document: { ...document, connectors: [{ platform: 'youzan', shopId: 'wsc-new', appId: CLIENT_ID, secrets: { clientSecret: { env: 'E2E_YOUZAN_PUBLISHED_SECRET' } } }] },
      reason: '新开有赞微商城 new Youzan shop',
      basedOn: 1,
    });
    expect(published.status).toBe(201);
    // Each function asks the store for the version in force at most once per POLICY_CHECK_MS of the platform's clock.
    await platform.advance(POLICY_CHECK_MS + 1_000);

    const after = await youzan.push(youzanTradeCreate({ clientId: CLIENT_ID, tid: 'E7001', at: beijingNow() }));
    await platform.runtime.settle();
    expect(after).toMatchObject({ status: 200, received: true, cases: ['order-E7001'] });
    expect(await platform.openSteps('order-E7001')).toContain('order.payment');
  });
});
