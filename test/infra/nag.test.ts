import type { INagLogger, NagLoggerNonComplianceData, NagLoggerSuppressedData, NagLoggerErrorData } from 'cdk-nag';
import { NagMessageLevel } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../app/manifest.ts';
import type { Manifest } from '../../platform/manifest-types.ts';
import { fixtureManifest } from './fixtures/manifest.ts';
import { synthesize } from './support/synth.ts';

interface Finding {
  rule: string;
  resource: string;
  level: NagMessageLevel;
  reason?: string;
}

/** Collects what the AwsSolutions pack found, by outcome. */
class CollectingLogger implements INagLogger {
  readonly unsuppressed: Finding[] = [];
  readonly suppressed: Finding[] = [];
  readonly ruleErrors: string[] = [];
  onCompliance(): void {}
  onNotApplicable(): void {}
  onNonCompliance(data: NagLoggerNonComplianceData): void {
    this.unsuppressed.push({ rule: `${data.ruleId}${data.findingId === '' ? '' : `[${data.findingId}]`}`, resource: data.resource.node.path, level: data.ruleLevel });
  }
  onSuppressed(data: NagLoggerSuppressedData): void {
    this.suppressed.push({ rule: data.ruleId, resource: data.resource.node.path, level: data.ruleLevel, reason: data.suppressionReason });
  }
  onError(data: NagLoggerErrorData): void {
    this.ruleErrors.push(`${data.ruleId} on ${data.resource.node.path}: ${data.errorMessage}`);
  }
  onSuppressedError(data: NagLoggerErrorData): void {
    this.ruleErrors.push(`${data.ruleId} on ${data.resource.node.path} (suppressed): ${data.errorMessage}`);
  }
}

const environment = { account: '123456789012', region: 'ap-east-1' };

function nag(subject: Manifest, env?: typeof environment): CollectingLogger {
  const logger = new CollectingLogger();
  // With the IM webhook and alarm emails on, so the optional resources are checked too.
  const context = { alarmEmails: 'ops@example.com', imWebhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=example', imWebhookSecretName: 'ops-robot-secret' };
  synthesize(subject, { nagLogger: logger, context, ...(env === undefined ? {} : { env }) });
  return logger;
}

describe.each([
  ['a manifest with entries of every kind', fixtureManifest, undefined],
  ['the same, deployed to a known account and region', fixtureManifest, environment],
  ['the real manifest', manifest, undefined],
])('cdk-nag AwsSolutions on %s', (_name, subject, env) => {
  let logger: CollectingLogger;
  beforeAll(() => {
    logger = nag(subject, env);
  }, 60_000);

  it('reports no unsuppressed error', () => {
    expect(logger.unsuppressed.filter((f) => f.level === NagMessageLevel.ERROR)).toEqual([]);
  });

  it('reports no unsuppressed warning', () => {
    expect(logger.unsuppressed.filter((f) => f.level === NagMessageLevel.WARN)).toEqual([]);
  });

  it('could evaluate every rule on every resource', () => {
    expect(logger.ruleErrors).toEqual([]);
  });

  it('has a written reason on every suppression', () => {
    for (const finding of logger.suppressed) expect(finding.reason?.length ?? 0, `${finding.rule} on ${finding.resource}`).toBeGreaterThan(40);
  });

  it('runs every manifest function on the newest Node.js runtime: AwsSolutions-L1 neither fires nor is suppressed on them', () => {
    // Only the CDK's own BucketDeployment provider, whose runtime aws-cdk-lib pins, carries a suppression.
    const l1 = [...logger.suppressed, ...logger.unsuppressed].filter((f) => f.rule.startsWith('AwsSolutions-L1'));
    expect(l1.filter((f) => !f.resource.includes('CDKBucketDeployment'))).toEqual([]);
  });

  it('suppresses only rules whose reasons the stack documents', () => {
    const documented = [
      'AwsSolutions-APIG4',
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR4',
      'AwsSolutions-IAM4',
      'AwsSolutions-IAM5',
      'AwsSolutions-L1',
      'AwsSolutions-S1',
      'AwsSolutions-SMG4',
      'AwsSolutions-SQS3',
    ];
    expect(documented).toEqual(expect.arrayContaining([...new Set(logger.suppressed.map((f) => f.rule))]));
  });
});

