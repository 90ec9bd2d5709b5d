import { describe, expect, it } from 'vitest';
import { analyzeConversation } from '../../../core/chat/conversation.ts';
import type { ChatMessage, ChatSender } from '../../../core/chat/message.ts';
import { chatReport } from '../../../core/chat/report.ts';
import type { ChatStandards } from '../../../core/chat/standards.ts';
import { parseDate } from '../../../core/time/civil.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const policy = getDefaultPolicy();
const standards: ChatStandards = { calendar: policy.roles.get('presales-cs')!.calendar, greetingSeconds: 30, replySeconds: 60 };
const at = (date: string, hms: string): number => Date.parse(`${date}T${hms}+08:00`);

function conversation(id: string, date: string, lines: [ChatSender, string, string?][]): ChatMessage[] {
  return lines.map(([from, hms, agentId], i) => ({ conversationId: id, messageId: `${id}-${i}`, from, sentAt: at(date, hms), ...(agentId ? { agentId } : {}) }));
}

// Two days of a small shop: li answers quickly, wang is late once, one question waits unanswered.
const conversations = [
  conversation('a', '2026-11-30', [['customer', '10:00:00'], ['agent', '10:00:10', 'li'], ['customer', '10:01:00'], ['agent', '10:01:20', 'li']]),
  conversation('b', '2026-11-30', [['customer', '10:30:00'], ['auto', '10:30:01'], ['agent', '10:31:40', 'wang']]),
  conversation('c', '2026-11-30', [['customer', '14:00:00'], ['agent', '14:00:25', 'wang'], ['customer', '14:02:00']]),
  conversation('d', '2026-12-01', [['customer', '09:00:00'], ['agent', '09:00:40', 'li']]),
].map((m) => analyzeConversation(m, standards, at('2026-12-01', '12:00:00')));

const range = { fromDay: parseDate('2026-11-30')!, toDay: parseDate('2026-12-01')! };

describe('the chat report', () => {
  it('groups by agent: a question belongs to whoever answered it, an unanswered one to the last agent', () => {
    expect(chatReport(conversations, 'agent', policy.zone, range)).toEqual([
      {
        key: 'li',
        conversations: 2,
        customerMessages: 3,
        greetingWithinPct: 50, // a in 10 s; d in 40 s > 30 s
        replyWithinPct: 100, // 10 s, 20 s, 40 s
        firstReplyP50Seconds: 10,
        firstReplyP90Seconds: 40,
        replyP50Seconds: 20,
        replyP90Seconds: 40,
        longestWaitSeconds: 40,
        breaches: 1,
      },
      {
        key: 'wang',
        conversations: 2,
        customerMessages: 3,
        greetingWithinPct: 100, // b by the auto-reply in 1 s, c in 25 s
        replyWithinPct: 33.3, // c's first in 25 s; b 100 s late; c's second unanswered since 14:02
        firstReplyP50Seconds: 25,
        firstReplyP90Seconds: 100,
        replyP50Seconds: 25,
        replyP90Seconds: 100,
        // c's open question: 14:02 → 20:00 (21,480 s) and 08:00 → 12:00 next day (14,400 s).
        longestWaitSeconds: 35_880,
        breaches: 2,
      },
    ]);
  });

  it('groups by day and by hour of the policy zone', () => {
    expect(chatReport(conversations, 'day', policy.zone, range).map((r) => [r.key, r.conversations, r.customerMessages, r.breaches])).toEqual([
      ['2026-11-30', 3, 5, 2],
      ['2026-12-01', 1, 1, 1],
    ]);
    expect(chatReport(conversations, 'hour', policy.zone, range).map((r) => r.key)).toEqual(['2026-11-30 10:00', '2026-11-30 14:00', '2026-12-01 09:00']);
  });

  it('files an overnight question under the on-duty hour its clock ran out in, not the evening hour it was asked in', () => {
    // presales-cs is on duty 08:00–20:00: a question at 22:30 starts counting at 08:00 the next
    // morning and is late at 08:01 (§10 "Chat clocks run in seconds of presales-cs on-duty time").
    const night = analyzeConversation(
      conversation('n', '2026-11-30', [['customer', '22:30:00'], ['agent', '22:30:05', 'li'], ['customer', '22:40:00']]),
      standards,
      at('2026-12-01', '12:00:00'),
    );
    const rows = chatReport([night], 'hour', policy.zone, range);
    expect(rows.map((r) => [r.key, r.customerMessages, r.breaches])).toEqual([
      ['2026-11-30 22:00', 2, 0], // the messages were sent then; the greeting was answered off duty, in time
      ['2026-12-01 08:00', 0, 1], // the unanswered 22:40 question ran out at 08:01
    ]);
  });

  it('keeps only what happened within the inclusive date range', () => {
    const oneDay = { fromDay: range.toDay, toDay: range.toDay };
    expect(chatReport(conversations, 'agent', policy.zone, oneDay)).toEqual([expect.objectContaining({ key: 'li', conversations: 1, customerMessages: 1, breaches: 1 })]);
  });
});
