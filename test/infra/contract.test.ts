import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../app/manifest.ts';
import type { Manifest } from '../../platform/manifest-types.ts';
import { CONSOLE_DEPLOYER_ID, expectedTemplateInventory, manifestInventory, platformRuleIds, ResourceKinds, TemplateKinds, templateInventory, type CfnTemplate } from '../../infra/contract.ts';
import { fixtureManifest } from './fixtures/manifest.ts';
import { synthesize } from './support/synth.ts';

/** The stack synthesized from a manifest holds every manifest entry, and nothing else of its kind. */
function checkContract(subject: Manifest): Template {
  const { template } = synthesize(subject);
  const json = template.toJSON() as CfnTemplate;
  expect(templateInventory(json, subject.app)).toEqual(expectedTemplateInventory(subject));
  for (const kind of ResourceKinds) {
    const expected = expectedTemplateInventory(subject)[kind].length;
    template.resourceCountIs(TemplateKinds[kind].type, expected);
  }
  return template;
}

let fixtureTemplate: Template | undefined;

describe('manifest ↔ template contract', () => {
  it('holds for the real manifest (app/manifest.ts): every entry appears, and nothing else of its kind', () => {
    checkContract(manifest);
  });

  it('expects the stack\'s own additions by name: its alarm rules and the console deployer', () => {
    const expected = expectedTemplateInventory(fixtureManifest);
    expect(expected.functions).toEqual([...manifestInventory(fixtureManifest).functions, CONSOLE_DEPLOYER_ID].sort());
    expect(expected.rules.length).toBe(fixtureManifest.rules.length + platformRuleIds(fixtureManifest).length);
  });

  it('holds for a manifest with entries of every kind', () => {
    for (const kind of ResourceKinds) expect(manifestInventory(fixtureManifest)[kind].length, kind).toBeGreaterThan(0);
    fixtureTemplate = checkContract(fixtureManifest);
  });

  it('notices a resource the manifest does not declare', () => {
    const json = (fixtureTemplate ?? synthesize(fixtureManifest).template).toJSON() as CfnTemplate;
    const extra: CfnTemplate = { Resources: { ...json.Resources, Stray: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'somebody-elses' } } } };
    const inventory = templateInventory(extra, fixtureManifest.app);
    expect(inventory.functions).toContain('somebody-elses');
    expect(inventory).not.toEqual(expectedTemplateInventory(fixtureManifest));
  });

  it('names routes by their API Gateway route key and the stack rules by bus', () => {
    expect(manifestInventory(fixtureManifest).routes).toContain('POST /webhooks/storefront');
    expect(platformRuleIds(fixtureManifest)).toEqual(['events-sla-breached']);
  });
});
