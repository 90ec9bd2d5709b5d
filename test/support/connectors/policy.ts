/** A policy file: the shipped one plus the `connectors` a test gives (secrets by environment variable). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY_PATH } from '../../../policy/load.ts';

export function policyWithConnectors(connectors: unknown[]): string {
  const policy = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown>;
  const path = join(mkdtempSync(join(tmpdir(), 'connectors-policy-')), 'policy.json');
  writeFileSync(path, JSON.stringify({ ...policy, connectors }));
  return path;
}
