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

/** A conversation holds at most this many messages (DynamoDB's 400 KB item limit, with room to spare). */
export const MAX_MESSAGES_PER_CONVERSATION = 3_000;
