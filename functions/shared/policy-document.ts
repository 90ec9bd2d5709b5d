/**
 * The policy document in force, for the parts the compiled policy does not carry (`caseRules`,
 * `connectors`): the store's current version through the policy cache (issue 25), else the
 * configured file's (the shipped default without one), read once per path. Ask per request: a
 * publish then reaches the storefront webhook and the connectors without a restart.
 */
import { DEFAULT_POLICY_PATH, readPolicyDocument } from '../../policy/load.ts';
import type { PolicyDocument } from '../../policy/schema.ts';
import type { PolicyCache } from './policy-cache.ts';

const files = new Map<string, PolicyDocument>();

export function policyDocumentInForce(deps: { policyCache?: Pick<PolicyCache, 'document'> }, path: string = DEFAULT_POLICY_PATH): PolicyDocument {
  const stored = deps.policyCache?.document;
  if (stored) return stored;
  let file = files.get(path);
  if (!file) files.set(path, (file = readPolicyDocument(path)));
  return file;
}
