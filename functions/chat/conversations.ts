/**
 * The chat standards' write path (service-standards.md §10), shared by the storefront webhook
 * (messages arrive) and the chat-timer function (a deadline passes): merge messages into the
 * conversation with one conditional write, announce each breach once, arm the next deadline.
 */
import { analyzeConversation, breachCheckAt, ChatVerdict, type ConversationAnalysis } from '../../core/chat/conversation.ts';
import { canonicalMessages, ChatSender, mergeMessages, type ChatMessage } from '../../core/chat/message.ts';
import { conversationBytes, MAX_CONVERSATION_BYTES, MAX_MESSAGES_PER_CONVERSATION, type ConversationStore, type StoredConversation } from '../../core/chat/repository.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { domainEvent } from '../../core/ports/event-schemas.ts';
import { DetailType, type EventPublisher } from '../../core/ports/events.ts';
import type { ChatTimers } from '../../core/ports/chat-timers.ts';
import { formatDate } from '../../core/time/civil.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { Zone } from '../../core/time/zone.ts';
import { ConversationTooLong, ConversationBusy } from './errors.ts';

export interface ChatDeps {
  conversations: ConversationStore;
  chatTimers: ChatTimers;
  events: EventPublisher;
  policy: CompiledPolicy;
  clock: Clock;
}

/** A lost race is retried this often: bursts of one conversation's messages come in order, so rarely. */
const MAX_WRITE_ATTEMPTS = 8;

/**
 * Records messages of any conversations: one conditional write per conversation that gained a
 * message (none for a redelivery), then the breaches they reveal and the next deadline. A
 * conversation that would exceed its message limit (3,000) or its byte budget (MAX_CONVERSATION_BYTES:
 * one DynamoDB item) refuses the whole request before anything is written (400 `ConversationTooLong`
 * naming the limit), never a 500 from an item over 400 KB.
 */
export async function recordMessages(deps: ChatDeps, messages: readonly ChatMessage[]): Promise<void> {
  const byConversation = new Map<string, ChatMessage[]>();
  for (const m of messages) byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m]);

  const loaded = await Promise.all([...byConversation].map(async ([id, arrived]) => ({ id, arrived, stored: await deps.conversations.get(id) })));
  for (const { id, arrived, stored } of loaded) {
    const { messages: merged } = mergeMessages(stored?.messages ?? [], arrived);
    if (merged.length > MAX_MESSAGES_PER_CONVERSATION) throw new ConversationTooLong(id, `more than ${MAX_MESSAGES_PER_CONVERSATION} messages`);
    const bytes = conversationBytes(merged);
    if (bytes > MAX_CONVERSATION_BYTES) throw new ConversationTooLong(id, `${bytes} bytes of messages, more than the ${MAX_CONVERSATION_BYTES} one conversation may take (long message and agent ids take more)`);
  }
  await Promise.all(loaded.map(({ id, arrived, stored }) => recordConversation(deps, id, arrived, stored)));
}

async function recordConversation(deps: ChatDeps, conversationId: string, arrived: readonly ChatMessage[], first: StoredConversation | undefined): Promise<void> {
  let stored = first;
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const { messages, added } = mergeMessages(stored?.messages ?? [], arrived);
    if (added === 0) return;
    // Sorted once: stored in canonical order, its first message names the conversation's day.
    const ordered = canonicalMessages(messages);
    const analysis = analyzeConversation(ordered, deps.policy.chat, deps.clock.now());
    const next: StoredConversation = {
      conversationId,
      messages: ordered,
      announced: stored?.announced ?? [],
      day: formatDate(deps.policy.zone.dayOf(ordered[0]!.sentAt)),
      days: customerDays(ordered, deps.policy.zone),
      nextDue: analysis.nextDue,
      version: (stored?.version ?? 0) + 1,
    };
    if (await deps.conversations.put(next, stored)) {
      await announceBreaches(deps, next, analysis);
      if (analysis.nextDue !== undefined && analysis.nextDue !== stored?.nextDue) await deps.chatTimers.arm({ conversationId, due: breachCheckAt(deps.policy.chat.calendar, analysis.nextDue) });
      return;
    }
    stored = await deps.conversations.get(conversationId);
  }
  throw new ConversationBusy(conversationId);
}

/**
 * Looks at a conversation whose deadline came (the chat-timer function, `armedFor` being the
 * timer's instant): announces what is now breached and arms the next pending deadline. A timer for a conversation that changed since is
 * harmless: the analysis is of the stored state now.
 */
export async function checkConversation(deps: ChatDeps, conversationId: string, armedFor: number): Promise<void> {
  const stored = await deps.conversations.get(conversationId);
  if (stored === undefined) return;
  const analysis = analyzeConversation(stored.messages, deps.policy.chat, deps.clock.now());
  await announceBreaches(deps, stored, analysis);
  if (analysis.nextDue === undefined) return;
  // At its check instant a pending deadline is breached, so a next one is always later.
  const next = breachCheckAt(deps.policy.chat.calendar, analysis.nextDue);
  if (next > armedFor) await deps.chatTimers.arm({ conversationId, due: next });
}

/** Announces each breached greeting and question once (a conditional mark per breach, then the event). */
async function announceBreaches(deps: ChatDeps, conversation: StoredConversation, analysis: ConversationAnalysis): Promise<void> {
  const now = new Date(deps.clock.now()).toISOString();
  const iso = (ms: number): string => new Date(ms).toISOString();
  const role = deps.policy.chat.calendar.id;
  const g = analysis.greeting;
  if (g !== undefined && g.verdict === ChatVerdict.breached && !conversation.announced.includes('greeting') && (await deps.conversations.announce(conversation.conversationId, 'greeting'))) {
    await deps.events.publish([
      domainEvent(DetailType.ChatGreetingBreached, {
        conversationId: conversation.conversationId,
        standard: 'chat.greeting',
        role,
        agentId: analysis.agentId,
        askedAt: iso(g.askedAt),
        due: iso(g.due),
        breachedAt: now,
        answeredAt: g.answeredAt === undefined ? null : iso(g.answeredAt),
      }),
    ]);
  }
  for (const q of analysis.questions) {
    const key = `reply@${q.askedAt}`;
    if (q.verdict !== ChatVerdict.breached || conversation.announced.includes(key)) continue;
    if (!(await deps.conversations.announce(conversation.conversationId, key))) continue;
    await deps.events.publish([
      domainEvent(DetailType.ChatReplyBreached, {
        conversationId: conversation.conversationId,
        standard: 'chat.reply',
        role,
        agentId: q.agentId,
        askedAt: iso(q.askedAt),
        due: iso(q.due),
        breachedAt: now,
        answeredAt: q.answeredAt === undefined ? null : iso(q.answeredAt),
        waitSeconds: q.waitSeconds,
      }),
    ]);
  }
}

/** The local days with a customer message, sorted: the days the chat report finds the conversation on. */
function customerDays(messages: readonly ChatMessage[], zone: Zone): string[] {
  const days = new Set(messages.filter((m) => m.from === ChatSender.customer).map((m) => formatDate(zone.dayOf(m.sentAt))));
  return [...days].sort();
}
