/**
 * Where conversations live (service-standards.md §10: state per conversation, no case and no
 * workflow per message). The DynamoDB adapter is adapters/chat/; the core sees only this.
 */
import type { ChatMessage } from './message.ts';

export interface StoredConversation {
  conversationId: string;
  messages: ChatMessage[];
  /** The standards already announced as breached (`greeting`, `reply@<askedAt ms>`), so each is announced once. */
  announced: string[];
  /** Local day (`YYYY-MM-DD`, policy zone) of the first message: reports find conversations by it. */
  day: string;
  /**
   * Every local day (`YYYY-MM-DD`, sorted) with a customer message: a conversation reopened days
   * later is found on each of them, so its questions count in the range they were asked in (§10).
   */
  days: string[];
  /** When the conversation must be looked at again (a pending greeting or question falls due), epoch ms. */
  nextDue: number | undefined;
  /** Optimistic-concurrency version; 0 for a conversation not stored yet. */
  version: number;
}

export interface ConversationStore {
  get(conversationId: string): Promise<StoredConversation | undefined>;
  /**
   * Writes `next` if the stored version is still `next.version - 1` (or absent when that is 0).
   * Returns false when someone else wrote first: the caller reloads and merges again.
   * `previous` is the version `next` was merged from: only days it did not have are indexed anew.
   */
  put(next: StoredConversation, previous?: StoredConversation): Promise<boolean>;
  /** Marks a breach announced; false when it already was (a second timer or a redelivery). */
  announce(conversationId: string, key: string): Promise<boolean>;
  /** Every conversation with a customer message on the local day `YYYY-MM-DD` (`days`), each once. */
  listByDay(day: string): Promise<StoredConversation[]>;
}

/** A conversation holds at most this many messages (and at most MAX_CONVERSATION_BYTES of them). */
export const MAX_MESSAGES_PER_CONVERSATION = 3_000;

/**
 * The most bytes a conversation's stored messages may take (`conversationBytes`). One item holds
 * the whole conversation and DynamoDB takes at most 400 KB an item; the rest of it — the announced
 * breaches (one `reply@<ms>` of 19 bytes per question at most: 57 KB for 3,000 messages), the id
 * four times (≤ 4 KB) and the other attributes — fits in what this leaves. With ids of the allowed
 * 256 characters a message takes about 540 bytes, so such a conversation ends near 570 messages;
 * with ids of 10–20 characters, 3,000 messages take about 150 KB.
 */
export const MAX_CONVERSATION_BYTES = 300 * 1024;

const utf8 = new TextEncoder();
/** Bytes of JSON punctuation, the sender code and a 13-digit `sentAt` per stored message (at most 21; rounded up). */
const PER_MESSAGE_BYTES = 24;

/** An upper bound of the bytes `messages` take stored (adapters/chat packs each as `[id, sender, sentAt, agentId?]` in JSON). */
export function conversationBytes(messages: readonly ChatMessage[]): number {
  let bytes = 0;
  for (const m of messages) bytes += PER_MESSAGE_BYTES + utf8.encode(JSON.stringify(m.messageId)).length + (m.agentId === undefined ? 0 : utf8.encode(JSON.stringify(m.agentId)).length + 1);
  return bytes;
}
