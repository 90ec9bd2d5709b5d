/**
 * The channels and routes in force: the policy's `alarms` section plus the one-robot shortcut
 * (`ALARM_WEBHOOK_URL`, `ALARM_WEBHOOK_KIND`, `ALARM_WEBHOOK_SECRET` / `ALARM_WEBHOOK_SECRET_ID`),
 * which sends every alarm event, warnings included, to a channel named `default`.
 */
import { Env } from '../../platform/environment.ts';
import { CHANNEL_KINDS, kindFromUrl, type ChannelKind } from '../../core/alarms/channel-kind.ts';
import { AlarmLanguage } from '../../core/alarms/labels.ts';
import { everythingTo, type AlarmChannel, type AlarmPolicy, type AlarmRoute, type SecretRef } from '../../core/alarms/routing.ts';
import type { EnvSource } from '../shared/config.ts';

/** The shortcut's channel name. */
export const SHORTCUT_CHANNEL = 'default';

/** An alarm environment variable has a value that cannot work; the message names it. */
export class AlarmConfigInvalid extends Error {
  override readonly name = 'AlarmConfigInvalid';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

export interface AlarmSetup {
  channels: ReadonlyMap<string, AlarmChannel>;
  routes: readonly AlarmRoute[];
  consoleUrl?: string;
  digestWindowSeconds: number;
  maxItemsPerMessage: number;
  dailySummaryAt: number | null;
}

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** The shortcut channel from the environment, if `ALARM_WEBHOOK_URL` is set; throws AlarmConfigInvalid for a bad URL or kind. */
export function shortcutChannel(env: EnvSource): AlarmChannel | undefined {
  const url = env[Env.alarmWebhookUrl]?.trim();
  if (url === undefined || url === '') return undefined;
  if (!/^https?:\/\/\S+$/.test(url) || !URL.canParse(url)) throw new AlarmConfigInvalid(Env.alarmWebhookUrl, `expected an http:// or https:// URL, got "${url}"`);
  const kindText = env[Env.alarmWebhookKind]?.trim();
  let kind: ChannelKind = kindFromUrl(url);
  if (kindText !== undefined && kindText !== '') {
    const known = CHANNEL_KINDS.find((k) => k === kindText);
    if (known === undefined) throw new AlarmConfigInvalid(Env.alarmWebhookKind, `expected one of ${CHANNEL_KINDS.join('|')}, got "${kindText}"`);
    kind = known;
  }
  const secret: SecretRef | undefined = !blank(env[Env.alarmWebhookSecret])
    ? { env: Env.alarmWebhookSecret }
    : !blank(env[Env.alarmWebhookSecretId])
      ? { secretsManager: String(env[Env.alarmWebhookSecretId]).trim() }
      : undefined;
  return { name: SHORTCUT_CHANNEL, kind, url, language: AlarmLanguage.zh, mentions: [], ...(secret ? { secret } : {}) };
}

export function alarmSetup(policy: AlarmPolicy, env: EnvSource): AlarmSetup {
  const channels = new Map(policy.channels);
  const routes = [...policy.routes];
  const shortcut = shortcutChannel(env);
  if (shortcut !== undefined && !channels.has(SHORTCUT_CHANNEL)) {
    channels.set(SHORTCUT_CHANNEL, shortcut);
    routes.push(everythingTo(SHORTCUT_CHANNEL));
  }
  const consoleUrl = policy.consoleUrl ?? (blank(env[Env.alarmConsoleUrl]) ? undefined : env[Env.alarmConsoleUrl]);
  return {
    channels,
    routes,
    digestWindowSeconds: policy.digestWindowSeconds,
    maxItemsPerMessage: policy.maxItemsPerMessage,
    dailySummaryAt: policy.dailySummaryAt,
    ...(consoleUrl !== undefined ? { consoleUrl } : {}),
  };
}
