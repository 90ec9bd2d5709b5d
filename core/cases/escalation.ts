/**
 * Who a step escalates to (service-standards.md §9, derived from "处理不了的及时上报"): the policy's
 * `escalation.levels` in order. A breach goes to the first level on duty at that moment; if none
 * is, to the first level, seen at its next shift start. A hand escalation of a step already
 * escalated goes on from the level after the current one. Pure: calendars in, a target out.
 */
import { isOnDuty, nextOnDuty } from '../calendar/business-time.ts';
import type { DutyCalendar } from '../calendar/duty-calendar.ts';

export interface EscalationLevel {
  role: string;
  calendar: DutyCalendar;
}

export interface EscalationTarget {
  role: string;
  /** 1 for the first level of `escalation.levels`. */
  level: number;
  /** When someone of that role is on duty to see it (epoch ms): `at` itself when on duty now. */
  seenAt: number;
}

/**
 * The level to escalate to at `at` (epoch ms), considering levels from `fromLevel` (1-based) on;
 * undefined when no level is left (the last level escalated already).
 */
export function escalationTarget(levels: readonly EscalationLevel[], at: number, fromLevel = 1): EscalationTarget | undefined {
  const candidates = levels.map((l, i) => ({ ...l, level: i + 1 })).filter((l) => l.level >= fromLevel);
  const onDuty = candidates.find((l) => isOnDuty(l.calendar, at));
  if (onDuty !== undefined) return { role: onDuty.role, level: onDuty.level, seenAt: at };
  const first = candidates[0];
  if (first === undefined) return undefined;
  return { role: first.role, level: first.level, seenAt: nextOnDuty(first.calendar, at) };
}
