import { Duration, SecretValue } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ApiDestination, Authorization, Connection, EventField, HttpMethod, Rule, RuleTargetInput, type IEventBus } from 'aws-cdk-lib/aws-events';
import { ApiDestination as ApiDestinationTarget, SnsTopic } from 'aws-cdk-lib/aws-events-targets';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
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
 * Where failures surface: the SLA alarm topic (email subscribers from context), a CloudWatch alarm
 * on the number of `SlaBreached` events, an optional IM group-robot webhook, and the queue that
 * collects failed asynchronous invocations (with its own alarm).
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  /** On-failure destination of every function's asynchronous invocations and DLQ of every rule and schedule target. */
  readonly asyncFailures: Queue;
  private readonly names: StackNames;
  private readonly config: DeployConfig;
  private readonly imWebhook: ApiDestination | undefined;

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

    this.imWebhook = props.config.imWebhookUrl === undefined ? undefined : this.imDestination(props.config.imWebhookUrl);
  }

  /** Routes the bus's `SlaBreached` events to the topic (and the IM webhook) and alarms on their count. */
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
    if (this.imWebhook !== undefined) {
      rule.addTarget(
        new ApiDestinationTarget(this.imWebhook, {
          deadLetterQueue: this.asyncFailures,
          // DingTalk and WeCom group robots both accept this text message shape.
          event: RuleTargetInput.fromObject({
            msgtype: 'text',
            text: { content: `SLA breached: case ${EventField.fromPath('$.detail.caseId')} step ${EventField.fromPath('$.detail.step')} (${EventField.time})` },
          }),
        }),
      );
    }
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

  /** An API destination for a group-robot webhook; its access key travels in the URL, so the connection's header is a placeholder. */
  private imDestination(url: string): ApiDestination {
    const placeholder = new Secret(this, 'ImWebhookHeader', {
      description: 'Placeholder API key header for the IM robot connection (the robot authenticates by the key in its URL).',
      generateSecretString: { excludePunctuation: true, passwordLength: 32 },
    });
    NagSuppressions.addResourceSuppressions(placeholder, [
      { id: 'AwsSolutions-SMG4', reason: 'A placeholder header value the IM robot ignores; rotating it protects nothing.' },
    ]);
    const connection = new Connection(this, 'ImWebhookConnection', {
      description: 'IM group-robot webhook for SLA breaches',
      authorization: Authorization.apiKey('x-sla-platform', SecretValue.secretsManager(placeholder.secretArn)),
    });
    return new ApiDestination(this, 'ImWebhook', { connection, endpoint: url, httpMethod: HttpMethod.POST, rateLimitPerSecond: 5 });
  }
}
