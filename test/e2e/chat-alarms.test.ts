/**
 * Chat breaches reach the group like step breaches (service-standards.md §9: "Chat breaches (§10)
 * are alarm events like step breaches: routed to the robots and counted in the daily summary"),
 * on the real runtime with the signed DingTalk robot fake: one message per conversation, digested
 * with what else fell due, and the 18:00 summary counting every late greeting and reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from './platform.ts';

const at = (hms: string): string => `2026-11-30T${hms}+08:00`;
const message = (conversationId: string, messageId: string, from: 'customer' | 'agent', hms: string, agentId?: string): Record<string, unknown> => ({
  conversationId,
  messageId,
  from,
  sentAt: at(hms),
  ...(agentId ? { agentId } : {}),
  text: '在吗?',
});

describe('chat breaches as alarms', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await TestPlatform.start(at('10:00:00'));
  }, 120_000);
  afterAll(async () => {
    await p.stop();
  });

  // §10: "顾客首次到访打招呼的时间不能超过30秒 … 每次回答顾客问题,顾客等待时间不能超过1分钟".
  it('posts one message per conversation however many of its standards run late, digested with the other conversation', async () => {
    // conv-x: nobody greets or answers — the greeting is late at 10:00:30, the question at 10:01:00.
    await p.storefront('chat.message', message('conv-x', 'x1', 'customer', '10:00:00'));
    // conv-y: li answers after 90 s.
    await p.storefront('chat.message', message('conv-y', 'y1', 'customer', '10:00:10'));
    await p.advanceTo(at('10:01:40'));
    await p.storefront('chat.message', message('conv-y', 'y2', 'agent', '10:01:40', 'li'));
    await p.advanceTo(at('10:05:00'));

    expect(p.bus.ofType('ChatGreetingBreached').map((e) => e.detail.conversationId).sort()).toEqual(['conv-x', 'conv-y']);
    expect(p.bus.ofType('ChatReplyBreached').map((e) => e.detail.conversationId).sort()).toEqual(['conv-x', 'conv-y']);
    const texts = p.robot.texts();
    const about = (id: string): string[] => texts.filter((t) => t.includes(`会话 ${id}`));
    // Four breaches, two conversations: each conversation is named once, in Chinese, with its times.
    expect(about('conv-x')).toHaveLength(1);
    expect(about('conv-y')).toHaveLength(1);
    // Both greetings fell due within the 30 s digest window: one digest lists the two conversations.
    expect(about('conv-x')[0]).toContain('会话 conv-y');
    expect(texts.join('\n').split('会话 conv-x').length - 1).toBe(1);
    expect(texts.join('\n')).toContain('顾客 11-30 10:00:00 提问,截止 11-30 10:00:30,仍未回复');
    expect(texts.join('\n')).toContain('问候超时');
    expect(p.robot.answers.every((a) => (a.body as { errcode?: number }).errcode === 0)).toBe(true);

    // A later late reply in conv-y raises no second message about it.
    await p.storefront('chat.message', message('conv-y', 'y3', 'customer', '10:05:00'));
    await p.advanceTo(at('10:07:00'));
    expect(p.bus.ofType('ChatReplyBreached')).toHaveLength(3);
    expect(p.robot.texts().filter((t) => t.includes('会话 conv-y'))).toHaveLength(1);
  });

  it('counts every late greeting and reply of the day in the 18:00 summary', async () => {
    await p.advanceTo(at('18:00:30'));
    const summary = p.robot.texts().find((t) => t.includes('【SLA日报】11-30'));
    expect(summary).toBeDefined();
    // conv-x: greeting + question; conv-y: greeting, question at 10:00:10, question at 10:05.
    expect(summary).toContain('售前咨询超时 5 次(问候 2,回复 3)');
  }, 120_000);
});
