import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../app/manifest.ts';
import { repositoryRoot, substitute, workflowDefinition } from '../../app/workflow-definitions.ts';
import { CaseType } from '../../core/cases/case.ts';
import { STEPS, isStepId } from '../../core/lifecycles/steps.ts';
import { validateDefinition } from '../../local/sfn/asl/validate.ts';
import { functionArn } from './rig.ts';

const raw = (definition: string): string => readFileSync(join(repositoryRoot, definition), 'utf8');

/** Every string value in a JSON document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the lifecycle workflows', () => {
  it('are declared in the manifest, one per case type, with both function substitutions', () => {
    expect(manifest.workflows.map((w) => w.id).sort()).toEqual(Object.values(CaseType).sort());
    for (const w of manifest.workflows) {
      expect(w.definition).toBe(`workflows/${w.id}.asl.json`);
      expect(w.functions).toEqual({ OpenStepFunctionArn: 'open-step', CaseActionFunctionArn: 'case-action' });
      expect(manifest.functions.map((f) => f.id)).toEqual(expect.arrayContaining(Object.values(w.functions)));
    }
  });

  describe.each(manifest.workflows.map((w) => [w.id, w] as const))('%s', (_id, decl) => {
    it('passes asl-validator as written, with its ${...} substitutions', () => {
      const result = aslValidator(JSON.parse(raw(decl.definition)), { checkArn: false });
      expect(result.errorsText('; ')).toBe('');
      expect(result.isValid).toBe(true);
    });

    it("passes the emulator's validation once the substitutions are resolved", () => {
      const definition = workflowDefinition(decl, functionArn);
      expect(definition).not.toContain('${');
      expect(validateDefinition(definition).QueryLanguage).toBe('JSONata');
    });

    it('names only catalogued steps and branches only on their outcomes', () => {
      const values = strings(JSON.parse(raw(decl.definition)));
      const steps = [...new Set(values.filter((v) => /^[a-z]+\.[a-z-]+$/.test(v)))];
      const unknown = steps.filter((s) => !isStepId(s));
      expect(unknown).toEqual([]);
      const outcomes = new Set(steps.filter(isStepId).flatMap((s) => STEPS[s].outcomes));
      const compared = values.flatMap((v) => [...v.matchAll(/outcome (?:=|in) \[?((?:'[a-z-]+'(?:, )?)+)/g)].flatMap((m) => m[1]!.split(', ').map((o) => o.slice(1, -1))));
      // Every outcome of every step is branched on, and nothing else is.
      expect(new Set(compared)).toEqual(outcomes);
    });
  });

  it('resolves substitutions and refuses a name without a value', () => {
    expect(substitute('w', '{"R": "${A}", "S": "${A}:${B}"}', { A: 'a', B: 'b' })).toBe('{"R": "a", "S": "a:b"}');
    expect(() => substitute('w', '"${Missing}"', { A: 'a' })).toThrowError(expect.objectContaining({ name: 'UnresolvedSubstitution', message: 'workflow w: no value for ${Missing}' }));
  });
});
