/**
 * The chat quality report (api.md `GET /reports/chat`, service-standards.md §10): per agent, day
 * or hour of the policy's zone, the figures a store reviews its agents by (质量考核). Pure: it takes
 * analysed conversations; the caller reads them from the store.
 */
import { percentile } from '../reports/sla-report.ts';
import { formatDate } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';
import { ChatVerdict, type ConversationAnalysis } from './conversation.ts';

export const ChatGroupBy = { agent: 'agent', day: 'day', hour: 'hour' } as const;
export type ChatGroupBy = (typeof ChatGroupBy)[keyof typeof ChatGroupBy];

export interface ChatReportItem {
  /** An agent id (or `unassigned`), a day `YYYY-MM-DD`, or an hour `YYYY-MM-DD HH:00`, in the policy's zone. */
  key: string;
  /** Conversations whose greeting clock ran out in the group (its first customer message's `due`). */
  conversations: number;
  customerMessages: number;
  /** Greetings answered in time, of those decided (answered, or breached while waiting), in percent; null when none. */
  greetingWithinPct: number | null;
  /** Questions answered by an agent in time, of those decided, in percent; null when none. */
  replyWithinPct: number | null;
  /** On-duty seconds from a conversation's first customer message to its first agent message. */
  firstReplyP50Seconds: number | null;
  firstReplyP90Seconds: number | null;
  /** On-duty seconds from a question to its agent's answer (answered questions). */
  replyP50Seconds: number | null;
  replyP90Seconds: number | null;
  /** The longest on-duty wait for an agent's answer, unanswered questions included. */
  longestWaitSeconds: number | null;
  /** Late greetings plus late questions. */
  breaches: number;
}

/** Inclusive local days (day numbers of core/time/civil.ts) the report covers. */
export interface ChatReportRange {
  fromDay: number;
  toDay: number;
}

interface Bucket {
  conversations: number;
  customerMessages: number;
  greetings: { within: number; decided: number };
  questions: { within: number; decided: number };
  firstReplies: number[];
  replies: number[];
  longestWait: number | null;
  breaches: number;
}

/**
 * Groups analysed conversations; rows sorted by key. Customer messages count where they were
 * sent; a greeting or question (and its breach) counts in the day and hour its on-duty clock ran
 * out (`due`), so a question asked overnight is the next shift's first on-duty hour, not the
 * evening's (issue 28 item 15: the heat map shows when answers were owed).
 */
export function chatReport(conversations: readonly ConversationAnalysis[], groupBy: ChatGroupBy, zone: Zone, range: ChatReportRange): ChatReportItem[] {
  const buckets = new Map<string, Bucket>();
  const inRange = (ms: number): boolean => {
    const day = zone.dayOf(ms);
    return day >= range.fromDay && day <= range.toDay;
  };
  const bucket = (agentKey: string, at: number): Bucket => {
    const key = groupBy === ChatGroupBy.agent ? agentKey : timeKey(zone, at, groupBy);
    let b = buckets.get(key);
    if (b === undefined) {
      b = { conversations: 0, customerMessages: 0, greetings: { within: 0, decided: 0 }, questions: { within: 0, decided: 0 }, firstReplies: [], replies: [], longestWait: null, breaches: 0 };
      buckets.set(key, b);
    }
    return b;
  };

  for (const c of conversations) {
    for (const at of c.customerMessageTimes) if (inRange(at)) bucket(c.agentId, at).customerMessages++;
    const g = c.greeting;
    if (g !== undefined && inRange(g.due)) {
      const b = bucket(c.agentId, g.due);
      b.conversations++;
      if (g.verdict !== ChatVerdict.pending) b.greetings.decided++;
      if (g.verdict === ChatVerdict.within) b.greetings.within++;
      if (g.verdict === ChatVerdict.breached) b.breaches++;
      if (c.firstReplySeconds !== undefined) b.firstReplies.push(c.firstReplySeconds);
    }
    for (const q of c.questions) {
      if (!inRange(q.due)) continue;
      const b = bucket(q.agentId, q.due);
      if (q.verdict !== ChatVerdict.pending) b.questions.decided++;
      if (q.verdict === ChatVerdict.within) b.questions.within++;
      if (q.verdict === ChatVerdict.breached) b.breaches++;
      if (q.answeredAt !== undefined) b.replies.push(q.waitSeconds);
      b.longestWait = Math.max(b.longestWait ?? 0, q.waitSeconds);
    }
  }

  return [...buckets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, b]) => {
      const firstReplies = [...b.firstReplies].sort((x, y) => x - y);
      const replies = [...b.replies].sort((x, y) => x - y);
      return {
        key,
        conversations: b.conversations,
        customerMessages: b.customerMessages,
        greetingWithinPct: pct(b.greetings.within, b.greetings.decided),
        replyWithinPct: pct(b.questions.within, b.questions.decided),
        firstReplyP50Seconds: round1(percentile(firstReplies, 50)),
        firstReplyP90Seconds: round1(percentile(firstReplies, 90)),
        replyP50Seconds: round1(percentile(replies, 50)),
        replyP90Seconds: round1(percentile(replies, 90)),
        longestWaitSeconds: round1(b.longestWait),
        breaches: b.breaches,
      };
    });
}

function timeKey(zone: Zone, at: number, groupBy: 'day' | 'hour'): string {
  const day = formatDate(zone.dayOf(at));
  if (groupBy === ChatGroupBy.day) return day;
  return `${day} ${String(Math.floor(zone.minuteOfDay(at) / 60)).padStart(2, '0')}:00`;
}

function pct(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
