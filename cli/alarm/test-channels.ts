/**
 * `alarm test`: a rendered example breach (a step, case and due time, with the keyword `SLA`, so
 * keyword-mode robots take it) posted to each configured channel, and each robot's answer.
 */
import type { RobotRequest } from '../../adapters/alarms/robot-client.ts';
import type { SecretResolver } from '../../adapters/alarms/secrets.ts';
import type { Alarm } from '../../core/alarms/alarm.ts';
import { Verdict, type RobotAnswer } from '../../core/alarms/answers.ts';
import { DetailType } from '../../core/ports/events.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { composeMessage } from '../../functions/notify/message.ts';
import type { AlarmSetup } from '../../functions/notify/setup.ts';

export interface ChannelTest {
  channel: string;
  kind: string;
  host: string;
  answer: RobotAnswer;
}

/** The example: an order review due 10 minutes before `now`, breached at its due time and escalated. */
export function sampleAlarm(now: number): Alarm {
  const due = new Date(Math.floor((now - 10 * 60_000) / 60_000) * 60_000).toISOString();
  const detail = { scope: 'step', caseId: 'order-SO-ALARM-TEST', caseType: 'order', step: 'order.review', attempt: 1, role: 'ops-cs', due, breachedAt: due, escalatedTo: 'supervisor' };
  return {
    key: `alarm-test#${now}`,
    detailType: DetailType.SlaBreached,
    caseId: detail.caseId,
    orderId: 'SO-ALARM-TEST',
    step: detail.step,
    role: detail.role,
    due,
    at: due,
    escalatedTo: detail.escalatedTo,
    event: { 'detail-type': DetailType.SlaBreached, source: 'sla-platform', time: due, detail },
  };
}

export async function testChannels(options: {
  setup: AlarmSetup;
  policy: CompiledPolicy;
  names: readonly string[];
  /** The platform's clock (the example's times). */
  now: number;
  /** The real clock (signatures). */
  realNow: () => number;
  secrets: SecretResolver;
  send: (request: RobotRequest) => Promise<RobotAnswer>;
}): Promise<ChannelTest[]> {
  const results: ChannelTest[] = [];
  for (const name of options.names) {
    const channel = options.setup.channels.get(name);
    if (channel === undefined) continue;
    const alarm = sampleAlarm(options.now);
    const { body } = composeMessage(channel, [{ alarm, notBefore: alarm.at }], { now: options.now, policy: options.policy, maxItems: 1, ...(options.setup.consoleUrl ? { consoleUrl: options.setup.consoleUrl } : {}) });
    let answer: RobotAnswer;
    try {
      const secret = channel.secret === undefined ? undefined : await options.secrets(channel.secret);
      answer = await options.send({ kind: channel.kind, url: channel.url, body, realNow: options.realNow(), ...(secret !== undefined ? { secret } : {}) });
    } catch (error) {
      answer = { verdict: Verdict.rejected, status: 0, code: 0, message: (error as Error).message };
    }
    results.push({ channel: name, kind: channel.kind, host: new URL(channel.url).host, answer });
  }
  return results;
}

/** `default (dingtalk, oapi.dingtalk.com): accepted — errcode 0 ok`; a generic endpoint's refusal in its body: `… rejected — errcode 310000 sign not match`. */
export function describeResult(result: ChannelTest): string {
  const { answer } = result;
  const byStatus = (result.kind === 'slack' || result.kind === 'generic') && answer.code === answer.status;
  const code = byStatus || answer.status === 0 || answer.status >= 300 ? `HTTP ${answer.status || '—'}` : `${result.kind === 'feishu' ? 'code' : 'errcode'} ${answer.code}`;
  return `${result.channel} (${result.kind}, ${result.host}): ${answer.verdict} — ${code} ${answer.message}`;
}
