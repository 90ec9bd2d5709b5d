/**
 * The policy's case rules (unpaid-order timings, review callback delay, no-reason windows). The
 * compiled policy carries calendars and step deadlines only, so the webhook reads this part of the
 * same policy file (the configured one, else the shipped default).
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_POLICY_PATH, parsePolicy } from '../../policy/load.ts';
import type { PolicyDocument } from '../../policy/schema.ts';

export type CaseRules = PolicyDocument['caseRules'];

const cache = new Map<string, CaseRules>();

export function loadCaseRules(path: string = DEFAULT_POLICY_PATH): CaseRules {
  let rules = cache.get(path);
  if (!rules) {
    rules = parsePolicy(JSON.parse(readFileSync(path, 'utf8')) as unknown, path).caseRules;
    cache.set(path, rules);
  }
  return rules;
}
