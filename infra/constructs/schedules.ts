import { Annotations, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { FunctionDecl, ScheduleDecl } from '../../platform/manifest-types.ts';
import { ManifestInvalid } from '../errors.ts';
import { constructId, type StackNames } from '../naming.ts';
import { lookup } from './lookup.ts';

export interface SlaTimersProps {
  functions: readonly FunctionDecl[];
  names: StackNames;
}

/**
 * What the SLA timers need at run time: the schedule group the functions create their one-time
 * `at()` schedules in, and the role they pass to CreateSchedule, which may invoke exactly the
 * functions the manifest's `scheduler` functions name as `scheduleTargets`.
 */
export class SlaTimers extends Construct {
  readonly group: ScheduleGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: SlaTimersProps) {
    super(scope, id);
    // The same group name as the local runtime's (local/runtime/names.ts).
    this.group = new ScheduleGroup(this, 'Group', { scheduleGroupName: props.names.physical('sla-timers') });
    this.role = new Role(this, 'Role', {
      description: 'Assumed by EventBridge Scheduler to invoke the SLA timer targets',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
    });
    const targets = timerTargets(props.functions);
    if (targets.fallback) {
      Annotations.of(this).addWarningV2(
        'sla-platform:schedule-targets',
        'A scheduler function does not declare access.scheduleTargets; the timer role may invoke every manifest function. Declare scheduleTargets to narrow it.',
      );
    }
    if (targets.ids.length > 0) {
      this.role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: targets.ids.map((fn) => props.names.functionArn(fn)) }));
    }
  }
}

/** The functions SLA timers may invoke: the declared `scheduleTargets`, or every function while a scheduler function declares none. */
export function timerTargets(functions: readonly FunctionDecl[]): { ids: string[]; fallback: boolean } {
  const known = new Set(functions.map((fn) => fn.id));
  const schedulers = functions.filter((fn) => fn.access.scheduler === true);
  const fallback = schedulers.some((fn) => fn.access.scheduleTargets === undefined);
  const ids = fallback ? [...known] : [...new Set(schedulers.flatMap((fn) => fn.access.scheduleTargets ?? []))];
  for (const fn of schedulers) {
    for (const target of fn.access.scheduleTargets ?? []) {
      if (!known.has(target)) throw new ManifestInvalid(`function ${fn.id}`, `scheduleTargets names function "${target}", which the manifest does not declare`);
    }
  }
  return { ids: ids.sort(), fallback };
}

export interface ManifestSchedulesProps {
  schedules: readonly ScheduleDecl[];
  names: StackNames;
  functions: ReadonlyMap<string, IFunction>;
  deadLetterQueue: IQueue;
}

/** One recurring EventBridge Scheduler schedule per manifest schedule (e.g. the pickup batches), in its time zone. */
export class ManifestSchedules extends Construct {
  readonly byId: ReadonlyMap<string, Schedule>;

  constructor(scope: Construct, id: string, props: ManifestSchedulesProps) {
    super(scope, id);
    const byId = new Map<string, Schedule>();
    this.byId = byId;
    if (props.schedules.length === 0) return;
    // One role for every recurring schedule; each target adds an invoke grant on its own function.
    const role = new Role(this, 'Role', {
      description: 'Assumed by EventBridge Scheduler to invoke the targets of the recurring manifest schedules',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
    });
    for (const decl of props.schedules) {
      const where = `schedule ${decl.id}`;
      if (!/^(cron|rate|at)\(.+\)$/.test(decl.expression)) throw new ManifestInvalid(where, `expression "${decl.expression}" is not cron(…), rate(…) or at(…)`);
      const schedule = new Schedule(this, constructId(decl.id), {
        scheduleName: props.names.physical(decl.id),
        description: `manifest schedule ${decl.id}`,
        schedule: ScheduleExpression.expression(decl.expression, TimeZone.of(decl.timeZone)),
        target: new LambdaInvoke(lookup(props.functions, decl.targetFunction, 'function', where), {
          role,
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(1),
        }),
      });
      byId.set(decl.id, schedule);
    }
    // After the targets' grants, so the suppression reaches the role's policy.
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: "The CDK's invoke grant covers the target functions' versions and aliases (<arn>:*); it names only the functions the manifest schedules target.",
          appliesTo: [{ regex: '/^Resource::<.+\\.Arn>:\\*$/g' }],
        },
      ],
      true,
    );
  }
}
