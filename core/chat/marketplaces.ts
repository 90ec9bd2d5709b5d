/**
 * The marketplaces' own chat measures beside ours (issue 23; docs/people.md "Marketplace measures"
 * gives the sources and the assumptions), each a formula over the stored chat events — who wrote
 * when — in wall-clock time, as the platforms count them (not the on-duty time of §10):
 *
 * - Taobao 3-minute response rate (旺旺3分钟人工响应率): of the rounds (a run of customer messages,
 *   its clock starting at the first) asked within the shop's service hours, those an agent answered
 *   within 180 s.
 * - JD 30-second response rate (京东30秒应答率): of the sessions whose first question was asked
 *   09:00–23:00, those whose first question an agent answered within 30 s. A question more than
 *   10 minutes after the conversation's previous message starts a new session.
 * - Pinduoduo 1-hour valid reply rate (拼多多有效回复率): of the consumer-days (a conversation on a
 *   local day) with a question asked 08:00–23:00, those in which an agent answered every such
 *   question within 3,600 s.
 *
 * An unanswered item whose window has not run out yet is pending and counts in neither part.
 */
import type { Zone } from '../time/zone.ts';
import type { ConversationAnalysis } from './conversation.ts';

export const TAOBAO_RESPONSE_SECONDS = 180;
export const JD_RESPONSE_SECONDS = 30;
/** JD counts 09:00–23:00; 23:00–09:00 is 留言 (a message left), not counted. */
export const JD_HOURS = { from: 9 * 60, to: 23 * 60 } as const;
/** A question this long after the previous message starts a new JD session. */
export const JD_SESSION_GAP_MS = 10 * 60_000;
export const PDD_REPLY_SECONDS = 3_600;
export const PDD_HOURS = { from: 8 * 60, to: 23 * 60 } as const;

/** Minutes of the day [from, to). */
export interface DailyHours {
  from: number;
  to: number;
}

export interface RateFigure {
  /** Items decided (within, or late / unanswered past the window). */
  counted: number;
  within: number;
  /** `within / counted` in percent, one decimal; null when nothing was counted. */
  pct: number | null;
}

export interface MarketplaceRow {
  /** The agent: the answering agent (Taobao, JD), the conversation's first agent (Pinduoduo); `unassigned` when none spoke. */
  agent: string;
  taobao3MinResponse: RateFigure;
  jd30sResponse: RateFigure;
  pdd1hValidReply: RateFigure;
}

export interface MarketplaceOptions {
  zone: Zone;
  /** Inclusive local days: an item counts on the day it was asked. */
  range: { fromDay: number; toDay: number };
  /** The analysis instant (epoch ms): unanswered items younger than their window are pending. */
  asOf: number;
  taobaoServiceHours: DailyHours;
}

type Verdict = 'within' | 'late' | 'pending';

/** Rows per agent, sorted by agent. */
export function marketplaceMeasures(conversations: readonly ConversationAnalysis[], options: MarketplaceOptions): MarketplaceRow[] {
  const { zone, range, asOf } = options;
  const rows = new Map<string, { taobao: Tally; jd: Tally; pdd: Tally }>();
  const row = (agent: string) => {
    let r = rows.get(agent);
    if (r === undefined) {
      r = { taobao: tally(), jd: tally(), pdd: tally() };
      rows.set(agent, r);
    }
    return r;
  };
  const inRange = (at: number) => {
    const day = zone.dayOf(at);
    return day >= range.fromDay && day <= range.toDay;
  };
  const inHours = (at: number, hours: DailyHours) => {
    const minute = zone.minuteOfDay(at);
    return minute >= hours.from && minute < hours.to;
  };
  const verdict = (askedAt: number, answeredAt: number | undefined, seconds: number): Verdict => {
    if (answeredAt !== undefined) return answeredAt - askedAt <= seconds * 1000 ? 'within' : 'late';
    return asOf - askedAt > seconds * 1000 ? 'late' : 'pending';
  };

  for (const c of conversations) {
    let previousEnd: number | undefined;
    const pddDays = new Map<number, Verdict[]>();
    for (const q of c.questions) {
      const counted = inRange(q.askedAt);
      if (counted && inHours(q.askedAt, options.taobaoServiceHours)) add(row(q.agentId).taobao, verdict(q.askedAt, q.answeredAt, TAOBAO_RESPONSE_SECONDS));
      const startsSession = previousEnd === undefined || q.askedAt - previousEnd > JD_SESSION_GAP_MS;
      if (counted && startsSession && inHours(q.askedAt, JD_HOURS)) add(row(q.agentId).jd, verdict(q.askedAt, q.answeredAt, JD_RESPONSE_SECONDS));
      if (counted && inHours(q.askedAt, PDD_HOURS)) {
        const day = zone.dayOf(q.askedAt);
        pddDays.set(day, [...(pddDays.get(day) ?? []), verdict(q.askedAt, q.answeredAt, PDD_REPLY_SECONDS)]);
      }
      previousEnd = Math.max(q.answeredAt ?? q.askedAt, lastCustomerMessage(c, q.askedAt));
    }
    for (const verdicts of pddDays.values()) {
      // Invalid once any question is late; valid once all are answered in time; else still open.
      const day: Verdict = verdicts.includes('late') ? 'late' : verdicts.includes('pending') ? 'pending' : 'within';
      add(row(c.agentId).pdd, day);
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([agent, r]) => ({ agent, taobao3MinResponse: figure(r.taobao), jd30sResponse: figure(r.jd), pdd1hValidReply: figure(r.pdd) }));
}

interface Tally {
  counted: number;
  within: number;
}

function tally(): Tally {
  return { counted: 0, within: 0 };
}

function add(t: Tally, v: Verdict): void {
  if (v === 'pending') return;
  t.counted++;
  if (v === 'within') t.within++;
}

function figure(t: Tally): RateFigure {
  return { counted: t.counted, within: t.within, pct: t.counted === 0 ? null : Math.round((t.within / t.counted) * 1000) / 10 };
}

/** The last customer message at or after `askedAt` before the run's answer: the run's last message. */
function lastCustomerMessage(c: ConversationAnalysis, askedAt: number): number {
  const next = c.questions.find((q) => q.askedAt > askedAt)?.askedAt ?? Number.POSITIVE_INFINITY;
  return Math.max(askedAt, ...c.customerMessageTimes.filter((t) => t >= askedAt && t < next));
}
