import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ManifestInvalid } from '../../infra/errors.ts';
import { fixtureManifest } from './fixtures/manifest.ts';
import { logicalIdWhere, repoRoot, resourcesOfType, statementsOfRole, synthesize } from './support/synth.ts';

const { template } = synthesize(fixtureManifest);
const app = fixtureManifest.app;
const workflow = fixtureManifest.workflows[0]!;
const functionLogicalId = (id: string) => logicalIdWhere(template, 'AWS::Lambda::Function', 'FunctionName', `${app}-${id}`);

describe('workflows', () => {
  it('creates one Standard state machine per manifest workflow, from its ASL file, logging all events and traced', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', fixtureManifest.workflows.length);
    const logGroup = logicalIdWhere(template, 'AWS::Logs::LogGroup', 'LogGroupName', `/aws/vendedlogs/states/${app}-${workflow.id}`);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: `${app}-${workflow.id}`,
      StateMachineType: 'STANDARD',
      DefinitionString: readFileSync(join(repoRoot, workflow.definition), 'utf8'),
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logGroup, 'Arn'] } } }] },
    });
  });

  it("maps each substitution name to its function's ARN", () => {
    const expected = Object.fromEntries(Object.entries(workflow.functions).map(([name, fn]) => [name, { 'Fn::GetAtt': [functionLogicalId(fn), 'Arn'] }]));
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { StateMachineName: `${app}-${workflow.id}`, DefinitionSubstitutions: expected });
  });

  it('lets the state machine invoke exactly the functions it substitutes', () => {
    const machine = Object.values(resourcesOfType(template, 'AWS::StepFunctions::StateMachine'))[0]!;
    const role = (machine.Properties['RoleArn'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const invoke = statementsOfRole(template, role).filter((s) => s.Action === 'lambda:InvokeFunction');
    const invoked = new Set(JSON.stringify(invoke.map((s) => s.Resource)).match(/Functions[A-Za-z0-9]+/g));
    expect([...invoked].sort()).toEqual(Object.values(workflow.functions).map(functionLogicalId).sort());
  });

  it('refuses an ASL file whose substitution the manifest does not map, naming the workflow', () => {
    const broken = { ...fixtureManifest, workflows: [{ ...workflow, functions: { openStep: 'open-step' } }] };
    expect(() => synthesize(broken)).toThrow(ManifestInvalid);
    expect(() => synthesize(broken)).toThrow(/workflow lifecycle: .*\$\{caseAction\}/);
  });

  it('refuses a workflow that names a function the manifest does not declare', () => {
    const dangling = { ...fixtureManifest, workflows: [{ ...workflow, functions: { ...workflow.functions, caseAction: 'no-such-function' } }] };
    expect(() => synthesize(dangling)).toThrow(/workflow lifecycle: refers to function "no-such-function"/);
  });

  it('adds no state machine the manifest does not declare', () => {
    const none = synthesize({ ...fixtureManifest, workflows: [], rules: fixtureManifest.rules.filter((r) => r.targets.every((t) => t.workflow === undefined)), functions: fixtureManifest.functions.map((f) => ({ ...f, access: { ...f.access, workflows: [] } })) });
    none.template.resourceCountIs('AWS::StepFunctions::StateMachine', 0);
    none.template.allResourcesProperties('AWS::Lambda::Function', { Environment: { Variables: Match.not(Match.objectLike({ WORKFLOW_LIFECYCLE_ARN: Match.anyValue() })) } });
  });
});
