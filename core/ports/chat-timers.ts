/**
 * Second-precision timers for chat deadlines (service-standards.md §10: a breach is announced
 * within about 10 s). EventBridge Scheduler fires with 60-second precision, so on AWS these are
 * SQS messages with `DelaySeconds` (at most 900 s: a longer wait is re-armed when it arrives);
 * locally the same SQS API on the project's emulator.
 */
export interface ChatTimerPayload {
  conversationId: string;
  /** The instant to look at the conversation again, epoch ms. */
  due: number;
}

export interface ChatTimers {
  /** Arms a timer; the chat-timer function receives the payload at (or just after) `due`. */
  arm(payload: ChatTimerPayload): Promise<void>;
}
