/**
 * The group-robot platforms alarms go to, recognised from a webhook URL's host, and each
 * platform's documented limits (docs/alarms.md cites the sources).
 */

export const ChannelKind = {
  /** 企业微信 group robot: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…` */
  wecom: 'wecom',
  /** 钉钉 custom robot: `https://oapi.dingtalk.com/robot/send?access_token=…` */
  dingtalk: 'dingtalk',
  /** 飞书 / Lark custom bot: `https://open.feishu.cn/open-apis/bot/v2/hook/…` */
  feishu: 'feishu',
  /** Slack incoming webhook: `https://hooks.slack.com/services/…` */
  slack: 'slack',
  /** Anything else: the alarm events as JSON. */
  generic: 'generic',
} as const;
export type ChannelKind = (typeof ChannelKind)[keyof typeof ChannelKind];

export const CHANNEL_KINDS = Object.values(ChannelKind);

const HOSTS: readonly [RegExp, ChannelKind][] = [
  [/^qyapi\.weixin\.qq\.com$/i, ChannelKind.wecom],
  [/^oapi\.dingtalk\.com$/i, ChannelKind.dingtalk],
  [/^open\.(feishu\.cn|larksuite\.com)$/i, ChannelKind.feishu],
  [/^hooks\.slack\.com$/i, ChannelKind.slack],
];

/** The platform of a webhook URL by its host; `generic` for any other host (or a URL that does not parse). */
export function kindFromUrl(url: string): ChannelKind {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return ChannelKind.generic;
  }
  return HOSTS.find(([pattern]) => pattern.test(host))?.[1] ?? ChannelKind.generic;
}

export interface PlatformLimits {
  /** Messages a robot accepts per minute (we pace at this rate; the robot's own limit). */
  perMinute: number;
  /** Largest message text we send, in UTF-8 bytes (the platform's limit, with room for the JSON around it). */
  maxTextBytes: number;
  /** Whether the platform can @mention people in the messages we send. */
  mentions: boolean;
}

/**
 * Per platform (docs/alarms.md, "Platforms"): WeCom 20 messages/min per robot, markdown content at
 * most 4096 bytes; DingTalk 20/min per robot (then blocked for 10 min); Feishu 100/min and 5/s per
 * bot, request body at most 20 KB; Slack about 1 message/s per webhook, a section's text at most
 * 3000 characters. Generic endpoints get the Slack pace.
 */
export const platformLimits: Readonly<Record<ChannelKind, PlatformLimits>> = {
  wecom: { perMinute: 20, maxTextBytes: 4000, mentions: true },
  dingtalk: { perMinute: 20, maxTextBytes: 4000, mentions: true },
  feishu: { perMinute: 100, maxTextBytes: 16_000, mentions: true },
  slack: { perMinute: 60, maxTextBytes: 2900, mentions: true },
  generic: { perMinute: 60, maxTextBytes: 32_000, mentions: false },
};

/** The least time between two messages to one robot so that no minute holds more than its limit (ms). */
export function sendSpacingMs(kind: ChannelKind): number {
  return Math.ceil(60_000 / platformLimits[kind].perMinute) + 50;
}
