/**
 * Version 1 of the stored policy (issue 25): the shipped default or the `--policy` file. A file
 * given at a later start whose document no stored version has is imported as a new version —
 * logged, listed with its path, never overwriting one — and restarting with the same file again
 * imports nothing, so an operator's later console edits stand.
 */
import { policyHash } from '../../core/policy-versions/hash.ts';
import type { PolicyOrigin, PolicyVersion, PolicyVersionStore } from '../../core/policy-versions/version.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { Clock } from '../../core/time/clock.ts';
import { parsePolicy, readPolicyJson } from '../../policy/load.ts';
import { readConfig } from './config.ts';

export interface SeedSource {
  /** The file's JSON as written (validated). */
  document: Record<string, unknown>;
  /** The `--policy` file; absent: the shipped default. */
  path?: string;
}

/** The version stored now, if the store was empty or the file is new to it; undefined when nothing was stored. */
export async function seedPolicyVersions(store: PolicyVersionStore, source: SeedSource, clock: Clock): Promise<PolicyVersion | undefined> {
  const current = await store.currentVersion();
  const hash = policyHash(source.document);
  const origin: PolicyOrigin = source.path === undefined ? 'default' : 'file';
  const base = { document: source.document, author: 'system', createdAt: toInstant(clock.now()), source: origin, openSteps: 'keep' as const, hash };
  if (current === undefined) return store.append(undefined, { ...base, reason: source.path === undefined ? 'shipped default policy' : `--policy ${source.path}` });
  if (source.path === undefined) return undefined;
  const known = await store.list();
  if (known.some((v) => v.hash === hash)) return undefined;
  return store.append(current, { ...base, reason: `imported from --policy ${source.path} at start` });
}

/** The configured policy file (`SLA_POLICY_PATH`), else the shipped default: what version 1 is. */
export function configuredPolicySeed(): SeedSource {
  const path = readConfig().policyPath();
  return path === undefined ? { document: readSeedJson() } : { document: readSeedJson(path), path };
}

/** A policy file's JSON, validated (PolicyInvalid naming the field), as written. */
export function readSeedJson(path?: string): Record<string, unknown> {
  const json = readPolicyJson(path);
  parsePolicy(json, path ?? 'default policy');
  return json as Record<string, unknown>;
}
