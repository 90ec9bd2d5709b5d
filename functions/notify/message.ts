/**
 * One robot message for a channel's queue: as many of the oldest alarms as the platform's size
 * limit and the policy's `maxItemsPerMessage` allow, rendered in the channel's language.
 */
import { DetailType } from '../../core/ports/events.ts';
import type { Alarm } from '../../core/alarms/alarm.ts';
import { platformLimits } from '../../core/alarms/channel-kind.ts';
import type { PendingAlarm } from '../../core/alarms/outbox.ts';
import { robotPayload, textBytes } from '../../core/alarms/payloads.ts';
import { renderDigest, type AlarmMessage } from '../../core/alarms/render.ts';
import type { AlarmChannel } from '../../core/alarms/routing.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';

export interface ChannelMessage {
  message: AlarmMessage;
  body: Record<string, unknown>;
  /** The alarms the message lists. */
  listed: PendingAlarm[];
}

export function roleLabels(policy: CompiledPolicy): Map<string, string> {
  return new Map([...policy.roles].map(([id, role]) => [id, role.label]));
}

export function composeMessage(channel: AlarmChannel, ready: readonly PendingAlarm[], options: { now: number; policy: CompiledPolicy; maxItems: number; consoleUrl?: string }): ChannelMessage {
  const alarms: Alarm[] = ready.map((p) => p.alarm);
  const ctx = { now: options.now, zone: options.policy.zone, language: channel.language, roleLabels: roleLabels(options.policy), ...(options.consoleUrl ? { consoleUrl: options.consoleUrl } : {}) };
  const limit = platformLimits[channel.kind];
  let count = Math.min(options.maxItems, alarms.length);
  for (;;) {
    const listed = ready.slice(0, count);
    const mentions = limit.mentions && listed.some((p) => p.alarm.detailType === DetailType.SlaBreached) ? channel.mentions : [];
    const message = renderDigest(alarms, count, ctx);
    if (count === 1 || textBytes(channel.kind, message, mentions) <= limit.maxTextBytes) {
      return { message, listed, body: robotPayload(channel.kind, message, { mentions, events: listed.map((p) => p.alarm.event) }) };
    }
    count = Math.max(1, Math.floor(count * 0.75));
  }
}
