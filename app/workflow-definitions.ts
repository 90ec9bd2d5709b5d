/**
 * A workflow's ASL text with its `${name}` substitutions resolved, for the homes that do not have
 * CloudFormation's `definitionSubstitutions` (the local runtime, tests). The CDK stack passes the
 * same names to `definitionSubstitutions` instead.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowDecl } from '../platform/manifest-types.ts';

/** The repository root: manifest paths (`workflows/order.asl.json`) are relative to it. */
export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export class UnresolvedSubstitution extends Error {
  override readonly name = 'UnresolvedSubstitution';
  constructor(
    readonly workflowId: string,
    readonly substitution: string,
  ) {
    super(`workflow ${workflowId}: no value for \${${substitution}}`);
  }
}

/** Replaces every `${name}` in the text; a name without a value is an error, never left in place. */
export function substitute(workflowId: string, text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([A-Za-z0-9_.-]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new UnresolvedSubstitution(workflowId, name);
    return value;
  });
}

/**
 * Reads the workflow's ASL file and resolves each substitution to the ARN of the function the
 * manifest maps it to (`functionArn(functionId)`).
 */
export function workflowDefinition(decl: WorkflowDecl, functionArn: (functionId: string) => string, root: string = repositoryRoot): string {
  const text = readFileSync(join(root, decl.definition), 'utf8');
  const values = Object.fromEntries(Object.entries(decl.functions).map(([name, functionId]) => [name, functionArn(functionId)]));
  return substitute(decl.id, text, values);
}
