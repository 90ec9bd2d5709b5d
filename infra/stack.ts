import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { join } from 'node:path';
import type { Construct } from 'constructs';
import type { Manifest } from '../platform/manifest-types.ts';
import type { DeployConfig } from './config.ts';
import { Alarms } from './constructs/alarms.ts';
import { StaffAuth } from './constructs/auth.ts';
import { grantPeopleDirectory } from './constructs/people-access.ts';
import { ConsoleHosting } from './constructs/console-hosting.ts';
import { EventBuses, EventRules } from './constructs/events.ts';
import { Functions } from './constructs/functions.ts';
import { HttpEndpoints } from './constructs/http-api.ts';
import { ManifestQueues } from './constructs/queues.ts';
import { ManifestSchedules, SlaTimers } from './constructs/schedules.ts';
import { Tables } from './constructs/tables.ts';
import { PageTokenSecret } from './constructs/page-token-secret.ts';
import { WebhookSecret } from './constructs/webhook-secret.ts';
import { Workflows } from './constructs/workflows.ts';
import { constructId, StackNames } from './naming.ts';

export interface PlatformStackProps extends StackProps {
  manifest: Manifest;
  /** The repository root; manifest paths (entries, ASL files) are relative to it. */
  root: string;
  config: DeployConfig;
}

/** The whole platform on AWS, built by looping over the manifest: no resource is named here. */
export class PlatformStack extends Stack {
  readonly names: StackNames;
  readonly tables: Tables;
  readonly buses: EventBuses;
  readonly functions: Functions;
  readonly workflows: Workflows;
  readonly rules: EventRules;
  readonly schedules: ManifestSchedules;
  readonly queues: ManifestQueues;
  readonly timers: SlaTimers;
  readonly auth: StaffAuth;
  readonly http: HttpEndpoints;
  readonly console: ConsoleHosting;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { manifest, config } = props;
    const names = (this.names = new StackNames(this, this.stackName));

    this.alarms = new Alarms(this, 'Alarms', { names, config });
    this.tables = new Tables(this, 'Tables', { tables: manifest.tables, names });
    this.buses = new EventBuses(this, 'Buses', { buses: manifest.buses, names });
    for (const [busId, bus] of this.buses.byId) this.alarms.watchBus(busId, bus);
    this.timers = new SlaTimers(this, 'SlaTimers', { functions: manifest.functions, names });
    const webhook = new WebhookSecret(this, 'StorefrontWebhook', { names });
    const pageTokens = new PageTokenSecret(this, 'PageTokens', { names });
    this.queues = new ManifestQueues(this, 'Queues', { queues: manifest.queues, names, deadLetterQueue: this.alarms.asyncFailures });

    this.functions = new Functions(this, 'Functions', {
      manifest,
      root: props.root,
      logRetention: config.logRetentionDays,
      policyFile: config.policyFile,
      asyncFailures: this.alarms.asyncFailures,
      config,
      refs: {
        manifest,
        names,
        tables: this.tables.byId,
        buses: this.buses.byId,
        queues: this.queues.byId,
        timerScheduleGroupName: this.timers.group.scheduleGroupName,
        timerRole: this.timers.role,
        schedulerRoleArn: this.timers.role.roleArn,
        webhookSecret: webhook.secret,
        webhookSecretArn: webhook.secret.secretArn,
        pageTokenSecret: pageTokens.secret,
      },
    });
    this.queues.connect(this.functions.byId);
    this.workflows = new Workflows(this, 'Workflows', {
      workflows: manifest.workflows,
      root: props.root,
      names,
      functions: this.functions.byId,
      logRetention: config.logRetentionDays,
    });
    this.rules = new EventRules(this, 'Rules', {
      rules: manifest.rules,
      names,
      buses: this.buses.byId,
      functions: this.functions.byId,
      workflows: this.workflows.byId,
      deadLetterQueue: this.alarms.asyncFailures,
    });
    this.schedules = new ManifestSchedules(this, 'Schedules', {
      schedules: manifest.schedules,
      names,
      functions: this.functions.byId,
      deadLetterQueue: this.alarms.asyncFailures,
    });
    this.auth = new StaffAuth(this, 'StaffAuth', { names, policyFile: config.policyFile });
    grantPeopleDirectory(manifest, this.functions.byId, this.auth.userPool);
    this.console = new ConsoleHosting(this, 'Console', {
      names,
      userPool: this.auth.userPool,
      siteDirectory: join(props.root, 'console', 'dist'),
      logRetention: config.logRetentionDays,
      ...(config.consoleDomainPrefix === undefined ? {} : { domainPrefix: config.consoleDomainPrefix }),
    });
    this.http = new HttpEndpoints(this, 'Http', {
      routes: manifest.routes,
      names,
      functions: this.functions.byId,
      userPool: this.auth.userPool,
      userPoolClients: [this.auth.client, this.console.client],
      corsOrigins: [this.console.origin],
      logRetention: config.logRetentionDays,
    });
    this.console.publishConfig(this.http.stage.url);

    new CfnOutput(this, 'ApiUrl', { value: this.http.stage.url, description: 'Base URL of the HTTP API' });
    for (const [busId, bus] of this.buses.byId) new CfnOutput(this, `${constructId(busId)}BusName`, { value: bus.eventBusName, description: `Event bus ${busId}` });
    for (const [tableId, table] of this.tables.byId) new CfnOutput(this, `${constructId(tableId)}TableName`, { value: table.tableName, description: `Table ${tableId}` });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId, description: 'Staff user pool' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId, description: 'Staff app client (the JWT audience)' });
    new CfnOutput(this, 'ConsoleUrl', { value: this.console.url, description: 'The staff console (CloudFront)' });
    new CfnOutput(this, 'ConsoleClientId', { value: this.console.client.userPoolClientId, description: 'The console\'s app client (managed login, code + PKCE)' });
    new CfnOutput(this, 'ConsoleLoginDomain', { value: this.console.loginDomain, description: 'Cognito managed login' });
    new CfnOutput(this, 'SlaAlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'SLA alarm topic' });
    new CfnOutput(this, 'WebhookSecretArn', { value: webhook.secret.secretArn, description: 'Storefront webhook secret (set its value with put-secret-value)' });
  }
}
