import type { FunctionDecl, QueueDecl } from '../../platform/manifest-types.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { eventBus } from '../../adapters/events/bus.ts';

const CHAT_TIMER_ID = 'chat-timer';
const CHAT_TIMERS_QUEUE_ID = 'chat-timers';

/** Looks at a conversation when a chat deadline passes (service-standards.md §10): announces breaches, arms the next deadline. */
export const chatTimerFunction: FunctionDecl = {
  id: CHAT_TIMER_ID,
  entry: 'functions/chat-timer/handler.ts',
  timeoutSeconds: 30,
  access: { tables: [{ id: casesTable.id, access: 'readwrite' }], buses: [eventBus.id], queues: [CHAT_TIMERS_QUEUE_ID] },
};

/** Second-precision chat deadlines: SQS messages delayed until due, consumed by the chat-timer function. */
export const chatTimersQueue: QueueDecl = { id: CHAT_TIMERS_QUEUE_ID, consumer: CHAT_TIMER_ID, batchSize: 10, maxReceiveCount: 5 };
