/**
 * Where each alarm goes (the policy's `alarms` section, docs/alarms.md "Routing"): routes match an
 * alarm by event type × role × step — `*` matches any run of characters — and name the channels
 * it goes to. SlaWarning goes only through routes that send warnings.
 */
import { DetailType } from '../ports/events.ts';
import type { Alarm } from './alarm.ts';
import type { ChannelKind } from './channel-kind.ts';
import type { AlarmLanguage } from './labels.ts';

/** A secret given by reference, never by value: an environment variable's name, or a Secrets Manager secret (name or ARN). */
export type SecretRef = { env: string } | { secretsManager: string };

export interface AlarmChannel {
  name: string;
  kind: ChannelKind;
  url: string;
  secret?: SecretRef;
  language: AlarmLanguage;
  /** People @mentioned in breach messages (mobile numbers or platform user ids). */
  mentions: readonly string[];
}

export interface AlarmRoute {
  /** Detail-type patterns; `SlaWarning` also needs `warnings`. */
  events: readonly string[];
  roles: readonly string[];
  steps: readonly string[];
  channels: readonly string[];
  warnings: boolean;
  /** Hold the alarm until its role is on duty (off-duty alarms are sent when the shift opens). */
  onDutyOnly: boolean;
}

export interface AlarmPolicy {
  channels: ReadonlyMap<string, AlarmChannel>;
  routes: readonly AlarmRoute[];
  /** Alarms of this many seconds are merged into one digest. */
  digestWindowSeconds: number;
  /** A digest lists at most this many alarms; the rest follow in the next message. */
  maxItemsPerMessage: number;
  /** Minute of the day (policy zone) of the daily summary; null: none. */
  dailySummaryAt: number | null;
  /** Base URL of the console (`…/console/`) for case links. */
  consoleUrl?: string;
}

/** `*` matches any run of characters; everything else literally. */
export function matchesPattern(pattern: string, value: string | undefined): boolean {
  if (pattern === '*') return true;
  if (value === undefined) return false;
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(value);
}

const anyOf = (patterns: readonly string[], value: string | undefined): boolean => patterns.some((p) => matchesPattern(p, value));

export interface Delivery {
  channel: string;
  onDutyOnly: boolean;
}

/** The channels an alarm goes to (each once; on-duty holding if any route to it asks for it and none says otherwise). */
export function routeAlarm(policy: Pick<AlarmPolicy, 'routes'>, alarm: Pick<Alarm, 'detailType' | 'role' | 'step'> & { escalatedTo?: string | undefined }): Delivery[] {
  const byChannel = new Map<string, boolean>();
  for (const route of policy.routes) {
    // A warning that escalates (an urgent complaint, §12) goes where breaches go.
    if (alarm.detailType === DetailType.SlaWarning && !route.warnings && alarm.escalatedTo === undefined) continue;
    if (!anyOf(route.events, alarm.detailType) || !anyOf(route.roles, alarm.role) || !anyOf(route.steps, alarm.step)) continue;
    for (const channel of route.channels) byChannel.set(channel, (byChannel.get(channel) ?? true) && route.onDutyOnly);
  }
  return [...byChannel].map(([channel, onDutyOnly]) => ({ channel, onDutyOnly }));
}

/** The one-robot shortcut's route: every alarm event, warnings included, to one channel. */
export function everythingTo(channel: string): AlarmRoute {
  return { events: ['*'], roles: ['*'], steps: ['*'], channels: [channel], warnings: true, onDutyOnly: false };
}
