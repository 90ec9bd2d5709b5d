/**
 * `npm run -s connector -- test <platform>`, spawned as an operator runs it (through tsx, not npm,
 * for speed) against the real local runtime: a signed sample push, the answer, and the case it became.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '../e2e/platform.ts';
import { policyWithConnectors } from '../support/connectors/policy.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SECRET_VARIABLE = 'CLI_TEST_SHOPIFY_SECRET';
process.env[SECRET_VARIABLE] = 'shpss_cli_test';
process.env.CLI_TEST_YOUZAN_SECRET = 'youzan_cli_test';
const policyPath = policyWithConnectors([
  { platform: 'shopify', shopId: 'cli-store', secrets: { clientSecret: { env: SECRET_VARIABLE } } },
  { platform: 'youzan', shopId: 'cli-wsc', appId: 'cli-client', secrets: { clientSecret: { env: 'CLI_TEST_YOUZAN_SECRET' } } },
]);
let platform: TestPlatform;

beforeAll(async () => {
  platform = await TestPlatform.start(new Date().toISOString(), { policyPath });
}, 120_000);
afterAll(() => platform.stop());

function connector(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, 'cli/connector.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

describe('connector test', () => {
  it('posts a signed Shopify orders/create to the running platform and prints the order case it opened', async () => {
    const run = await connector({}, 'test', 'shopify', '--policy', policyPath, '--url', platform.runtime.apiUrl, '--data', platform.dataDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/← 200 /);
    const caseId = /case (order-\d+): order/.exec(run.stdout)?.[1];
    expect(caseId).toBeDefined();
    expect((await platform.view(caseId!)).data).toMatchObject({ platform: 'shopify' });
    expect(run.stdout).toMatch(/order\.review +open +due \d{4}\/\d+\/\d+ \d\d:\d\d:\d\d \(Asia\/Shanghai\)/);
  }, 60_000);

  it('posts a signed Youzan trade_TradeCreate and prints Youzan’s success answer and the unpaid order it opened', async () => {
    const run = await connector({}, 'test', 'youzan', '--policy', policyPath, '--url', platform.runtime.apiUrl, '--data', platform.dataDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('← 200 {"code":0,"msg":"success"}');
    expect(run.stdout).toMatch(/case order-E\d+: order open\n +order\.payment +open/);
  }, 60_000);

  it('reports the refusal and exits 1 when the shell holds another secret than the platform', async () => {
    const run = await connector({ [SECRET_VARIABLE]: 'shpss_wrong' }, 'test', 'shopify', '--policy', policyPath, '--url', platform.runtime.apiUrl);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/← 401 .*ConnectorSignatureInvalid/);
  }, 60_000);

  it('names the missing configuration for a platform the policy has no shop of', async () => {
    const run = await connector({ SLA_POLICY_PATH: '' }, 'test', 'shopify', '--url', platform.runtime.apiUrl);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/configures no shopify shop/);
  }, 60_000);
});
