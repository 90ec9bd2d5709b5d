/**
 * Each robot's request body for an alarm message, in the shape its documentation gives
 * (docs/alarms.md, "Platforms"): WeCom `{"msgtype":"markdown","markdown":{"content"}}`, DingTalk
 * `{"msgtype":"markdown","markdown":{"title","text"},"at":{"atMobiles"}}`, Feishu
 * `{"msg_type":"interactive","card":{…}}`, Slack `{"text","blocks"}`, generic `{"text","events"}`.
 * Signing (DingTalk, Feishu) is added when the request is sent: it needs the real time.
 */
import type { BusEvent } from './alarm.ts';
import { ChannelKind } from './channel-kind.ts';
import type { AlarmMessage, Segment } from './render.ts';

export interface PayloadOptions {
  /** People to @mention: mobile numbers (WeCom, DingTalk) or user ids (WeCom, Feishu `ou_…`, Slack `U…`). */
  mentions: readonly string[];
  /** The events behind the message, for `generic` channels. */
  events: readonly BusEvent[];
}

interface Style {
  link(text: string, url: string): string;
  newline: string;
  mention(id: string): string;
}

const isMobile = (id: string): boolean => /^\+?\d{6,15}$/.test(id);

const STYLES: Readonly<Record<Exclude<ChannelKind, 'generic'>, Style>> = {
  // WeCom markdown: `[text](url)`; `<@userid>` mentions a member.
  wecom: { link: (text, url) => `[${text}](${url})`, newline: '\n', mention: (id) => `<@${id}>` },
  // DingTalk markdown needs a blank line to break; a mention is `@mobile` in the text plus `at.atMobiles`.
  dingtalk: { link: (text, url) => `[${text}](${url})`, newline: '\n\n', mention: (id) => `@${id}` },
  // Feishu lark_md: `[text](url)`, `<at id=ou_…></at>`.
  feishu: { link: (text, url) => `[${text}](${url})`, newline: '\n', mention: (id) => `<at id=${id}></at>` },
  // Slack mrkdwn: `<url|text>`, `<@U…>`.
  slack: { link: (text, url) => `<${url}|${text}>`, newline: '\n', mention: (id) => `<@${id}>` },
};

function line(segments: readonly Segment[], style: Style): string {
  return segments.map((s) => (typeof s === 'string' ? s : style.link(s.text, s.url))).join('');
}

/** The message as plain text (generic channels, logs, `alarm test`). */
export function plainText(message: AlarmMessage): string {
  return [message.title, ...message.lines.map((segments) => segments.map((s) => (typeof s === 'string' ? s : `${s.text}: ${s.url}`)).join(''))].join('\n');
}

/** The formatted body text of a platform (without the title for platforms that show it apart). */
export function formattedText(kind: Exclude<ChannelKind, 'generic'>, message: AlarmMessage, mentions: readonly string[]): string {
  const style = STYLES[kind];
  const body = message.lines.map((l) => `${kind === 'slack' ? '• ' : '> '}${line(l, style)}`);
  const at = mentions.length > 0 ? [mentions.map(style.mention).join(' ')] : [];
  if (kind === 'wecom') return [`**${message.title}**`, ...body, ...at].join(style.newline);
  if (kind === 'dingtalk') return [`#### ${message.title}`, ...body, ...at].join(style.newline);
  return [...body, ...at].join(style.newline);
}

/** The request body for `kind`. */
export function robotPayload(kind: ChannelKind, message: AlarmMessage, options: PayloadOptions): Record<string, unknown> {
  switch (kind) {
    case ChannelKind.wecom:
      return { msgtype: 'markdown', markdown: { content: formattedText(kind, message, options.mentions) } };
    case ChannelKind.dingtalk:
      return {
        msgtype: 'markdown',
        markdown: { title: message.title, text: formattedText(kind, message, options.mentions) },
        at: { atMobiles: options.mentions.filter(isMobile), atUserIds: options.mentions.filter((m) => !isMobile(m)), isAtAll: false },
      };
    case ChannelKind.feishu:
      return {
        msg_type: 'interactive',
        card: {
          config: { wide_screen_mode: true },
          header: { template: 'red', title: { tag: 'plain_text', content: message.title } },
          elements: [{ tag: 'div', text: { tag: 'lark_md', content: formattedText(kind, message, options.mentions) } }],
        },
      };
    case ChannelKind.slack:
      return {
        text: message.title,
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150) } },
          { type: 'section', text: { type: 'mrkdwn', text: formattedText(kind, message, options.mentions) } },
        ],
      };
    case ChannelKind.generic:
      return { text: plainText(message), events: options.events };
  }
}

/** UTF-8 bytes of the text a platform limits (`platformLimits.maxTextBytes`). */
export function textBytes(kind: ChannelKind, message: AlarmMessage, mentions: readonly string[]): number {
  const text = kind === ChannelKind.generic ? plainText(message) : `${message.title}\n${formattedText(kind, message, mentions)}`;
  return Buffer.byteLength(text, 'utf8');
}
