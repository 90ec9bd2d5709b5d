import { Match } from 'aws-cdk-lib/assertions';
import { Env } from '../../platform/environment.ts';
import { describe, expect, it } from 'vitest';
import { DetailType, EVENT_SOURCE } from '../../core/ports/events.ts';
import { toEventPattern } from '../../infra/constructs/events.ts';
import { slaBreachedRuleId } from '../../infra/contract.ts';
import { ManifestInvalid } from '../../infra/errors.ts';
import { fixtureManifest } from './fixtures/manifest.ts';
import { logicalIdWhere, resourcesOfType, synthesize } from './support/synth.ts';

const app = fixtureManifest.app;
const imWebhookUrl = 'https://oapi.dingtalk.com/robot/send?access_token=example';
const { template } = synthesize(fixtureManifest, { context: { alarmEmails: 'ops@example.com, lead@example.com', imWebhookUrl, imWebhookKind: 'dingtalk', imWebhookSecretName: 'ops-robot-secret' } });
const id = (type: string, property: string, value: unknown) => logicalIdWhere(template, type, property, value);
const failures = () => ({ Arn: { 'Fn::GetAtt': [id('AWS::SQS::Queue', 'QueueName', `${app}-async-failures`), 'Arn'] } });

describe('event bus and rules', () => {
  it('creates one custom bus per manifest bus', () => {
    template.resourceCountIs('AWS::Events::EventBus', fixtureManifest.buses.length);
    template.hasResourceProperties('AWS::Events::EventBus', { Name: `${app}-events` });
  });

  it("puts each manifest rule on its bus with the manifest's pattern, as EventBridge JSON", () => {
    const bus = { Ref: id('AWS::Events::EventBus', 'Name', `${app}-events`) };
    for (const rule of fixtureManifest.rules) {
      template.hasResourceProperties('AWS::Events::Rule', { Name: `${app}-${rule.id}`, EventBusName: bus, EventPattern: rule.pattern, State: 'ENABLED' });
    }
  });

  it('targets functions and workflows, with the failure queue as dead-letter queue', () => {
    const fn = id('AWS::Lambda::Function', 'FunctionName', `${app}-case-action`);
    const machine = id('AWS::StepFunctions::StateMachine', 'StateMachineName', `${app}-lifecycle`);
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: `${app}-case-closed`,
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fn, 'Arn'] }, DeadLetterConfig: failures() })],
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: `${app}-case-linked`,
      Targets: [Match.objectLike({ Arn: { Ref: machine }, RoleArn: Match.anyValue(), DeadLetterConfig: failures() })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', FunctionName: { 'Fn::GetAtt': [fn, 'Arn'] } });
  });

  it('refuses a rule on an undeclared bus, a target naming both or neither, and an unknown pattern field', () => {
    const rule = fixtureManifest.rules[0]!;
    expect(() => synthesize({ ...fixtureManifest, rules: [{ ...rule, bus: 'other' }] })).toThrow(/rule case-closed: refers to bus "other"/);
    expect(() => synthesize({ ...fixtureManifest, rules: [{ ...rule, targets: [{ function: 'health', workflow: 'lifecycle' }] }] })).toThrow(/exactly one of function or workflow/);
    expect(() => toEventPattern({ detailType: ['X'] }, 'rule r')).toThrow(ManifestInvalid);
    expect(() => toEventPattern({ source: 'sla-platform' }, 'rule r')).toThrow(/must be an array/);
  });
});

describe('SLA alarms', () => {
  const breachedRule = `${app}-${slaBreachedRuleId('events')}`;
  const topic = () => ({ Ref: id('AWS::SNS::Topic', 'TopicName', `${app}-sla-alarms`) });

  it('routes SlaBreached on each bus to the encrypted SLA alarm topic', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: `${app}-sla-alarms`, KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: breachedRule,
      EventPattern: { source: [EVENT_SOURCE], 'detail-type': [DetailType.SlaBreached] },
      Targets: Match.arrayWith([Match.objectLike({ Arn: topic(), DeadLetterConfig: failures() })]),
    });
  });

  it('subscribes every email of the alarmEmails context parameter', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 2);
    for (const email of ['ops@example.com', 'lead@example.com']) {
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: email, TopicArn: topic() });
    }
  });

  it("alarms on the rule's MatchedEvents metric and notifies the topic", () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Events',
      MetricName: 'MatchedEvents',
      // The rule's name: Ref of a rule on a custom bus would be `<bus>|<rule>`.
      Dimensions: [{ Name: 'RuleName', Value: breachedRule }],
      Period: 300,
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic()],
    });
  });

  it('sends no event to a robot itself: the shortcut context reaches only the function with alarmSecrets access, which may read exactly the named secret', () => {
    template.resourceCountIs('AWS::Events::ApiDestination', 0);
    template.resourceCountIs('AWS::Events::Connection', 0);
    const functions = resourcesOfType(template, 'AWS::Lambda::Function');
    const envOf = (name: string) => (Object.values(functions).find((f) => f.Properties.FunctionName === `${app}-${name}`)!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(envOf('notify')).toMatchObject({ [Env.alarmWebhookUrl]: imWebhookUrl, [Env.alarmWebhookKind]: 'dingtalk', [Env.alarmWebhookSecretId]: 'ops-robot-secret' });
    expect(envOf('case-action')[Env.alarmWebhookUrl]).toBeUndefined();
    const policies = Object.values(resourcesOfType(template, 'AWS::IAM::Policy')).map((p) => JSON.stringify(p.Properties));
    const readers = policies.filter((p) => p.includes('secret:ops-robot-secret-??????'));
    expect(readers).toHaveLength(1);
    expect(readers[0]).toContain('secretsmanager:GetSecretValue');
    const quiet = synthesize(fixtureManifest).template;
    quiet.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('alarms when the failure queue holds a message', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: Match.anyValue() }],
      Threshold: 1,
      AlarmActions: [topic()],
    });
  });

  it('rejects a context parameter it cannot use, naming it', () => {
    expect(() => synthesize(fixtureManifest, { context: { alarmEmails: 'ops@example' } })).toThrow(/context parameter alarmEmails/);
    expect(() => synthesize(fixtureManifest, { context: { imWebhookUrl: 'http://insecure.example' } })).toThrow(/context parameter imWebhookUrl: expected an https/);
    expect(() => synthesize(fixtureManifest, { context: { logRetentionDays: '10' } })).toThrow(/context parameter logRetentionDays/);
    expect(() => synthesize(fixtureManifest, { context: { imWebhookKind: 'telegram' } })).toThrow(/context parameter imWebhookKind: expected one of wecom, dingtalk/);
  });
});
