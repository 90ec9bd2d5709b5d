import type { AssessmentPolicy } from '../people/scorecard/assessment.ts';
import type { EscalationLevel } from '../cases/escalation.ts';
import type { ChatStandards } from '../chat/standards.ts';
import type { ShiftCalendar } from '../calendar/shift-calendar.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { PickupSchedule } from '../calendar/pickup-schedule.ts';
import type { EveryDayCalendar } from '../calendar/every-day.ts';
import type { Interval } from '../calendar/interval.ts';
import type { Zone } from '../time/zone.ts';
import type { AlarmPolicy } from '../alarms/routing.ts';
import type { NoticePolicy } from '../notices/policy.ts';
import type { Carrier } from '../carriers/carriers.ts';
import type { AssignmentRule } from '../people/assignment-rule.ts';

/** The deadline rule kinds of the policy. Times of day are minutes after midnight. */
export type DeadlineRule =
  /** N minutes of the step role's on-duty time. */
  | { kind: 'business-minutes'; minutes: number }
  /** Opened on duty: N business minutes; opened off duty: by HH:MM of the next on-duty day (review/verify steps). */
  | { kind: 'business-minutes-or-next-on-duty-day-by'; minutes: number; offDutyBy: number }
  /** By HH:MM of the on-duty day the step arrived in, else of the next on-duty day (complaint.investigate). */
  | { kind: 'on-duty-day-by'; at: number }
  /** By the end (24:00) of the N-th working day after the calendar day opened. */
  | { kind: 'working-days-end'; days: number; at?: number | undefined }
  /** By the end (24:00) of the calendar day opened. */
  | { kind: 'same-day-end' }
  /** The planned courier pickup batch for the order time. */
  | { kind: 'pickup-batch' }
  /** Chooses a rule by a fact of the case, e.g. the refund channel. */
  | { kind: 'by-fact'; fact: string; cases: Readonly<Record<string, DeadlineRule>>; default?: string | undefined }
  /** No deadline (automatic steps that wait for the outside world). */
  | { kind: 'none' };

export type WarnRule =
  /** Warn when this fraction of the business-time budget has elapsed. */
  | { kind: 'fraction'; fraction: number }
  /** Warn this many calendar hours after opening (e.g. the order's 1-day promise). */
  | { kind: 'after-hours'; hours: number }
  | { kind: 'none' };

export interface StepPolicy {
  id: string;
  /** A role id, or `automatic` for steps no person performs. */
  role: string;
  scope: 'step' | 'case';
  rule: DeadlineRule;
  /** Undefined means the policy default: the warning fraction for business-time rules, none for day rules. */
  warn: WarnRule | undefined;
  /** The warning escalates like a breach: always, or when a fact has one of the values (core/deadline/escalate-at-warning.ts). */
  escalateAtWarning?: boolean | { fact: string; values: readonly string[] } | undefined;
  description: string;
}

export interface RolePolicy {
  id: string;
  label: string;
  calendar: ShiftCalendar;
}

/** A validated policy with its calendars built, ready for deadline computation. */
export interface CompiledPolicy {
  zone: Zone;
  warnFraction: number;
  roles: ReadonlyMap<string, RolePolicy>;
  workingDays: WorkingDayCalendar;
  everyDay: EveryDayCalendar;
  pickup: PickupSchedule;
  steps: ReadonlyMap<string, StepPolicy>;
  /** Where alarms go (channels, routes, digest window, daily summary); no channels when the file has no `alarms`. */
  alarms: AlarmPolicy;
  /** Customer notices (service-standards.md §12): the storefront's URL, its secret, the templates. */
  notices: NoticePolicy;
  /** The chat standards (service-standards.md §10) on their role's calendar. */
  chat: ChatStandards;
  /** Escalation levels in order (service-standards.md §9), each on its role's calendar. */
  escalation: { levels: readonly EscalationLevel[] };
  /** SKU patterns whose units take a serial number at packing when the item does not say (core/lifecycles/serialized-units.ts). */
  serialNumbers: { serializedSkus: readonly string[] };
  /** Per role, how new steps are assigned and handed over at shift end (core/people/assignment-rule.ts); absent roles: round-robin, to-next. */
  assignment?: ReadonlyMap<string, AssignmentRule>;
  /** The couriers `order.dispatch` may name (service-standards.md §12 "Carriers"). */
  carriers: readonly Carrier[];
  /** Scorecard weights and targets, the quality-check sample (issue 23, docs/people.md). */
  assessment: AssessmentPolicy;
}

export type Facts = Readonly<Record<string, string>>;

export interface DeadlineResult {
  step: string;
  role: string;
  opened: number;
  /** When the clock started counting (the next on-duty instant for business-time rules). */
  clockStart: number;
  due: number | null;
  warnAt: number | null;
  /** The business-time budget in ms between the clock start and `due`, excluding pauses; null for day rules. */
  budget: number | null;
  /** True when the due counts days of a year whose holiday schedule (调休) is not published yet: it may still move. */
  provisional: boolean;
  explain: string[];
}

export interface DueOptions {
  /** Build the human-readable timeline (default true); the hot path can skip it. */
  explain?: boolean;
}

export type Pauses = readonly Interval[];
