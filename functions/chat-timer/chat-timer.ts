/**
 * The chat-timer function's logic: one SQS record is one chat timer (core/ports/chat-timers.ts).
 * A timer that arrives early (SQS delays at most 900 s) is sent on; a due one has its
 * conversation looked at (functions/chat/conversations.ts).
 */
import { z } from 'zod';
import { checkConversation, type ChatDeps } from '../chat/conversations.ts';

const chatTimerPayload = z.strictObject({ conversationId: z.string().min(1), due: z.number().int() });

/** Handles one record's body; throws on a malformed one (it is reported as a batch item failure). */
export async function onChatTimer(deps: ChatDeps, body: string): Promise<void> {
  const timer = chatTimerPayload.parse(JSON.parse(body));
  if (deps.clock.now() < timer.due) {
    await deps.chatTimers.arm(timer);
    return;
  }
  await checkConversation(deps, timer.conversationId, timer.due);
}
