import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../core/chat/message.ts';
import { conversationBytes, MAX_CONVERSATION_BYTES, MAX_MESSAGES_PER_CONVERSATION } from '../../../core/chat/repository.ts';
import { checkConversation, recordMessages } from '../../../functions/chat/conversations.ts';
import { uniqueId, useHarness } from '../harness.ts';

const { fresh } = useHarness();
const T0 = Date.parse('2026-11-30T10:00:00+08:00');

const msg = (conversationId: string, messageId: string, from: ChatMessage['from'], seconds: number, agentId?: string): ChatMessage => ({
  conversationId,
  messageId,
  from,
  sentAt: T0 + seconds * 1000,
  ...(agentId ? { agentId } : {}),
});

describe('recording chat messages (service-standards.md §10)', () => {
  it('stores a conversation once per delivery and leaves it untouched by a redelivery', async () => {
    const h = fresh('2026-11-30T10:00:30+08:00');
    const id = uniqueId('conv');
    await recordMessages(h, [msg(id, 'm1', 'customer', 0), msg(id, 'm2', 'agent', 20, 'li')]);
    const first = await h.conversations.get(id);
    expect(first).toMatchObject({ version: 1, day: '2026-11-30', nextDue: undefined });
    expect(first?.messages.map((m) => m.messageId)).toEqual(['m1', 'm2']);
    await recordMessages(h, [msg(id, 'm2', 'agent', 20, 'li'), msg(id, 'm1', 'customer', 0)]);
    expect((await h.conversations.get(id))?.version).toBe(1);
    expect(h.chatTimers.armed).toEqual([]);
  });

  it('keeps both of two concurrent deliveries to one conversation (a lost conditional write reloads and merges)', async () => {
    const h = fresh('2026-11-30T10:05:00+08:00');
    const id = uniqueId('conv');
    await Promise.all([recordMessages(h, [msg(id, 'a', 'customer', 0)]), recordMessages(h, [msg(id, 'b', 'agent', 10, 'li')]), recordMessages(h, [msg(id, 'c', 'customer', 30)])]);
    const stored = await h.conversations.get(id);
    expect(stored?.messages.map((m) => m.messageId)).toEqual(['a', 'b', 'c']);
  });

  it('arms the chat timer one millisecond past the reply deadline and announces the breach there, once', async () => {
    const h = fresh('2026-11-30T10:00:05+08:00');
    const id = uniqueId('conv');
    await recordMessages(h, [msg(id, 'q', 'customer', 0), msg(id, 'auto', 'auto', 1)]);
    expect(h.chatTimers.armed).toEqual([{ conversationId: id, due: T0 + 60_001 }]);
    await h.clock.advanceTo(T0 + 61_000);
    await checkConversation(h, id, T0 + 60_001);
    await checkConversation(h, id, T0 + 60_001);
    expect(h.events.ofType('ChatReplyBreached').map((e) => e.detail)).toEqual([expect.objectContaining({ conversationId: id, agentId: 'unassigned', waitSeconds: 61, answeredAt: null })]);
    expect(h.events.ofType('ChatGreetingBreached')).toEqual([]);
    expect((await h.conversations.get(id))?.announced).toEqual([`reply@${T0}`]);
  });

  it('announces a late answer that arrives after the fact, and a late greeting', async () => {
    const h = fresh('2026-11-30T10:10:00+08:00');
    const id = uniqueId('conv');
    await recordMessages(h, [msg(id, 'q', 'customer', 0), msg(id, 'a', 'agent', 95, 'wang')]);
    expect(h.events.ofType('ChatGreetingBreached').map((e) => e.detail)).toEqual([expect.objectContaining({ agentId: 'wang', standard: 'chat.greeting' })]);
    expect(h.events.ofType('ChatReplyBreached').map((e) => e.detail)).toEqual([expect.objectContaining({ agentId: 'wang', waitSeconds: 95 })]);
  });

  it('refuses a delivery that would make a conversation too long, before writing anything', async () => {
    const h = fresh('2026-11-30T12:00:00+08:00');
    const small = uniqueId('conv');
    const big = uniqueId('conv');
    const many = Array.from({ length: MAX_MESSAGES_PER_CONVERSATION + 1 }, (_, i) => msg(big, `m${i}`, 'customer', i));
    await expect(recordMessages(h, [msg(small, 'x', 'customer', 0), ...many])).rejects.toMatchObject({ name: 'ConversationTooLong', status: 400 });
    expect(await h.conversations.get(small)).toBeUndefined();
    expect(await h.conversations.get(big)).toBeUndefined();
  });

  describe('with ids at the allowed 256 characters (api.md chat.message: conversationId, messageId, agentId ≤ 256)', () => {
    const long = (prefix: string, i: number) => `${prefix}${i}`.padEnd(256, 'x');

    it('fills a conversation up to its byte budget, then refuses the next message with 400 naming the budget — never a 500 from an item over 400 KB', async () => {
      const h = fresh('2026-11-30T12:00:00+08:00');
      const id = uniqueId('conv').padEnd(256, 'c');
      const message = (i: number) => msg(id, long('m', i), 'agent', i, long('agent', i % 3));
      const perMessage = conversationBytes([message(0)]);
      const fits = Math.floor(MAX_CONVERSATION_BYTES / perMessage);
      expect(fits).toBeLessThan(MAX_MESSAGES_PER_CONVERSATION);
      // In batches, as a chat tool sends them.
      for (let start = 0; start < fits; start += 100) {
        await recordMessages(h, Array.from({ length: Math.min(100, fits - start) }, (_, k) => message(start + k)));
      }
      expect((await h.conversations.get(id))?.messages).toHaveLength(fits);

      const refused = recordMessages(h, [message(fits)]);
      await expect(refused).rejects.toMatchObject({ name: 'ConversationTooLong', status: 400 });
      await expect(refused).rejects.toThrow(`more than the ${MAX_CONVERSATION_BYTES} one conversation may take`);
      expect((await h.conversations.get(id))?.messages).toHaveLength(fits);
      // A redelivery of what is stored still answers (nothing new to add).
      await recordMessages(h, [message(0)]);
    });
  });
});
