/** The policy's `alarms` section: channels, routes, digest and summary settings, validated with errors that name the field. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../policy/compile.ts';
import { PolicyInvalid } from '../../policy/errors.ts';
import { DEFAULT_POLICY_PATH, parsePolicy } from '../../policy/load.ts';

type Doc = Record<string, unknown>;
const withAlarms = (alarms: unknown): Doc => ({ ...(JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Doc), alarms });

function problems(alarms: unknown): readonly string[] {
  try {
    parsePolicy(withAlarms(alarms), 'p.json');
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyInvalid);
    return (error as PolicyInvalid).problems;
  }
  throw new Error('accepted');
}

const example = {
  consoleUrl: 'https://sla.example.com/console/',
  channels: {
    'ops-wecom': { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' },
    leads: { url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: { env: 'DINGTALK_LEADS_SECRET' }, mentions: ['13800001111'] },
    'global-slack': { url: 'https://hooks.slack.com/services/T/B/X', language: 'en' },
  },
  routes: [
    { events: ['SlaBreached', 'PickupMissed'], roles: ['ops-cs', 'picker'], steps: ['order.*'], channels: ['ops-wecom'], warnings: true },
    { events: ['SlaBreached'], channels: ['leads', 'global-slack'], onDutyOnly: true },
  ],
};

describe('the alarms section', () => {
  it('compiles channels (kind from the host unless given), routes with their defaults, and the summary time', () => {
    const { alarms } = compilePolicy(parsePolicy(withAlarms(example), 'p.json'));
    expect([...alarms.channels.values()].map((c) => [c.name, c.kind, c.language])).toEqual([
      ['ops-wecom', 'wecom', 'zh-CN'],
      ['leads', 'dingtalk', 'zh-CN'],
      ['global-slack', 'slack', 'en'],
    ]);
    expect(alarms.channels.get('leads')?.secret).toEqual({ env: 'DINGTALK_LEADS_SECRET' });
    expect(alarms.routes[1]).toEqual({ events: ['SlaBreached'], roles: ['*'], steps: ['*'], channels: ['leads', 'global-slack'], warnings: false, onDutyOnly: true });
    expect(alarms).toMatchObject({ digestWindowSeconds: 30, maxItemsPerMessage: 20, dailySummaryAt: 18 * 60, consoleUrl: 'https://sla.example.com/console/' });
  });

  it('is optional: without it there are no channels and the summary time is 18:00', () => {
    const { alarms } = compilePolicy(parsePolicy(JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')), 'p.json'));
    expect(alarms.channels.size).toBe(0);
    expect(alarms.dailySummaryAt).toBe(18 * 60);
  });

  it('refuses a secret given by value, naming the channel', () => {
    expect(problems({ channels: { leads: { url: 'https://oapi.dingtalk.com/robot/send', secret: 'SECabc' } } })).toEqual([
      'alarms.channels.leads.secret: expected {"env": "<VARIABLE>"} or {"secretsManager": "<secret name or ARN>"}: a secret by reference, never its value',
    ]);
  });

  it('refuses a route to an undeclared channel and patterns that match no event, role or step', () => {
    expect(problems({ channels: { a: { url: 'http://127.0.0.1:9/x' } }, routes: [{ channels: ['b'], roles: ['ops-cz'], steps: ['ordr.*'], events: ['SlaBreachd'] }] })).toEqual([
      'alarms.routes[0].channels[0]: unknown channel "b" (channels: a)',
      expect.stringMatching(/^alarms\.routes\[0\]\.events\[0\]: "SlaBreachd" matches none of: SlaBreached, SlaWarning/),
      expect.stringMatching(/^alarms\.routes\[0\]\.roles\[0\]: "ops-cz" matches none of: ops-cs/),
      expect.stringMatching(/^alarms\.routes\[0\]\.steps\[0\]: "ordr\.\*" matches none of: order\.payment/),
    ]);
  });

  it('refuses a bad URL, an unknown kind, a summary off the quarter hour and a typo, each by its field', () => {
    expect(problems({ channels: { a: { url: 'ftp://x' } } })).toEqual(['alarms.channels.a.url: expected an http:// or https:// URL']);
    expect(problems({ channels: { a: { url: 'https://x.example', kind: 'telegram' } } })).toEqual(['alarms.channels.a.kind: expected one of: wecom, dingtalk, feishu, slack, generic']);
    expect(problems({ dailySummary: { at: '18:10' } })).toEqual(['alarms.dailySummary: the summary runs on the quarter hour: use a time such as 18:00 or 18:15']);
    expect(problems({ digestWindow: 30 })).toEqual(['alarms: unknown field(s) "digestWindow"']);
  });
});
