/**
 * The whole local platform on a store's own policy (`npm start -- --policy <file>`): the handlers
 * compute deadlines from it. A bad file is refused before anything starts (test/cli/start.test.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Env } from '../../../platform/environment.ts';
import { issueToken, signingKey } from '../../../local/identity/tokens.ts';
import { DEFAULT_POLICY_PATH } from '../../../policy/load.ts';
import { orderPlaced } from '../../support/orders.ts';
import { TestPlatform } from '../../e2e/platform.ts';

/** The shipped policy with 45 minutes, not 30, for the order review. */
function slowerReviewPolicy(): string {
  const doc = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as { steps: Record<string, { rule: { minutes?: number } }> };
  const review = doc.steps['order.review'];
  if (!review) throw new Error('the shipped policy has order.review');
  review.rule.minutes = 45;
  const path = join(mkdtempSync(join(tmpdir(), 'policy-')), 'store-policy.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('the local platform on a store\'s own policy', () => {
  const policyPath = slowerReviewPolicy();
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await TestPlatform.start('2026-11-30T10:00:00+08:00', { policyPath });
  }, 60_000);
  afterAll(() => platform.stop());

  it('computes a new order\'s review deadline from that policy and serves it at GET /policy', async () => {
    expect(process.env[Env.policyPath]).toBe(policyPath);
    const placed = await platform.storefront('order.placed', orderPlaced('SO-POLICY-1', platform.clock.now()));
    expect(placed.status).toBe(202);
    const review = (await platform.staff('li', ['ops-cs']).queue()).find((i) => i.caseId === placed.caseId);
    expect(review).toMatchObject({ step: 'order.review', due: '2026-11-30T10:45:00+08:00', remainingOnDutyMinutes: 45 });
    const token = await issueToken({ user: 'li', roles: ['ops-cs'], key: signingKey(platform.dataDir), nowSeconds: Math.floor(platform.clock.now() / 1000) });
    const policy = await fetch(`${platform.runtime.apiUrl}/policy`, { headers: { authorization: `Bearer ${token}` } });
    expect(JSON.stringify(await policy.json())).toContain('45m of ops-cs on-duty time');
  }, 60_000);
});
