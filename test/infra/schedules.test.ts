import { describe, expect, it } from 'vitest';
import { timerTargets } from '../../infra/constructs/schedules.ts';
import { fixtureManifest } from './fixtures/manifest.ts';
import { logicalIdWhere, statementsOfRole, synthesize } from './support/synth.ts';

const { template } = synthesize(fixtureManifest);
const app = fixtureManifest.app;
const fnArn = (id: string) => ({ 'Fn::GetAtt': [logicalIdWhere(template, 'AWS::Lambda::Function', 'FunctionName', `${app}-${id}`), 'Arn'] });

describe('schedules', () => {
  it('creates one schedule per manifest schedule, with its expression in its time zone, targeting its function', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', fixtureManifest.schedules.length);
    const failures = { 'Fn::GetAtt': [logicalIdWhere(template, 'AWS::SQS::Queue', 'QueueName', `${app}-async-failures`), 'Arn'] };
    for (const schedule of fixtureManifest.schedules) {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: `${app}-${schedule.id}`,
        ScheduleExpression: schedule.expression,
        ScheduleExpressionTimezone: schedule.timeZone,
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: fnArn(schedule.targetFunction), RoleArn: { 'Fn::GetAtt': [recurringRole(), 'Arn'] }, DeadLetterConfig: { Arn: failures }, RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 } },
      });
    }
  });

  it('creates the SLA timer schedule group with the name the functions are given', () => {
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: `${app}-sla-timers` });
  });

  it('creates the timer role for the Scheduler service of this account only', () => {
    const role = logicalIdWhere(template, 'AWS::IAM::Role', 'Description', 'Assumed by EventBridge Scheduler to invoke the SLA timer targets');
    template.hasResourceProperties('AWS::IAM::Role', {
      Description: 'Assumed by EventBridge Scheduler to invoke the SLA timer targets',
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }],
      },
    });
    expect(statementsOfRole(template, role).map((s) => s.Action)).toEqual(['lambda:InvokeFunction']);
  });

  it("lets the recurring schedules' role invoke only their target functions", () => {
    const role = recurringRole();
    const resources = JSON.stringify(statementsOfRole(template, role).map((s) => s.Resource));
    for (const schedule of fixtureManifest.schedules) expect(resources).toContain(JSON.stringify(fnArn(schedule.targetFunction)));
    expect(resources).not.toContain(JSON.stringify(fnArn('health')));
  });

  it('falls back to every function as timer target, with a warning, while a scheduler function declares no scheduleTargets', () => {
    const functions = fixtureManifest.functions.map((fn) => (fn.id === 'open-step' ? { ...fn, access: { ...fn.access, scheduleTargets: undefined } } : fn));
    expect(timerTargets(functions)).toEqual({ ids: fixtureManifest.functions.map((f) => f.id).sort(), fallback: true });
    expect(timerTargets(fixtureManifest.functions)).toEqual({ ids: ['notify', 'sla-timer'], fallback: false });
    expect(() => timerTargets(fixtureManifest.functions.map((fn) => ({ ...fn, access: { ...fn.access, scheduleTargets: fn.access.scheduler === true ? ['nope'] : undefined } })))).toThrow(
      /function open-step: scheduleTargets names function "nope"/,
    );
  });

  it('refuses an expression that is not cron, rate or at, and a schedule targeting an undeclared function', () => {
    const schedule = fixtureManifest.schedules[0]!;
    expect(() => synthesize({ ...fixtureManifest, schedules: [{ ...schedule, expression: '0 10 * * *' }] })).toThrow(/schedule pickup-batches: expression/);
    expect(() => synthesize({ ...fixtureManifest, schedules: [{ ...schedule, targetFunction: 'ghost' }] })).toThrow(/schedule pickup-batches: refers to function "ghost"/);
  });
});

function recurringRole(): string {
  return logicalIdWhere(template, 'AWS::IAM::Role', 'Description', 'Assumed by EventBridge Scheduler to invoke the targets of the recurring manifest schedules');
}
