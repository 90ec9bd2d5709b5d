import type { DutyCalendar } from '../calendar/duty-calendar.ts';

/**
 * The chat response standards of a store (service-standards.md §10; defaults from the seed §2.1:
 * greet within 30 s, answer every question within 60 s), with the calendar their clocks run on.
 */
export interface ChatStandards {
  /** The on-duty calendar of the answering role (`presales-cs` by default). */
  calendar: DutyCalendar;
  /** `chat.greeting`: on-duty seconds from a conversation's first customer message to any answer. */
  greetingSeconds: number;
  /** `chat.reply`: on-duty seconds from a question to an agent's answer. */
  replySeconds: number;
}
