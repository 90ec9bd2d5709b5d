/** A policy file: the shipped policy with customer notices going to `url`, signed with the secret in `secretVariable`. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY_PATH } from '../../policy/load.ts';

export function noticePolicyFile(url: string, secretVariable: string): string {
  const policy = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown>;
  policy.notices = { url, secret: { env: secretVariable } };
  const path = join(mkdtempSync(join(tmpdir(), 'notices-')), 'policy.json');
  writeFileSync(path, JSON.stringify(policy));
  return path;
}
