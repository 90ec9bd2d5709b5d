/**
 * The policy version in force, mirrored into the data directory (`policy-current.json`) by the
 * running platform whenever it loads a version, so that `sla` commands given the directory
 * (`--data`) compute with the platform's policy without reaching its store (docs/policy.md).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyVersion } from '../../core/policy-versions/version.ts';

export const POLICY_MIRROR_FILE = 'policy-current.json';

export interface PolicyMirror {
  version: number;
  document: Record<string, unknown>;
}

export function writePolicyMirror(dataDir: string, version: PolicyVersion): void {
  const path = join(dataDir, POLICY_MIRROR_FILE);
  const mirror: PolicyMirror = { version: version.version, document: version.document };
  writeFileSync(`${path}.tmp`, `${JSON.stringify(mirror, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/** Undefined when the directory has no mirror (a platform that never started there). */
export function readPolicyMirror(dataDir: string): PolicyMirror | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, POLICY_MIRROR_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as PolicyMirror;
}
