import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeConversation, breachCheckAt, ChatVerdict, UNASSIGNED } from '../../../core/chat/conversation.ts';
import type { ChatMessage, ChatSender } from '../../../core/chat/message.ts';
import type { ChatStandards } from '../../../core/chat/standards.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const policy = getDefaultPolicy();
// presales-cs: 08:00–20:00 every day (service-standards.md §1).
const standards: ChatStandards = { calendar: policy.roles.get('presales-cs')!.calendar, greetingSeconds: 30, replySeconds: 60 };

/** Monday 2026-11-30 at hh:mm:ss Asia/Shanghai, epoch ms. */
const at = (hms: string): number => Date.parse(`2026-11-30T${hms}+08:00`);

let seq = 0;
const msg = (from: ChatSender, hms: string, agentId?: string): ChatMessage => ({
  conversationId: 'conv-1',
  messageId: `m${++seq}`,
  from,
  sentAt: at(hms),
  ...(agentId !== undefined ? { agentId } : {}),
});

describe('a chat conversation under the §10 standards', () => {
  it('greets in time and answers a question in time when an agent replies within 30 s', () => {
    const c = analyzeConversation([msg('customer', '10:00:00'), msg('agent', '10:00:20', 'li')], standards, at('11:00:00'));
    expect(c.greeting).toMatchObject({ waitSeconds: 20, verdict: ChatVerdict.within, due: at('10:00:30') });
    expect(c.questions).toEqual([expect.objectContaining({ askedAt: at('10:00:00'), agentId: 'li', waitSeconds: 20, verdict: ChatVerdict.within, due: at('10:01:00') })]);
    expect(c.firstReplySeconds).toBe(20);
    expect(c.agentId).toBe('li');
  });

  it('counts an auto-reply as the greeting but never as the answer to a question', () => {
    const c = analyzeConversation([msg('customer', '10:00:00'), msg('auto', '10:00:01'), msg('agent', '10:01:30', 'li')], standards, at('11:00:00'));
    expect(c.greeting).toMatchObject({ waitSeconds: 1, verdict: ChatVerdict.within });
    expect(c.questions[0]).toMatchObject({ waitSeconds: 90, verdict: ChatVerdict.breached, answeredAt: at('10:01:30') });
    expect(c.firstReplySeconds).toBe(90);
  });

  it('treats consecutive customer messages as one question timed from the first of the run', () => {
    const c = analyzeConversation(
      [msg('customer', '10:00:00'), msg('customer', '10:00:40'), msg('customer', '10:00:50'), msg('agent', '10:01:05', 'li'), msg('customer', '10:02:00'), msg('agent', '10:02:30', 'li')],
      standards,
      at('11:00:00'),
    );
    expect(c.questions.map((q) => [q.customerMessages, q.waitSeconds, q.verdict])).toEqual([
      [3, 65, ChatVerdict.breached],
      [1, 30, ChatVerdict.within],
    ]);
    expect(c.customerMessageTimes).toHaveLength(4);
  });

  it('leaves an unanswered question pending until its budget has passed, then breached, owned by the last agent', () => {
    const messages = [msg('customer', '10:00:00'), msg('agent', '10:00:10', 'wang'), msg('customer', '10:05:00')];
    const before = analyzeConversation(messages, standards, at('10:05:59'));
    expect(before.questions[1]).toMatchObject({ verdict: ChatVerdict.pending, agentId: 'wang', waitSeconds: 59 });
    expect(before.nextDue).toBe(at('10:06:00'));
    const after = analyzeConversation(messages, standards, at('10:06:01'));
    expect(after.questions[1]).toMatchObject({ verdict: ChatVerdict.breached, waitSeconds: 61 });
    expect(after.nextDue).toBeUndefined();
  });

  it('gives an unanswered question of a conversation no agent has joined to "unassigned"', () => {
    const c = analyzeConversation([msg('customer', '10:00:00')], standards, at('10:10:00'));
    expect(c.questions[0]).toMatchObject({ agentId: UNASSIGNED, verdict: ChatVerdict.breached });
    expect(c.greeting).toMatchObject({ verdict: ChatVerdict.breached, answeredAt: undefined });
    expect(c.agentId).toBe(UNASSIGNED);
  });

  it('starts the clock of a question asked off duty when the shift opens at 08:00, and the away auto-reply greets in time', () => {
    const c = analyzeConversation([msg('customer', '07:30:00'), msg('auto', '07:30:01'), msg('agent', '08:00:45', 'li')], standards, at('09:00:00'));
    expect(c.greeting).toMatchObject({ waitSeconds: 0, verdict: ChatVerdict.within });
    expect(c.questions[0]).toMatchObject({ waitSeconds: 45, verdict: ChatVerdict.within, due: at('08:01:00') });
  });

  it('counts a question asked just before 20:00 across the night into the next morning', () => {
    const c = analyzeConversation([msg('customer', '19:59:40'), msg('agent', '08:00:30', 'li')].map((m, i) => (i === 1 ? { ...m, sentAt: m.sentAt + 86_400_000 } : m)), standards, at('23:00:00') + 86_400_000);
    // 20 s before the shift ends, 30 s after it opens the next day: 50 s of on-duty time.
    expect(c.questions[0]).toMatchObject({ waitSeconds: 50, verdict: ChatVerdict.within, due: at('08:00:40') + 86_400_000 });
  });

  it('counts a message delivered twice once and ignores arrival order', () => {
    const a = msg('customer', '10:00:00');
    const b = msg('agent', '10:00:50', 'li');
    const c = analyzeConversation([b, a, b, a], standards, at('11:00:00'));
    expect(c.customerMessageTimes).toEqual([a.sentAt]);
    expect(c.questions).toHaveLength(1);
    expect(c.greeting?.verdict).toBe(ChatVerdict.breached); // 50 s > 30 s
  });

  it('does not treat an agent message before the customer writes as an answer', () => {
    const c = analyzeConversation([msg('agent', '09:59:00', 'li'), msg('customer', '10:00:00')], standards, at('10:00:10'));
    expect(c.greeting).toMatchObject({ verdict: ChatVerdict.pending, answeredAt: undefined });
    expect(c.questions[0]).toMatchObject({ agentId: 'li', verdict: ChatVerdict.pending });
    expect(c.firstReplySeconds).toBeUndefined();
  });
});

