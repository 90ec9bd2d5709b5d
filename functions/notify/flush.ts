/**
 * A planned flush falls due: one message for the channel's oldest ready alarms, paced to the
 * platform's rate limit. Accepted → the alarms leave the queue; a rate-limit or transient answer
 * → they stay and the flush is retried with back-off; a refusal (wrong secret, keyword missing,
 * bad body) → they are dead-lettered and the robot's `errmsg` is logged. Alarms left over get the
 * next flush. One flush per channel at a time (a lease in the outbox).
 */
import { Verdict, type RobotAnswer } from '../../core/alarms/answers.ts';
import { sendSpacingMs } from '../../core/alarms/channel-kind.ts';
import type { AlarmChannel } from '../../core/alarms/routing.ts';
import type { ChannelState, PendingAlarm } from '../../core/alarms/outbox.ts';
import { dropStaleWarnings } from '../../core/alarms/stale.ts';
import { STALE_FLUSH_MS } from './accept.ts';
import type { NotifyDeps } from './deps.ts';
import { composeMessage } from './message.ts';

/** How long a flush may hold its channel (longer than the function's timeout). */
export const FLUSH_LEASE_MS = 90_000;
/** Back-off after a rate-limit answer doubles from here up to the cap (DingTalk blocks a robot for 10 minutes). */
export const BACKOFF_FIRST_MS = 60_000;
export const BACKOFF_MAX_MS = 10 * 60_000;
/** Queued alarms read per flush. */
const READ_LIMIT = 200;

export interface FlushResult {
  channel: string;
  outcome: 'sent' | 'retrying' | 'dead-lettered' | 'nothing-ready' | 'paced' | 'busy' | 'unknown-channel';
  sent: number;
  answer?: RobotAnswer;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export async function flushChannel(deps: NotifyDeps, name: string): Promise<FlushResult> {
  const channel = deps.setup.channels.get(name);
  if (channel === undefined) {
    // The channel left the policy: its queue waits until it comes back.
    deps.log.warn('flush of an unknown channel', { channel: name });
    return { channel: name, outcome: 'unknown-channel', sent: 0 };
  }
  const now = deps.clock.now();
  const claim = await deps.outbox.claim(name, iso(now), iso(now + FLUSH_LEASE_MS));
  if ('heldUntil' in claim) {
    await deps.flushes.scheduleFlush(name, iso(Date.parse(claim.heldUntil) + 1000));
    return { channel: name, outcome: 'busy', sent: 0 };
  }
  let state: ChannelState = claim.state;
  try {
    const result = await flushClaimed(deps, channel, now, state);
    state = result.state;
    if (result.nextAt !== undefined) await reschedule(deps, name, result.nextAt);
    return result.result;
  } finally {
    await deps.outbox.release(name, state);
  }
}

interface Step {
  state: ChannelState;
  result: FlushResult;
  /** When the next flush should run, if one is needed. */
  nextAt?: number;
}

async function flushClaimed(deps: NotifyDeps, channel: AlarmChannel, now: number, state: ChannelState): Promise<Step> {
  const nextSend = state.nextSendAt === undefined ? 0 : Date.parse(state.nextSendAt);
  if (nextSend > now) return { state, nextAt: nextSend, result: { channel: channel.name, outcome: 'paced', sent: 0 } };
  const pending = await deps.outbox.pending(channel.name, READ_LIMIT);
  const { send: ready, stale } = dropStaleWarnings(
    pending.filter((p) => Date.parse(p.notBefore) <= now),
    now,
  );
  if (stale.length > 0) {
    // Warnings for steps already late (a catch-up after a restart) leave the queue unsent.
    await deps.outbox.sent(channel.name, stale);
    deps.log.info('dropped warnings whose step has breached', { channel: channel.name, alarms: stale.length });
  }
  const held = pending.filter((p) => Date.parse(p.notBefore) > now).map((p) => Date.parse(p.notBefore));
  if (ready.length === 0) {
    return { state, ...(held.length > 0 ? { nextAt: Math.min(...held) } : {}), result: { channel: channel.name, outcome: 'nothing-ready', sent: 0 } };
  }
  const composed = composeMessage(channel, ready, { now, policy: deps.policy, maxItems: deps.setup.maxItemsPerMessage, ...(deps.setup.consoleUrl ? { consoleUrl: deps.setup.consoleUrl } : {}) });
  const secret = channel.secret === undefined ? undefined : await deps.secrets(channel.secret);
  const answer = await deps.send({ kind: channel.kind, url: channel.url, body: composed.body, realNow: deps.realClock.now(), ...(secret !== undefined ? { secret } : {}) });
  const more = pending.length - stale.length > composed.listed.length || pending.length === READ_LIMIT;
  const paced = now + sendSpacingMs(channel.kind);
  const log = { channel: channel.name, kind: channel.kind, alarms: composed.listed.length, status: answer.status, errcode: answer.code, errmsg: answer.message };
  switch (answer.verdict) {
    case Verdict.accepted:
      await deps.outbox.sent(channel.name, composed.listed);
      deps.log.info('alarm message sent', log);
      return { state: { nextSendAt: iso(paced) }, ...(more ? { nextAt: nextFlush(paced, ready, composed.listed, held) } : {}), result: { channel: channel.name, outcome: 'sent', sent: composed.listed.length, answer } };
    case Verdict.retry: {
      const backoffMs = Math.min(BACKOFF_MAX_MS, Math.max(answer.retryAfterMs ?? 0, state.backoffMs === undefined ? BACKOFF_FIRST_MS : state.backoffMs * 2));
      deps.log.warn('the robot did not take the alarm message; retrying later', { ...log, backoffMs });
      return { state: { nextSendAt: iso(now + backoffMs), backoffMs }, nextAt: now + backoffMs, result: { channel: channel.name, outcome: 'retrying', sent: 0, answer } };
    }
    case Verdict.rejected:
      await deps.outbox.deadLetter(channel.name, composed.listed, `${answer.code} ${answer.message}`, iso(now));
      deps.log.error('the robot refused the alarm message; dead-lettered', log);
      return { state: { nextSendAt: iso(paced) }, ...(more ? { nextAt: nextFlush(paced, ready, composed.listed, held) } : {}), result: { channel: channel.name, outcome: 'dead-lettered', sent: 0, answer } };
  }
}

/** Right after pacing when ready alarms remain, else when the first held one is due. */
function nextFlush(paced: number, ready: readonly PendingAlarm[], listed: readonly PendingAlarm[], held: readonly number[]): number {
  return ready.length > listed.length ? paced : Math.max(paced, Math.min(...held, paced));
}

async function reschedule(deps: NotifyDeps, channel: string, at: number): Promise<void> {
  const when = iso(at);
  // The claim cleared the planned flush; this one is planned unless an earlier one came in meanwhile.
  if (await deps.outbox.requestFlush(channel, when, iso(deps.clock.now()), STALE_FLUSH_MS)) await deps.flushes.scheduleFlush(channel, when);
}
