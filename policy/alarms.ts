import { kindFromUrl } from '../core/alarms/channel-kind.ts';
import type { AlarmChannel, AlarmPolicy } from '../core/alarms/routing.ts';
import type { PolicyDocument } from './schema.ts';

const DEFAULTS = { digestWindowSeconds: 30, maxItemsPerMessage: 20, dailySummaryAt: 18 * 60 } as const;

/** The validated `alarms` section as the notify function uses it; a channel without `kind` gets its host's. */
export function compileAlarms(section: PolicyDocument['alarms']): AlarmPolicy {
  if (section === undefined) return { channels: new Map(), routes: [], ...DEFAULTS };
  const channels = new Map<string, AlarmChannel>(
    Object.entries(section.channels).map(([name, c]) => [
      name,
      { name, kind: c.kind ?? kindFromUrl(c.url), url: c.url, language: c.language, mentions: c.mentions, ...(c.secret ? { secret: c.secret } : {}) },
    ]),
  );
  return {
    channels,
    routes: section.routes,
    digestWindowSeconds: section.digestWindowSeconds,
    maxItemsPerMessage: section.maxItemsPerMessage,
    dailySummaryAt: section.dailySummary === false ? null : section.dailySummary.at,
    ...(section.consoleUrl !== undefined ? { consoleUrl: section.consoleUrl } : {}),
  };
}
