import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { CHANNEL_KINDS, type ChannelKind } from '../core/alarms/channel-kind.ts';
import { DEFAULT_POLICY_PATH } from '../policy/load.ts';
import { ContextParameterInvalid } from './errors.ts';

/** The deployment's context parameters (`cdk deploy -c name=value`), validated; docs/deploy.md lists them. */
export interface DeployConfig {
  /** Email addresses subscribed to the SLA alarm topic. */
  alarmEmails: string[];
  /** The one-robot alarm shortcut: every alarm event goes to this group-robot webhook (docs/alarms.md). */
  imWebhookUrl?: string;
  /** Its platform (`wecom|dingtalk|feishu|slack|generic`); default: recognised from the URL's host. */
  imWebhookKind?: ChannelKind;
  /** A Secrets Manager secret (name or ARN) holding the robot's signing secret (DingTalk `SEC…`, Feishu). */
  imWebhookSecretName?: string;
  /** The console's base URL for case links in alarm messages. */
  consoleUrl?: string;
  /** Retention of every log group the stack creates. */
  logRetentionDays: RetentionDays;
  /** The CloudWatch alarm fires when this many SlaBreached events match within one period. */
  slaBreachAlarmThreshold: number;
  /** Minutes per alarm evaluation period. */
  slaBreachAlarmPeriodMinutes: number;
  /** The policy file whose roles become the user pool's groups. */
  policyFile: string;
}

export const ContextKey = {
  alarmEmails: 'alarmEmails',
  imWebhookUrl: 'imWebhookUrl',
  imWebhookKind: 'imWebhookKind',
  imWebhookSecretName: 'imWebhookSecretName',
  consoleUrl: 'consoleUrl',
  logRetentionDays: 'logRetentionDays',
  slaBreachAlarmThreshold: 'slaBreachAlarmThreshold',
  slaBreachAlarmPeriodMinutes: 'slaBreachAlarmPeriodMinutes',
  policyFile: 'policyFile',
  stackName: 'stackName',
  skipBundling: 'skipBundling',
} as const;

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

export function readConfig(node: Node): DeployConfig {
  const imWebhookUrl = optionalString(node, ContextKey.imWebhookUrl);
  if (imWebhookUrl !== undefined && !/^https:\/\/[^\s]+$/.test(imWebhookUrl)) {
    throw new ContextParameterInvalid(ContextKey.imWebhookUrl, 'expected an https:// URL');
  }
  const imWebhookKind = optionalString(node, ContextKey.imWebhookKind);
  const kind = CHANNEL_KINDS.find((k) => k === imWebhookKind);
  if (imWebhookKind !== undefined && kind === undefined) throw new ContextParameterInvalid(ContextKey.imWebhookKind, `expected one of ${CHANNEL_KINDS.join(', ')}`);
  const imWebhookSecretName = optionalString(node, ContextKey.imWebhookSecretName);
  const consoleUrl = optionalString(node, ContextKey.consoleUrl);
  if (consoleUrl !== undefined && !/^https:\/\/[^\s]+$/.test(consoleUrl)) throw new ContextParameterInvalid(ContextKey.consoleUrl, 'expected an https:// URL');
  return {
    alarmEmails: readEmails(node),
    ...(imWebhookUrl === undefined ? {} : { imWebhookUrl }),
    ...(kind === undefined ? {} : { imWebhookKind: kind }),
    ...(imWebhookSecretName === undefined ? {} : { imWebhookSecretName }),
    ...(consoleUrl === undefined ? {} : { consoleUrl }),
    logRetentionDays: readRetention(node),
    slaBreachAlarmThreshold: readWholeNumber(node, ContextKey.slaBreachAlarmThreshold, 1),
    slaBreachAlarmPeriodMinutes: readWholeNumber(node, ContextKey.slaBreachAlarmPeriodMinutes, 5),
    policyFile: optionalString(node, ContextKey.policyFile) ?? DEFAULT_POLICY_PATH,
  };
}

function optionalString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ContextParameterInvalid(key, 'expected a string');
  return value.trim();
}

/** A comma-separated string on the command line, or an array in cdk.json. */
function readEmails(node: Node): string[] {
  const value: unknown = node.tryGetContext(ContextKey.alarmEmails);
  if (value === undefined || value === null || value === '') return [];
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (list === undefined) throw new ContextParameterInvalid(ContextKey.alarmEmails, 'expected a comma-separated string or an array of emails');
  return list.map((item: unknown) => {
    const email = typeof item === 'string' ? item.trim() : '';
    if (!EMAIL.test(email)) throw new ContextParameterInvalid(ContextKey.alarmEmails, `${JSON.stringify(item)} is not an email address`);
    return email;
  });
}

function readRetention(node: Node): RetentionDays {
  const days = readWholeNumber(node, ContextKey.logRetentionDays, RetentionDays.ONE_MONTH);
  const allowed = Object.values(RetentionDays).filter((v): v is RetentionDays => typeof v === 'number' && v !== RetentionDays.INFINITE);
  const match = allowed.find((v) => v === days);
  if (match === undefined) throw new ContextParameterInvalid(ContextKey.logRetentionDays, `expected one of ${allowed.join(', ')}`);
  return match;
}

function readWholeNumber(node: Node, key: string, fallback: number): number {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1) throw new ContextParameterInvalid(key, 'expected a whole number above 0');
  return n;
}
