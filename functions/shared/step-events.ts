/** The bus events about a step, built from its stored record (schemas in core/ports/event-schemas.ts). */
import type { Instant } from '../../core/cases/case.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import { domainEvent, SlaScope } from '../../core/ports/event-schemas.ts';
import { DetailType, type DomainEvent } from '../../core/ports/events.ts';

const ref = (s: StepRecord) => ({ caseId: s.caseId, caseType: s.caseType, step: s.step, attempt: s.attempt });

export function stepOpened(s: StepRecord): DomainEvent {
  return domainEvent(DetailType.StepOpened, { ...ref(s), role: s.role, openedAt: s.openedAt, due: s.due ?? null, warnAt: s.warnAt ?? null }, s.openedAt);
}

export function stepCompleted(s: StepRecord): DomainEvent {
  const at = s.completedAt ?? s.openedAt;
  return domainEvent(
    DetailType.StepCompleted,
    { ...ref(s), role: s.role, completedAt: at, completedBy: s.completedBy ?? 'unknown', outcome: s.outcome ?? null, onTime: s.onTime ?? true },
    at,
  );
}

export function stepCancelled(s: StepRecord, reason?: string): DomainEvent {
  const at = s.completedAt ?? s.openedAt;
  return domainEvent(DetailType.StepCancelled, { ...ref(s), role: s.role, cancelledAt: at, ...(reason !== undefined ? { reason } : {}) }, at);
}

export function stepPaused(s: StepRecord): DomainEvent {
  const p = s.pausedNow;
  if (!p) throw new TypeError(`step ${s.step} of case ${s.caseId} is not paused`);
  return domainEvent(
    DetailType.StepPaused,
    { ...ref(s), pausedAt: p.from, reason: p.reason, ...(p.until !== undefined ? { until: p.until } : {}), ...(p.by !== undefined ? { by: p.by } : {}) },
    p.from,
  );
}

export function stepResumed(s: StepRecord, at: Instant, by?: string): DomainEvent {
  return domainEvent(DetailType.StepResumed, { ...ref(s), resumedAt: at, due: s.due ?? null, warnAt: s.warnAt ?? null, ...(by !== undefined ? { by } : {}) }, at);
}

export function slaWarning(s: StepRecord, scope: SlaScope = SlaScope.step): DomainEvent {
  if (s.warnAt === undefined || s.due === undefined || s.warnedAt === undefined) throw new TypeError(`step ${s.step} of case ${s.caseId} was not warned`);
  // An escalating warning (an urgent complaint, §12) names where it went, as a breach does.
  const escalated = s.escalation?.warning === true ? { ...(s.escalatedTo !== undefined ? { escalatedTo: s.escalatedTo } : {}), escalationLevel: s.escalation.level, escalationSeenAt: s.escalation.seenAt } : {};
  return domainEvent(DetailType.SlaWarning, { scope, ...ref(s), role: s.role, due: s.due, warnAt: s.warnAt, warnedAt: s.warnedAt, ...escalated }, s.warnedAt);
}

export function slaBreached(s: StepRecord, scope: SlaScope = SlaScope.step): DomainEvent {
  if (s.due === undefined || s.breachedAt === undefined) throw new TypeError(`step ${s.step} of case ${s.caseId} was not breached`);
  return domainEvent(
    DetailType.SlaBreached,
    {
      scope,
      ...ref(s),
      role: s.role,
      due: s.due,
      breachedAt: s.breachedAt,
      ...(s.escalatedTo !== undefined ? { escalatedTo: s.escalatedTo } : {}),
      ...(s.escalation !== undefined ? { escalationLevel: s.escalation.level, escalationSeenAt: s.escalation.seenAt } : {}),
    },
    s.breachedAt,
  );
}
