/**
 * The chat response rules of service-standards.md §10, as a pure function of a conversation's
 * messages: its greeting, its questions, their on-duty waits and breaches. Arrival order and
 * duplicates never change the result (messages are put in canonical order first).
 */
import { addOnDuty, nextOnDuty, onDutyBetween } from '../calendar/business-time.ts';
import type { DutyCalendar } from '../calendar/duty-calendar.ts';
import { canonicalMessages, ChatSender, type ChatMessage } from './message.ts';
import type { ChatStandards } from './standards.ts';

/** The agent a wait belongs to when no agent has spoken in the conversation (§10). */
export const UNASSIGNED = 'unassigned';

/** Where a standard stands at the analysis instant. */
export const ChatVerdict = { within: 'within', breached: 'breached', pending: 'pending' } as const;
export type ChatVerdict = (typeof ChatVerdict)[keyof typeof ChatVerdict];

/** `chat.greeting`: the first customer message and the first answer of any kind after it. */
export interface ChatGreeting {
  askedAt: number;
  answeredAt: number | undefined;
  /** On-duty seconds from `askedAt` to the answer, or to the analysis instant while unanswered. */
  waitSeconds: number;
  /** The instant `greetingSeconds` of on-duty time after `askedAt`. */
  due: number;
  verdict: ChatVerdict;
}

/** `chat.reply`: a run of consecutive customer messages and the agent message that ends it. */
export interface ChatQuestion {
  /** The run's first customer message: the clock starts there (§10). */
  askedAt: number;
  customerMessages: number;
  answeredAt: number | undefined;
  /** The answering agent; unanswered: the conversation's last agent so far, else `unassigned`. */
  agentId: string;
  waitSeconds: number;
  due: number;
  verdict: ChatVerdict;
}

export interface ConversationAnalysis {
  conversationId: string;
  /** The first agent who answered, else `unassigned`: conversation-level figures are theirs. */
  agentId: string;
  /** Send times of the customer's messages, epoch ms, in order. */
  customerMessageTimes: number[];
  /** Undefined until the customer has written. */
  greeting: ChatGreeting | undefined;
  /** On-duty seconds from the first customer message to the first agent message, once there is one. */
  firstReplySeconds: number | undefined;
  questions: ChatQuestion[];
  /** The earliest due of a pending greeting or question: when the conversation must be looked at again. */
  nextDue: number | undefined;
}

/**
 * Analyses one conversation as of `asOf` (epoch ms): unanswered greetings and questions are
 * breached once more on-duty time than their budget has passed by then, else pending.
 * Waits are in on-duty seconds of `standards.calendar` (§10: "Chat clocks run in seconds of
 * presales-cs on-duty time"), so an off-duty question starts counting when the shift opens and
 * an "away" auto-reply off duty greets in time.
 */
export function analyzeConversation(messages: readonly ChatMessage[], standards: ChatStandards, asOf: number): ConversationAnalysis {
  const ordered = canonicalMessages(messages);
  const conversationId = ordered[0]?.conversationId ?? '';
  const customerMessageTimes: number[] = [];
  const questions: ChatQuestion[] = [];
  let greeting: ChatGreeting | undefined;
  let firstAgent: string | undefined;
  let lastAgent: string | undefined;
  let firstReplySeconds: number | undefined;
  let open: { askedAt: number; customerMessages: number } | undefined;

  const waited = (from: number, to: number): number => onDutyBetween(standards.calendar, from, to) / 1000;
  const judge = (from: number, answeredAt: number | undefined, budget: number): Pick<ChatQuestion, 'waitSeconds' | 'due' | 'verdict'> => {
    const waitSeconds = waited(from, answeredAt ?? Math.max(from, asOf));
    const due = addOnDuty(standards.calendar, from, budget * 1000);
    const verdict = waitSeconds > budget ? ChatVerdict.breached : answeredAt !== undefined ? ChatVerdict.within : ChatVerdict.pending;
    return { waitSeconds, due, verdict };
  };

  for (const m of ordered) {
    if (m.from === ChatSender.customer) {
      customerMessageTimes.push(m.sentAt);
      if (greeting === undefined) greeting = { askedAt: m.sentAt, answeredAt: undefined, waitSeconds: 0, due: 0, verdict: ChatVerdict.pending };
      if (open === undefined) open = { askedAt: m.sentAt, customerMessages: 0 };
      open.customerMessages++;
      continue;
    }
    if (greeting !== undefined && greeting.answeredAt === undefined) greeting.answeredAt = m.sentAt;
    if (m.from !== ChatSender.agent) continue; // auto-replies answer the greeting only (§10)
    const agentId = m.agentId ?? UNASSIGNED;
    lastAgent = agentId;
    if (greeting === undefined) continue; // an agent writing first answers no question
    firstAgent ??= agentId;
    firstReplySeconds ??= waited(greeting.askedAt, m.sentAt);
    if (open !== undefined) {
      questions.push({ askedAt: open.askedAt, customerMessages: open.customerMessages, answeredAt: m.sentAt, agentId, ...judge(open.askedAt, m.sentAt, standards.replySeconds) });
      open = undefined;
    }
  }
  if (open !== undefined) {
    questions.push({ askedAt: open.askedAt, customerMessages: open.customerMessages, answeredAt: undefined, agentId: lastAgent ?? UNASSIGNED, ...judge(open.askedAt, undefined, standards.replySeconds) });
  }
  if (greeting !== undefined) Object.assign(greeting, judge(greeting.askedAt, greeting.answeredAt, standards.greetingSeconds));

  const pendingDues = [greeting, ...questions].filter((x) => x !== undefined && x.verdict === ChatVerdict.pending).map((x) => (x as ChatGreeting).due);
  return {
    conversationId,
    agentId: firstAgent ?? UNASSIGNED,
    customerMessageTimes,
    greeting,
    firstReplySeconds,
    questions,
    nextDue: pendingDues.length === 0 ? undefined : Math.min(...pendingDues),
  };
}

/**
 * The first instant at which a greeting or question still unanswered at `due` is breached: a wait
 * of exactly the budget is within it (§10: "within 60 s"), so one millisecond of on-duty time
 * later — the next morning when `due` is the end of a shift.
 */
export function breachCheckAt(calendar: DutyCalendar, due: number): number {
  return nextOnDuty(calendar, due) + 1;
}
