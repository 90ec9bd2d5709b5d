/** The customer-notices function's secret on AWS (docs/notices.md): read access to exactly the policy's `notices.secret`. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PATH } from '../../policy/load.ts';
import { fixtureManifest } from './fixtures/manifest.ts';
import { resourcesOfType, synthesize } from './support/synth.ts';

const manifest = {
  ...fixtureManifest,
  functions: [...fixtureManifest.functions, { id: 'customer-notices', entry: fixtureManifest.functions[0]!.entry, access: { tables: fixtureManifest.functions[0]!.access.tables ?? [], noticeSecrets: true } }],
};

function policyWith(notices: unknown): string {
  const policy = { ...(JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown>), notices };
  const path = join(mkdtempSync(join(tmpdir(), 'infra-notices-')), 'policy.json');
  writeFileSync(path, JSON.stringify(policy));
  return path;
}

const readersOf = (policyFile: string): string[] =>
  Object.entries(resourcesOfType(synthesize(manifest, { context: { policyFile } }).template, 'AWS::IAM::Policy'))
    .filter(([, p]) => JSON.stringify(p.Properties).includes('secret:shop/notice-signing-'))
    .map(([id]) => id);

describe('the notices secret', () => {
  it('lets only the function with noticeSecrets access read the Secrets Manager secret notices.secret names', () => {
    const readers = readersOf(policyWith({ url: 'https://shop.example.com/notices', secret: { secretsManager: 'shop/notice-signing' } }));
    expect(readers).toHaveLength(1);
    expect(readers[0]).toMatch(/^FunctionsCustomerNotices/);
  });

  it('grants no secret for an environment-variable reference (the local home\'s) or no notices at all', () => {
    expect(readersOf(policyWith({ url: 'https://shop.example.com/notices', secret: { env: 'NOTICE_SECRET' } }))).toEqual([]);
    expect(readersOf(DEFAULT_POLICY_PATH)).toEqual([]);
  });
});
