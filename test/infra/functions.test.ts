import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { staffApiFunction } from '../../functions/staff-api/function.ts';
import { Env } from '../../platform/environment.ts';
import { FunctionDefaults } from '../../platform/manifest-types.ts';
import { SchedulerActions, WorkflowActions } from '../../infra/constructs/function-access.ts';
import { LocalNames } from '../../local/runtime/names.ts';
import { runtimeEnvironment } from '../../local/runtime/environment.ts';
import { fixtureManifest } from './fixtures/manifest.ts';
import { actionsOfRole, logicalIdWhere, resourcesOfType, statementsOfRole, synthesize } from './support/synth.ts';

const { template } = synthesize(fixtureManifest);
const app = fixtureManifest.app;

function functionResource(id: string): { logicalId: string; properties: Record<string, unknown> } {
  const logicalId = logicalIdWhere(template, 'AWS::Lambda::Function', 'FunctionName', `${app}-${id}`);
  return { logicalId, properties: resourcesOfType(template, 'AWS::Lambda::Function')[logicalId]!.Properties };
}

function roleOf(id: string): string {
  const role = functionResource(id).properties['Role'] as { 'Fn::GetAtt': [string, string] };
  return role['Fn::GetAtt'][0];
}

const dynamoActions = (id: string) => actionsOfRole(template, roleOf(id)).filter((a) => a.startsWith('dynamodb:'));

