/**
 * `chat.message` and `chat.messages` (api.md): messages feed the chat standards
 * (service-standards.md §10). They need no envelope idempotency record: a message is identified by
 * (`conversationId`, `messageId`) and counts once however often it arrives, so a redelivery writes
 * nothing and answers the same — and a delivery costs one write per conversation, not three.
 */
import type { ChatMessage } from '../../../core/chat/message.ts';
import type { StorefrontEventOf } from '../../../core/storefront/events.ts';
import { recordMessages, type ChatDeps } from '../../chat/conversations.ts';

type ChatMessageData = StorefrontEventOf<'chat.message'>['data'];

export type ChatEvent = StorefrontEventOf<'chat.message'> | StorefrontEventOf<'chat.messages'>;

export function isChatEvent(event: { type: string }): event is ChatEvent {
  return event.type === 'chat.message' || event.type === 'chat.messages';
}

/** Records the event's messages; the answer body of api.md (`{conversationId, status}` or `{accepted: N}`). */
export async function chatEvent(deps: ChatDeps, event: ChatEvent): Promise<Record<string, unknown>> {
  if (event.type === 'chat.message') {
    await recordMessages(deps, [toMessage(event.data)]);
    return { conversationId: event.data.conversationId, status: 'accepted' };
  }
  await recordMessages(deps, event.data.messages.map(toMessage));
  return { accepted: event.data.messages.length };
}

/** Who and when only: the text is not kept (§10, privacy). */
function toMessage(data: ChatMessageData): ChatMessage {
  return {
    conversationId: data.conversationId,
    messageId: data.messageId,
    from: data.from,
    sentAt: Date.parse(data.sentAt),
    ...(data.from === 'agent' && data.agentId !== undefined ? { agentId: data.agentId } : {}),
  };
}
