import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Rule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { SnsTopic } from 'aws-cdk-lib/aws-events-targets';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { DetailType, EVENT_SOURCE } from '../../core/ports/events.ts';
import type { DeployConfig } from '../config.ts';
import { slaBreachedRuleId } from '../contract.ts';
import { constructId, type StackNames } from '../naming.ts';

export interface AlarmsProps {
  names: StackNames;
  config: DeployConfig;
}

/**
 * Where failures surface for operations: the SLA alarm topic (email subscribers from context), a
 * CloudWatch alarm on the number of `SlaBreached` events, and the queue that collects failed
 * asynchronous invocations (with its own alarm) — the notify function's dead-letter queue too.
 * Group robots are the notify function's (functions/notify, docs/alarms.md).
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  /** On-failure destination of every function's asynchronous invocations and DLQ of every rule and schedule target. */
  readonly asyncFailures: Queue;
  private readonly names: StackNames;
  private readonly config: DeployConfig;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.names = props.names;
    this.config = props.config;

    const key = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Encrypts the SLA alarm topic' });
    for (const service of ['events.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      key.grant(new ServicePrincipal(service), 'kms:Decrypt', 'kms:GenerateDataKey*');
    }
    this.topic = new Topic(this, 'SlaAlarmTopic', { topicName: props.names.physical('sla-alarms', 256), masterKey: key, enforceSSL: true });
    for (const email of props.config.alarmEmails) this.topic.addSubscription(new EmailSubscription(email));

    this.asyncFailures = new Queue(this, 'AsyncFailures', {
      queueName: props.names.physical('async-failures', 80),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    NagSuppressions.addResourceSuppressions(this.asyncFailures, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue (Lambda on-failure destination, rule and schedule target DLQ); nothing consumes it automatically.' },
    ]);
    new Alarm(this, 'AsyncFailuresAlarm', {
      alarmDescription: 'An asynchronous invocation, rule target or schedule target failed after its retries; inspect the async-failures queue.',
      metric: this.asyncFailures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(this.topic));
  }

  /** Routes the bus's `SlaBreached` events to the topic and alarms on their count (group robots get every alarm event through the notify function). */
  watchBus(busId: string, bus: IEventBus): Rule {
    const ruleId = slaBreachedRuleId(busId);
    // The name itself, not rule.ruleName: Ref of a rule on a custom bus is `<bus>|<rule>`, which is no metric dimension.
    const ruleName = this.names.physical(ruleId);
    const rule = new Rule(this, constructId(ruleId), {
      ruleName,
      description: `platform: ${DetailType.SlaBreached} on bus ${busId} → SLA alarm topic`,
      eventBus: bus,
      eventPattern: { source: [EVENT_SOURCE], detailType: [DetailType.SlaBreached] },
    });
    rule.addTarget(new SnsTopic(this.topic, { deadLetterQueue: this.asyncFailures }));
    const metric = new Metric({
      namespace: 'AWS/Events',
      metricName: 'MatchedEvents',
      dimensionsMap: { RuleName: ruleName },
      statistic: 'Sum',
      period: Duration.minutes(this.config.slaBreachAlarmPeriodMinutes),
    });
    new Alarm(this, `${constructId(ruleId)}Alarm`, {
      alarmName: this.names.physical(ruleId, 255),
      alarmDescription: `${DetailType.SlaBreached} events on bus ${busId} reached the threshold; see the supervisor's queue.`,
      metric,
      threshold: this.config.slaBreachAlarmThreshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(this.topic));
    return rule;
  }
}