describe('functions', () => {
  it('creates one Node.js 24 arm64 function per manifest function, traced, with its handler export', () => {
    // …and the stack's console deployer (infra/constructs/console-hosting.ts).
    template.resourceCountIs('AWS::Lambda::Function', fixtureManifest.functions.length + 1);
    for (const fn of fixtureManifest.functions) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `${app}-${fn.id}`,
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: `index.${fn.handler ?? 'handler'}`,
        TracingConfig: { Mode: 'Active' },
        MemorySize: fn.memoryMb ?? FunctionDefaults.memoryMb,
        Timeout: fn.timeoutSeconds ?? FunctionDefaults.timeoutSeconds,
      });
    }
  });

  it('gives every function the environment names of platform/environment.ts and the Powertools settings', () => {
    const env = (functionResource('health').properties['Environment'] as { Variables: Record<string, unknown> }).Variables;
    const expected = [
      Env.timerScheduleGroup,
      Env.schedulerRoleArn,
      Env.webhookSecretArn,
      ...fixtureManifest.tables.map((t) => Env.table(t.id)),
      ...fixtureManifest.buses.map((b) => Env.bus(b.id)),
      ...fixtureManifest.workflows.map((w) => Env.workflowArn(w.id)),
      ...fixtureManifest.functions.map((f) => Env.functionArn(f.id)),
      'POWERTOOLS_SERVICE_NAME',
      'POWERTOOLS_METRICS_NAMESPACE',
      'POWERTOOLS_LOG_LEVEL',
    ];
    expect(Object.keys(env)).toEqual(expect.arrayContaining(expected));
    expect(env['POWERTOOLS_SERVICE_NAME']).toBe(app);
    expect(env[Env.timerScheduleGroup]).toBe(`${app}-sla-timers`);
    expect(JSON.stringify(env[Env.workflowArn('lifecycle')])).toContain(`:stateMachine:${app}-lifecycle`);
    expect(JSON.stringify(env[Env.functionArn('sla-timer')])).toContain(`:function:${app}-sla-timer`);
  });

  it('sets every variable the local runtime sets, except its endpoints, credentials and the secret values themselves', () => {
    const env = (functionResource('health').properties['Environment'] as { Variables: Record<string, unknown> }).Variables;
    const local = Object.keys(runtimeEnvironment(fixtureManifest, new LocalNames(fixtureManifest), 'http://127.0.0.1:1', { webhookSecret: 'secret', pageTokenSecret: 'key' }));
    // The page token key's ARN goes only to functions declaring access.pageTokenSecret.
    const localOnly = (name: string) => name.startsWith('AWS_') || name === Env.webhookSecret || name === Env.pageTokenSecret;
    expect(local.filter((name) => !localOnly(name)).filter((name) => !(name in env))).toEqual([]);
    expect(env[Env.webhookSecret]).toBeUndefined();
  });

  it('sends failed asynchronous invocations to the failure queue after its retries', () => {
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', fixtureManifest.functions.length);
    const queue = logicalIdWhere(template, 'AWS::SQS::Queue', 'QueueName', `${app}-async-failures`);
    template.allResourcesProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: FunctionDefaults.asyncRetryAttempts,
      MaximumEventAgeInSeconds: FunctionDefaults.asyncMaxEventAgeHours * 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
    });
  });

  it('writes each function to its own log group with the configured retention', () => {
    for (const fn of fixtureManifest.functions) {
      template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: `/aws/lambda/${app}-${fn.id}`, RetentionInDays: 30 });
    }
    const health = fixtureManifest.functions.filter((fn) => fn.id === 'health');
    const week = synthesize({ ...fixtureManifest, functions: health, workflows: [], schedules: [], rules: [], routes: [] }, { context: { logRetentionDays: '7' } }).template;
    week.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: `/aws/lambda/${app}-health`, RetentionInDays: 7 });
  });

  it('uses no AWS managed policy and grants a function with no declared access nothing but logs and tracing', () => {
    template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    expect(actionsOfRole(template, roleOf('health')).sort()).toEqual(
      ['logs:CreateLogStream', 'logs:PutLogEvents', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'].sort(),
    );
  });

  it('grants read-only table access without any write action, and read-write access with writes', () => {
    const read = dynamoActions('reports');
    expect(read).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(read.filter((a) => /Put|Update|Delete|Write/.test(a))).toEqual([]);
    expect(dynamoActions('staff-api')).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query']));
  });

  it('grants workflow access per declared level: start and callback on the state machine, stop on its executions', () => {
    const stateMachine = `:stateMachine:${app}-lifecycle`;
    const executions = `:execution:${app}-lifecycle:*`;
    const find = (fn: string, action: string) => statementsOfRole(template, roleOf(fn)).filter((s) => ([] as string[]).concat(s.Action).includes(action));
    expect(JSON.stringify(find('storefront-webhook', WorkflowActions.start[0]).map((s) => s.Resource))).toContain(stateMachine);
    for (const action of WorkflowActions.callback) expect(JSON.stringify(find('staff-api', action).map((s) => s.Resource))).toContain(stateMachine);
    expect(JSON.stringify(find('case-action', 'states:StopExecution').map((s) => s.Resource))).toContain(executions);
    expect(find('staff-api', 'states:StartExecution')).toEqual([]);
    expect(find('reports', 'states:SendTaskSuccess')).toEqual([]);
  });

  it('lets only scheduler functions manage schedules in the SLA timer group and pass the timer role to the Scheduler', () => {
    const timerRole = logicalIdWhere(template, 'AWS::IAM::Role', 'Description', 'Assumed by EventBridge Scheduler to invoke the SLA timer targets');
    const statements = statementsOfRole(template, roleOf('open-step'));
    const manage = statements.find((s) => ([] as string[]).concat(s.Action).includes(SchedulerActions[0]));
    expect(JSON.stringify(manage?.Resource)).toContain(`:schedule/${app}-sla-timers/*`);
    const pass = statements.find((s) => s.Action === 'iam:PassRole');
    expect(pass?.Resource).toEqual({ 'Fn::GetAtt': [timerRole, 'Arn'] });
    expect(pass?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });
    expect(actionsOfRole(template, roleOf('staff-api')).filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole')).toEqual([]);
  });

  it('lets the timer role invoke exactly the declared schedule targets', () => {
    const timerRole = logicalIdWhere(template, 'AWS::IAM::Role', 'Description', 'Assumed by EventBridge Scheduler to invoke the SLA timer targets');
    const statements = statementsOfRole(template, timerRole);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.Action).toBe('lambda:InvokeFunction');
    expect(JSON.stringify(statements[0]!.Resource)).toContain(`:function:${app}-sla-timer"`);
    expect(JSON.stringify(statements[0]!.Resource)).not.toContain(`:function:${app}-health`);
  });

  it('lets only functions that declare them read the webhook secret and the page token key', () => {
    const readers = fixtureManifest.functions.filter((fn) => actionsOfRole(template, roleOf(fn.id)).includes('secretsmanager:GetSecretValue')).map((fn) => fn.id);
    expect(readers).toEqual(['storefront-webhook', 'staff-api']);
    const pageTokenKey = logicalIdWhere(template, 'AWS::SecretsManager::Secret', 'Name', `${app}-page-tokens`);
    const staffReads = statementsOfRole(template, roleOf('staff-api')).filter((s) => ([] as string[]).concat(s.Action).includes('secretsmanager:GetSecretValue'));
    expect(staffReads.map((s) => s.Resource)).toEqual([{ Ref: pageTokenKey }]);
    const variables = (id: string) => (functionResource(id).properties['Environment'] as { Variables: Record<string, unknown> }).Variables;
    expect(variables('staff-api')[Env.pageTokenSecretArn]).toEqual({ Ref: pageTokenKey });
    expect(variables('open-step')[Env.pageTokenSecretArn]).toBeUndefined();
  });

  it('has the real staff API declare the page token key: its nextToken comes back on any instance', () => {
    expect(staffApiFunction.access.pageTokenSecret).toBe(true);
  });
});
