/**
 * An alarm: one alarm event from the bus (SlaBreached, SlaWarning, PickupAtRisk, PickupMissed,
 * RefundOverdue, ChatGreetingBreached, ChatReplyBreached), reduced to what a person needs to act on
 * it. Pure: the notify function fills `orderId` from the case when the event does not carry it.
 */
import { DetailType } from '../ports/events.ts';
import { AlarmEventInvalid } from './errors.ts';

/** The detail-types that raise alarms; the notify function's bus rule subscribes to exactly these. */
export const ALARM_DETAIL_TYPES: readonly string[] = [
  DetailType.SlaBreached,
  DetailType.SlaWarning,
  DetailType.PickupAtRisk,
  DetailType.PickupMissed,
  DetailType.RefundOverdue,
  // Chat breaches are alarm events like step breaches (service-standards.md §9).
  DetailType.ChatGreetingBreached,
  DetailType.ChatReplyBreached,
];

/** The chat standards' breaches (§10): about a conversation, not a case. */
export const CHAT_ALARM_TYPES: readonly string[] = [DetailType.ChatGreetingBreached, DetailType.ChatReplyBreached];

/** An EventBridge event as a rule target receives it. */
export interface BusEvent {
  id?: string;
  'detail-type': string;
  source?: string;
  time?: string;
  detail: Record<string, unknown>;
}

export interface Alarm {
  /**
   * Identifies the alarm across redeliveries: the same breach delivered twice (EventBridge is
   * at-least-once, a sweep may repeat a timer) has the same key, so it is sent once.
   */
  key: string;
  detailType: string;
  /** Absent for a chat breach, which concerns a conversation (`conversationId`). */
  caseId?: string;
  /** Chat breaches: the conversation and the agent it belongs to (`unassigned` when none spoke). */
  conversationId?: string;
  agentId?: string;
  /** Chat breaches: when the customer asked, and when it was answered (ISO-8601). */
  askedAt?: string;
  answeredAt?: string;
  orderId?: string;
  step?: string;
  role?: string;
  /** The deadline that was missed or is near (ISO-8601). */
  due?: string;
  /** When it happened: breached, warned, handed over or overdue (ISO-8601). */
  at: string;
  escalatedTo?: string;
  /** SlaBreached: when the level escalated to is on duty to see it, if later than `at` (ISO-8601). */
  seenAt?: string;
  /** PickupMissed: the batch the parcel went with. */
  batchId?: string;
  /** PickupAtRisk: the planned pickup batch the step's batch target (`due`) is for (ISO-8601). */
  plannedPickupAt?: string;
  /** The event as received, for `generic` channels. */
  event: BusEvent;
}

const text = (detail: Record<string, unknown>, field: string): string | undefined => {
  const value = detail[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The alarm of a bus event; throws AlarmEventInvalid when it is no alarm event or lacks a field people need. */
export function alarmFromEvent(event: BusEvent): Alarm {
  const type = event['detail-type'];
  const detail = event.detail as Record<string, unknown> | undefined;
  if (typeof type !== 'string' || detail === undefined || typeof detail !== 'object' || detail === null) {
    throw new AlarmEventInvalid('an EventBridge event with "detail-type" and "detail"');
  }
  const required = (field: string): string => {
    const value = text(detail, field);
    if (value === undefined) throw new AlarmEventInvalid(`${type}: detail.${field}`);
    return value;
  };
  if (CHAT_ALARM_TYPES.includes(type)) return chatAlarm(type, detail, event, required);
  const caseId = text(detail, 'caseId');
  if (caseId === undefined) throw new AlarmEventInvalid(`${type}: detail.caseId`);
  const base = { detailType: type, caseId, event, ...optional('orderId', text(detail, 'orderId')) };
  const stepKey = (): string => `${caseId}#${required('step')}#${String(detail.attempt ?? 1)}`;
  switch (type) {
    case DetailType.SlaBreached:
      return {
        ...base,
        key: `${type}#${stepKey()}#${required('due')}`,
        step: required('step'),
        ...optional('role', text(detail, 'role')),
        due: required('due'),
        at: required('breachedAt'),
        ...optional('escalatedTo', text(detail, 'escalatedTo')),
        ...optional('seenAt', text(detail, 'escalationSeenAt')),
      };
    case DetailType.SlaWarning:
      return {
        ...base,
        key: `${type}#${stepKey()}#${required('due')}`,
        step: required('step'),
        ...optional('role', text(detail, 'role')),
        due: required('due'),
        at: required('warnedAt'),
        // A warning that escalates like a breach (an urgent complaint, service-standards.md §12).
        ...optional('escalatedTo', text(detail, 'escalatedTo')),
        ...optional('seenAt', text(detail, 'escalationSeenAt')),
      };
    case DetailType.PickupMissed:
      return { ...base, key: `${type}#${caseId}#${required('batchId')}`, step: 'order.pickup', role: 'picker', due: required('plannedAt'), at: required('handedOverAt'), batchId: required('batchId') };
    case DetailType.PickupAtRisk:
      return {
        ...base,
        key: `${type}#${stepKey()}#${required('batchTargetAt')}`,
        step: required('step'),
        ...optional('role', text(detail, 'role')),
        due: required('batchTargetAt'),
        at: required('atRiskAt'),
        plannedPickupAt: required('plannedPickupAt'),
      };
    case DetailType.RefundOverdue:
      return { ...base, key: `${type}#${stepKey()}#${required('due')}`, step: required('step'), due: required('due'), at: required('overdueAt') };
    default:
      // A later alarm event (e.g. a chat standard's breach): named by its type, keyed by its event id.
      return {
        ...base,
        key: `${type}#${caseId}#${event.id ?? text(detail, 'at') ?? event.time ?? ''}`,
        ...optional('step', text(detail, 'step')),
        ...optional('role', text(detail, 'role')),
        ...optional('due', text(detail, 'due')),
        at: text(detail, 'breachedAt') ?? event.time ?? new Date(0).toISOString(),
      };
  }
}

/**
 * A chat breach, keyed by its conversation alone: a conversation raises one message however many
 * of its questions run late (its late greeting included); the report and the daily summary count each.
 */
function chatAlarm(type: string, detail: Record<string, unknown>, event: BusEvent, required: (field: string) => string): Alarm {
  const conversationId = required('conversationId');
  return {
    key: `Chat#${conversationId}`,
    detailType: type,
    conversationId,
    event,
    step: required('standard'),
    role: required('role'),
    agentId: required('agentId'),
    askedAt: required('askedAt'),
    due: required('due'),
    at: required('breachedAt'),
    ...optional('answeredAt', text(detail, 'answeredAt')),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
