import type { TraceSegment } from '../calendar/business-time.ts';
import type { DutyCalendar } from '../calendar/duty-calendar.ts';
import { formatDuration, formatTimeOfDay } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';
import type { DeadlineRule } from './types.ts';

/**
 * Collects explanation lines. Lines are passed as thunks so that a disabled explainer (the hot
 * path) never formats a date.
 */
export class Explainer {
  readonly lines: string[] = [];
  constructor(readonly enabled: boolean) {}

  add(line: () => string): void {
    if (this.enabled) this.lines.push(line());
  }
}

const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
};

export function describeRule(rule: DeadlineRule, role: string): string {
  switch (rule.kind) {
    case 'business-minutes':
      return `${formatDuration(rule.minutes * 60_000)} of ${role} on-duty time`;
    case 'business-minutes-or-next-on-duty-day-by':
      return `${formatDuration(rule.minutes * 60_000)} of ${role} on-duty time; opened off duty: by ${formatTimeOfDay(rule.offDutyBy)} of the next on-duty day`;
    case 'on-duty-day-by':
      return `by ${formatTimeOfDay(rule.at)} of the ${role} on-duty day it arrived in (arrived later: of the next on-duty day)`;
    case 'working-days-end':
      return rule.at === undefined ? `by the end of the ${ordinal(rule.days)} working day after the day opened` : `by ${formatTimeOfDay(rule.at)} of the ${ordinal(rule.days)} working day after the day opened`;
    case 'same-day-end':
      return 'by the end of the calendar day opened';
    case 'pickup-batch':
      return 'the planned courier pickup batch for the order time';
    case 'by-fact':
      return `depends on ${rule.fact}`;
    case 'none':
      return 'no deadline';
  }
}

/**
 * Turns a business-time walk into timeline lines: counted and paused pieces, with the off-duty
 * gaps between them. Adjacent pieces of one kind (an overnight shift crossing midnight) merge.
 */
export function explainTrace(explainer: Explainer, trace: readonly TraceSegment[], calendar: DutyCalendar): void {
  if (!explainer.enabled) return;
  const merged: TraceSegment[] = [];
  for (const seg of trace) {
    const last = merged[merged.length - 1];
    if (last && last.kind === seg.kind && last.end === seg.start) last.end = seg.end;
    else if (seg.end > seg.start) merged.push({ ...seg });
  }
  const zone = calendar.zone;
  let previous: TraceSegment | undefined;
  for (const seg of merged) {
    if (previous && seg.start > previous.end) {
      const gapDay = zone.dayOf(seg.start);
      const gapStart = previous.end;
      explainer.add(
        () =>
          `off duty ${span(zone, gapStart, seg.start)} (${calendar.id} ${zone.dayOf(gapStart) === gapDay ? 'break' : `next on duty ${calendar.describeDay(gapDay)}`})`,
      );
    }
    const verb = seg.kind === 'counted' ? 'counted' : 'paused, not counted';
    explainer.add(() => `${verb} ${span(zone, seg.start, seg.end)} (${formatDuration(seg.end - seg.start)})`);
    previous = seg;
  }
}

/** `2026-11-27 Fri 08:00–08:48`, or with both dates when the span crosses midnight. */
export function span(zone: Zone, start: number, end: number): string {
  const startDay = zone.dayOf(start);
  const endText = end === start ? '' : zone.dayOf(end) === startDay ? formatTimeOfDay(zone.minuteOfDay(end)) : zone.formatShort(end);
  return endText ? `${zone.formatShort(start)} → ${endText}` : zone.formatShort(start);
}
