import { describe, expect, it } from 'vitest';
import { analyzeConversation } from '../../../core/chat/conversation.ts';
import type { ChatMessage, ChatSender } from '../../../core/chat/message.ts';
import { marketplaceMeasures } from '../../../core/chat/marketplaces.ts';
import { parseDate } from '../../../core/time/civil.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const policy = getDefaultPolicy();
const at = (date: string, hms: string): number => Date.parse(`${date}T${hms}+08:00`);
function conversation(id: string, date: string, lines: [ChatSender, string, string?][]): ChatMessage[] {
  return lines.map(([from, hms, agentId], i) => ({ conversationId: id, messageId: `${id}-${i}`, from, sentAt: at(date, hms), ...(agentId ? { agentId } : {}) }));
}
const day = parseDate('2026-11-30')!;
const measure = (lines: ChatMessage[][], asOf = at('2026-11-30', '23:59:00')) =>
  marketplaceMeasures(
    lines.map((m) => analyzeConversation(m, policy.chat, asOf)),
    { zone: policy.zone, range: { fromDay: day, toDay: day }, asOf, taobaoServiceHours: policy.assessment.taobaoServiceHours },
  );

describe('the marketplaces\' chat measures', () => {
  it('Taobao 3-minute response rate = rounds in service hours (08:00–23:00) an agent answered within 180 s ÷ rounds decided; an auto-reply answers none', () => {
    const [li] = measure([
      conversation('a', '2026-11-30', [['customer', '10:00:00'], ['auto', '10:00:01'], ['agent', '10:03:00', 'li']]), // 180 s: within
      conversation('b', '2026-11-30', [['customer', '11:00:00'], ['agent', '11:03:01', 'li']]), // 181 s: late
      conversation('c', '2026-11-30', [['customer', '07:59:00'], ['agent', '08:30:00', 'li']]), // asked before 08:00: not counted
    ]);
    expect(li).toMatchObject({ agent: 'li', taobao3MinResponse: { counted: 2, within: 1, pct: 50 } });
  });

  it('JD 30-second response rate counts only a session\'s first question, asked 09:00–23:00; a question 10 minutes after the last message starts a new session', () => {
    const [wang] = measure([
      // Session 1 at 09:00 answered in 20 s; the follow-up 5 min later is the same session (not counted);
      // 11 min after that a new session, answered in 45 s.
      conversation('a', '2026-11-30', [['customer', '09:00:00'], ['agent', '09:00:20', 'wang'], ['customer', '09:05:20'], ['agent', '09:07:00', 'wang'], ['customer', '09:18:01'], ['agent', '09:18:46', 'wang']]),
      conversation('b', '2026-11-30', [['customer', '08:50:00'], ['agent', '08:50:05', 'wang']]), // before 09:00: 留言, not counted
    ]);
    expect(wang!.jd30sResponse).toEqual({ counted: 2, within: 1, pct: 50 });
  });

  it('Pinduoduo valid reply rate = consumer-days with every question of 08:00–23:00 answered within 1 h ÷ consumer-days; one late answer spoils the day', () => {
    const [zhao] = measure([
      conversation('a', '2026-11-30', [['customer', '10:00:00'], ['agent', '10:59:00', 'zhao'], ['customer', '12:00:00'], ['agent', '13:00:01', 'zhao']]), // second late: invalid
      conversation('b', '2026-11-30', [['customer', '10:00:00'], ['agent', '10:10:00', 'zhao'], ['customer', '15:00:00'], ['agent', '15:30:00', 'zhao']]), // valid
    ]);
    expect(zhao!.pdd1hValidReply).toEqual({ counted: 2, within: 1, pct: 50 });
  });

  it('leaves an unanswered question whose window is still running out of both parts, and counts it late once the window passed', () => {
    const messages = [conversation('a', '2026-11-30', [['customer', '10:00:00'], ['agent', '10:00:05', 'li'], ['customer', '10:01:00']])];
    expect(measure(messages, at('2026-11-30', '10:02:00'))[0]!.taobao3MinResponse).toEqual({ counted: 1, within: 1, pct: 100 });
    expect(measure(messages, at('2026-11-30', '10:04:01'))[0]!.taobao3MinResponse).toEqual({ counted: 2, within: 1, pct: 50 });
  });
});
