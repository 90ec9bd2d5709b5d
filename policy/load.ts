import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { CompiledPolicy } from '../core/deadline/types.ts';
import { compilePolicy } from './compile.ts';
import { PolicyInvalid } from './errors.ts';
import { policySchema, type PolicyDocument } from './schema.ts';

export const DEFAULT_POLICY_PATH = fileURLToPath(new URL('./default-policy.json', import.meta.url));

/** Validates a parsed policy document; throws PolicyInvalid naming every bad field. */
export function parsePolicy(input: unknown, source = 'document'): PolicyDocument {
  const result = policySchema.safeParse(input);
  if (!result.success) throw new PolicyInvalid(source, result.error.issues.flatMap((issue) => describeIssue(issue)));
  return result.data;
}

/** Reads, validates and compiles a policy file (the shipped default when no path is given). */
export function loadPolicy(path: string = DEFAULT_POLICY_PATH): CompiledPolicy {
  return compilePolicy(readPolicyDocument(path));
}

/** Reads and validates a policy file; throws PolicyInvalid naming the file's problem. */
export function readPolicyDocument(path: string = DEFAULT_POLICY_PATH): PolicyDocument {
  return parsePolicy(readPolicyJson(path), path);
}

/** A policy file's JSON as written (the schema turns dates and times into numbers: a stored version keeps the text). Throws PolicyInvalid when unreadable or not JSON; does not validate. */
export function readPolicyJson(path: string = DEFAULT_POLICY_PATH): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PolicyInvalid(path, [code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PolicyInvalid(path, [`not valid JSON: ${(error as Error).message}`]);
  }
}

let defaultPolicy: CompiledPolicy | undefined;

/** The shipped default policy, compiled once. */
export function getDefaultPolicy(): CompiledPolicy {
  defaultPolicy ??= loadPolicy();
  return defaultPolicy;
}

/** `steps["order.review"].rule.minutes: expected a number above 0` */
function describeIssue(issue: z.core.$ZodIssue, parent: readonly PropertyKey[] = []): string[] {
  const keys = [...parent, ...issue.path];
  // A rule is a union (by-fact or a plain rule): when the "kind" matched exactly one branch, that
  // branch's problem (e.g. `rule.days: expected a whole number`) says more than "no branch matched".
  if (issue.code === 'invalid_union') {
    const isKind = (i: z.core.$ZodIssue): boolean => i.path.length === 1 && i.path[0] === 'kind';
    const matched = issue.errors.filter((branch) => !branch.some(isKind));
    // No branch took the kind: the plain rules' "expected kind to be one of …" lists them all.
    const chosen = matched.length === 1 ? matched[0] : matched.length === 0 ? issue.errors.find((b) => b.some((i) => isKind(i) && i.code === 'invalid_union')) : undefined;
    if (chosen) return chosen.flatMap((i) => describeIssue(i, keys));
  }
  // A bad record key (e.g. a step id): its own message says what a key should look like.
  if (issue.code === 'invalid_key') return issue.issues.map((i) => withPath(keys, i.message));
  const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  return [withPath(keys, message)];
}

function withPath(keys: readonly PropertyKey[], message: string): string {
  const path = keys
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const text = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(text)) return i === 0 ? text : `.${text}`;
      return `[${JSON.stringify(text)}]`;
    })
    .join('');
  return path ? `${path}: ${message}` : message;
}
