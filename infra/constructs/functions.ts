import { basename, join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { Env } from '../../platform/environment.ts';
import { FunctionDefaults, type Manifest } from '../../platform/manifest-types.ts';
import { DEFAULT_POLICY_PATH } from '../../policy/load.ts';
import { constructId } from '../naming.ts';
import type { DeployConfig } from '../config.ts';
import { grantNoticeSecret } from './notice-secret.ts';
import { equipAlarmFunction } from './alarm-channels.ts';
import { equipConnectorFunction } from './connector-secrets.ts';
import { grantAccess, type AccessRefs } from './function-access.ts';
import { functionEnvironment, type EnvironmentRefs } from './function-environment.ts';

export interface FunctionsProps {
  manifest: Manifest;
  /** The repository root: manifest entries and the lock file are relative to it. */
  root: string;
  refs: EnvironmentRefs & AccessRefs;
  logRetention: RetentionDays;
  /** The policy file shipped in every bundle, where the policy loader looks for its default. */
  policyFile: string;
  /** On-failure destination of asynchronous invocations (EventBridge rules, Scheduler). */
  asyncFailures: IQueue;
  /** The deployment's parameters: the alarm robot shortcut for functions with `alarmSecrets` access. */
  config: DeployConfig;
}

/**
 * One Lambda function per manifest function, bundled by esbuild from its entry: Node.js 24 on
 * arm64, X-Ray tracing, its own log group and role (which holds only the logs permission and the
 * grants of its `access`), and failed asynchronous invocations sent to the failure queue.
 */
export class Functions extends Construct {
  readonly byId: ReadonlyMap<string, NodejsFunction>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const environment = functionEnvironment(props.manifest, props.refs);
    const byId = new Map<string, NodejsFunction>();
    for (const decl of props.manifest.functions) {
      const cid = constructId(decl.id);
      const functionName = props.refs.names.physical(decl.id);
      const logGroup = new LogGroup(this, `${cid}Logs`, { logGroupName: `/aws/lambda/${functionName}`, retention: props.logRetention });
      const role = new Role(this, `${cid}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Execution role of ${functionName}` });
      logGroup.grantWrite(role);
      grantAccess(role, decl, props.refs);
      const fn = new NodejsFunction(this, cid, {
        functionName,
        description: `manifest function ${decl.id}`,
        entry: join(props.root, decl.entry),
        handler: decl.handler ?? 'handler',
        projectRoot: props.root,
        depsLockFilePath: join(props.root, 'package-lock.json'),
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        memorySize: decl.memoryMb ?? FunctionDefaults.memoryMb,
        timeout: Duration.seconds(decl.timeoutSeconds ?? FunctionDefaults.timeoutSeconds),
        role,
        logGroup,
        tracing: Tracing.ACTIVE,
        environment: decl.access.pageTokenSecret === true ? { ...environment, [Env.pageTokenSecretArn]: props.refs.pageTokenSecret.secretArn } : environment,
        onFailure: new SqsDestination(props.asyncFailures),
        retryAttempts: FunctionDefaults.asyncRetryAttempts,
        maxEventAge: Duration.hours(FunctionDefaults.asyncMaxEventAgeHours),
        bundling: {
          format: OutputFormat.ESM,
          target: 'node24',
          platform: 'node',
          mainFields: ['module', 'main'],
          minify: true,
          sourceMap: true,
          // The Node.js 24 runtime ships the AWS SDK v3.
          externalModules: ['@aws-sdk/*'],
          // CommonJS dependencies inside an ES module bundle still call require().
          banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
          // policy/load.ts reads its default from beside the module (import.meta.url), which is the bundle's index.mjs.
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (_inputDir: string, outputDir: string) => [`cp "${props.policyFile}" "${join(outputDir, basename(DEFAULT_POLICY_PATH))}"`],
          },
        },
      });
      NagSuppressions.addResourceSuppressions(
        role,
        [{ id: 'AwsSolutions-IAM5', reason: 'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.', appliesTo: ['Resource::*'] }],
        true,
      );
      if (decl.access.alarmSecrets === true) equipAlarmFunction(this, fn, role, props.config);
      if (decl.access.noticeSecrets === true) grantNoticeSecret(this, fn, role, props.config);
      if (decl.access.connectorSecrets === true) equipConnectorFunction(this, fn, role, props.config);
      byId.set(decl.id, fn);
    }
    this.byId = byId;
  }
}
