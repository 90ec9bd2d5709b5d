/**
 * Chat messages as the chat standards see them (service-standards.md §10, api.md `chat.message`):
 * who sent what when, never the text itself (privacy: its length is enough).
 */

/** Who sent a message: the customer, a human agent, or the chat tool's auto-reply. */
export const ChatSender = { customer: 'customer', agent: 'agent', auto: 'auto' } as const;
export type ChatSender = (typeof ChatSender)[keyof typeof ChatSender];

export interface ChatMessage {
  conversationId: string;
  /** Unique within its conversation: a message counts once however often it arrives (§10). */
  messageId: string;
  from: ChatSender;
  /** When the message was sent, epoch ms. */
  sentAt: number;
  /** The answering agent's id; set when `from` is `agent`. */
  agentId?: string;
}

/**
 * A conversation's messages in a canonical order — by `sentAt`, then `messageId` — with duplicate
 * `messageId`s counted once, so that every analysis is independent of arrival order (§10). Of two
 * arrivals of one `messageId` that disagree, the earliest-sent one is kept (ties: the smaller
 * sender, then agent id), again independent of order.
 */
export function canonicalMessages(messages: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const m of messages) {
    const seen = byId.get(m.messageId);
    if (seen === undefined || compareArrival(m, seen) < 0) byId.set(m.messageId, m);
  }
  return [...byId.values()].sort((a, b) => a.sentAt - b.sentAt || compareText(a.messageId, b.messageId));
}

function compareArrival(a: ChatMessage, b: ChatMessage): number {
  return a.sentAt - b.sentAt || compareText(a.from, b.from) || compareText(a.agentId ?? '', b.agentId ?? '');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Adds newly arrived messages to a conversation's stored ones: the stored list grows only by
 * `messageId`s it does not hold yet, so a redelivered message changes nothing (`added` is 0).
 */
export function mergeMessages(stored: readonly ChatMessage[], arrived: readonly ChatMessage[]): { messages: ChatMessage[]; added: number } {
  const known = new Set(stored.map((m) => m.messageId));
  const fresh = canonicalMessages(arrived.filter((m) => !known.has(m.messageId)));
  return { messages: fresh.length === 0 ? [...stored] : [...stored, ...fresh], added: fresh.length };
}