describe('order independence (property)', () => {
  const sender = fc.constantFrom<ChatSender>('customer', 'agent', 'auto');
  const conversation = fc.array(fc.record({ from: sender, offset: fc.integer({ min: 0, max: 36 * 3600 }), agent: fc.constantFrom('li', 'wang') }), { minLength: 1, maxLength: 25 }).map((raw) =>
    raw.map(
      (r, i): ChatMessage => ({
        conversationId: 'c',
        messageId: `m${i}`,
        from: r.from,
        sentAt: at('06:00:00') + r.offset * 1000,
        ...(r.from === 'agent' ? { agentId: r.agent } : {}),
      }),
    ),
  );

  it('gives the same analysis for any permutation and duplication of a conversation', () => {
    const permuted = conversation.chain((messages) =>
      fc.tuple(fc.constant(messages), fc.shuffledSubarray(messages, { minLength: messages.length, maxLength: messages.length }), fc.subarray(messages)),
    );
    fc.assert(
      fc.property(permuted, ([messages, shuffled, duplicates]) => {
        const asOf = at('06:00:00') + 40 * 3600_000;
        expect(analyzeConversation([...shuffled, ...duplicates], standards, asOf)).toEqual(analyzeConversation(messages, standards, asOf));
      }),
      { seed: 20261130, numRuns: 300 },
    );
  });
});

describe('when an unanswered deadline turns into a breach', () => {
  it('is one millisecond after the due instant on duty, and just after the shift opens when due at its end', () => {
    expect(breachCheckAt(standards.calendar, at('10:01:00'))).toBe(at('10:01:00') + 1);
    expect(breachCheckAt(standards.calendar, at('20:00:00'))).toBe(at('08:00:00') + 86_400_000 + 1);
  });
});
