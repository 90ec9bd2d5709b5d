/**
 * The chat standards end to end (service-standards.md §10): a pre-sale conversation replayed
 * through the signed storefront webhook on the real runtime, its breach announced on the bus by
 * the SQS-delayed chat timer within seconds of the deadline, exactly once, and the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from './platform.ts';

const at = (hms: string): string => `2026-11-30T${hms}+08:00`;
const message = (conversationId: string, messageId: string, from: 'customer' | 'agent' | 'auto', hms: string, agentId?: string): Record<string, unknown> => ({
  conversationId,
  messageId,
  from,
  sentAt: at(hms),
  ...(agentId ? { agentId } : {}),
  text: '这款手机有现货吗?',
});

describe('chat standards on the platform', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await TestPlatform.start(at('10:00:00'));
  }, 120_000);
  afterAll(async () => {
    await p.stop();
  });

  it('announces an unanswered question once, within seconds of its 60 s deadline, and reports it', async () => {
    // The customer asks at 10:00:00; the auto-reply greets at 10:00:01; no agent answers.
    const asked = await p.storefront('chat.message', message('conv-a', 'a1', 'customer', '10:00:00'));
    expect(asked).toMatchObject({ status: 202, body: { conversationId: 'conv-a', status: 'accepted' } });
    expect((await p.storefront('chat.message', message('conv-a', 'a2', 'auto', '10:00:01'))).status).toBe(202);

    await p.advanceTo(at('10:00:59'));
    expect(p.bus.ofType('ChatReplyBreached')).toEqual([]);
    await p.advanceTo(at('10:01:10'));
    const breaches = p.bus.ofType('ChatReplyBreached');
    expect(breaches).toHaveLength(1);
    expect(breaches[0]!.detail).toMatchObject({ conversationId: 'conv-a', standard: 'chat.reply', agentId: 'unassigned', due: '2026-11-30T02:01:00.000Z', waitSeconds: 61 });
    // Announced by the timer that fired at the deadline, not by a later sweep.
    expect(Date.parse(breaches[0]!.detail.breachedAt as string) - Date.parse('2026-11-30T02:01:00Z')).toBeLessThanOrEqual(10_000);
    expect(p.bus.ofType('ChatGreetingBreached')).toEqual([]);

    // The agent answers late; the same message is redelivered; nothing is announced twice.
    await p.storefront('chat.messages', { messages: [message('conv-a', 'a3', 'agent', '10:02:00', 'li'), message('conv-a', 'a3', 'agent', '10:02:00', 'li')] });
    await p.storefront('chat.message', message('conv-a', 'a3', 'agent', '10:02:00', 'li'));
    await p.advanceTo(at('10:30:00'));
    expect(p.bus.ofType('ChatReplyBreached')).toHaveLength(1);
  });

  it('reports greetings and replies per agent, out-of-order arrival included', async () => {
    // li answers conv-b within 20 s; its messages arrive in reverse order in one batch.
    const batch = await p.storefront('chat.messages', { messages: [message('conv-b', 'b2', 'agent', '10:31:20', 'li'), message('conv-b', 'b1', 'customer', '10:31:00')] });
    expect(batch).toMatchObject({ status: 202, body: { accepted: 2 } });
    await p.advanceTo(at('11:00:00'));

    const supervisor = p.staff('boss', ['supervisor']);
    const report = await supervisor.call<{ items: Record<string, unknown>[] }>('GET', '/reports/chat?from=2026-11-30&to=2026-11-30&groupBy=agent');
    expect(report.status).toBe(200);
    expect(report.body.items).toEqual([
      // conv-a: greeted by the auto-reply in 1 s, its question answered by li in 120 s (late); conv-b on time.
      expect.objectContaining({ key: 'li', conversations: 2, customerMessages: 2, greetingWithinPct: 100, replyWithinPct: 50, firstReplyP50Seconds: 20, longestWaitSeconds: 120, breaches: 1 }),
    ]);
    const csv = await supervisor.call<string>('GET', '/reports/chat?groupBy=hour', undefined, { accept: 'text/csv' });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('2026-11-30 10:00,2,2,');

    const refused = await p.staff('li', ['presales-cs']).call<{ error: { code: string } }>('GET', '/reports/chat');
    expect(refused.status).toBe(403);
  });

  it('refuses a malformed chat message with 400 naming the field, writing nothing', async () => {
    const bad = await p.storefront('chat.message', { conversationId: 'conv-c', messageId: 'c1', from: 'agent', sentAt: at('11:00:00') });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('data.agentId');
    const tooMany = await p.storefront('chat.messages', { messages: Array.from({ length: 101 }, (_, i) => message('conv-c', `m${i}`, 'customer', '11:00:00')) });
    expect(tooMany.status).toBe(400);
    const report = await p.staff('boss', ['supervisor']).call<{ items: { key: string; conversations: number }[] }>('GET', '/reports/chat?from=2026-11-30&to=2026-11-30&groupBy=day');
    expect(report.body.items).toEqual([expect.objectContaining({ key: '2026-11-30', conversations: 2 })]);
  });

  // service-standards.md §10: "Days and hours are those of the policy's time zone" and each question
  // counts where it was asked — a conversation reopened days later is in the later range too.
  it('counts a reopened conversation in the range its questions were asked in, whatever day it began', async () => {
    await p.storefront('chat.messages', { messages: [message('conv-r', 'r1', 'customer', '11:00:00'), message('conv-r', 'r2', 'agent', '11:00:20', 'wang')] });
    await p.advanceTo('2026-12-02T10:00:00+08:00');
    // Two days later the same customer writes again; wang answers after 90 s (late).
    await p.storefront('chat.messages', {
      messages: [
        { ...message('conv-r', 'r3', 'customer', '11:10:00'), sentAt: '2026-12-02T10:00:00+08:00' },
        { ...message('conv-r', 'r4', 'agent', '11:10:00', 'wang'), sentAt: '2026-12-02T10:01:30+08:00' },
      ],
    });
    await p.advanceTo('2026-12-02T10:30:00+08:00');

    const supervisor = p.staff('boss', ['supervisor']);
    const later = await supervisor.call<{ items: Record<string, unknown>[] }>('GET', '/reports/chat?from=2026-12-02&to=2026-12-02&groupBy=agent');
    expect(later.body.items).toEqual([expect.objectContaining({ key: 'wang', conversations: 0, customerMessages: 1, replyWithinPct: 0, longestWaitSeconds: 90, breaches: 1 })]);
    // A range over both days counts the conversation once, each question in it once.
    const both = await supervisor.call<{ items: Record<string, unknown>[] }>('GET', '/reports/chat?from=2026-11-30&to=2026-12-02&groupBy=agent');
    expect(both.body.items).toContainEqual(expect.objectContaining({ key: 'wang', conversations: 1, customerMessages: 2, replyWithinPct: 50, breaches: 1 }));
  });
});
