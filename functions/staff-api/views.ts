/**
 * What the API shows of stored records: every documented field present (null when unset), task
 * tokens never, and every instant rendered in the policy's zone (core/time/render.ts).
 */
import type { CaseRecord } from '../../core/cases/case.ts';
import { maskPersonal } from '../../core/cases/mask.ts';
import type { CaseView } from '../../core/cases/repository.ts';
import type { CurrentPause, StepRecord } from '../../core/cases/step.ts';
import { countdown, countdownCalendar } from '../../core/deadline/countdown.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { stepLabel } from '../../core/lifecycles/step-labels.ts';
import { complaintKind, type ComplaintCategory, type ComplaintLevel } from '../../core/complaints/kinds.ts';
import { orderReadyAt } from '../../core/cases/ready-at.ts';
import { renderInstant, renderInstants } from '../../core/time/render.ts';
import type { Zone } from '../../core/time/zone.ts';
import type { z } from 'zod';
import { deadlineExplanation } from './deadline-explanation.ts';
import type { ShipWaitView } from './ship-wait-view.ts';
import type { caseSummary, caseView, escalation, queueItem, stepActionResult, stepView } from './schemas.ts';

const orNull = (zone: Zone, at: string | undefined): string | null => (at === undefined ? null : renderInstant(zone, at));

function pausedNowView(zone: Zone, p: CurrentPause | undefined): z.infer<typeof stepView>['pausedNow'] {
  if (!p) return null;
  return { ...p, from: renderInstant(zone, p.from), ...(p.until !== undefined ? { until: renderInstant(zone, p.until) } : {}) };
}

/** The escalation a step carries (api.md: `escalatedTo` {`role`, `at`, `reason`}, plus its level and when it is seen). */
function escalationView(zone: Zone, s: StepRecord): z.infer<typeof escalation> | null {
  if (s.escalatedTo === undefined) return null;
  // A breach stored before escalation levels existed carries only the role: it escalated to the first level at once.
  const e = s.escalation ?? { level: 1, at: s.breachedAt ?? s.openedAt, seenAt: s.breachedAt ?? s.openedAt };
  return { role: s.escalatedTo, level: e.level, at: renderInstant(zone, e.at), seenAt: renderInstant(zone, e.seenAt), reason: e.reason ?? null, by: e.by ?? null, ...(e.warning ? { atWarning: true as const } : {}) };
}

export function toStepView(s: StepRecord, zone: Zone): z.infer<typeof stepView> {
  return {
    step: s.step,
    attempt: s.attempt,
    role: s.role,
    status: s.status,
    openedAt: renderInstant(zone, s.openedAt),
    due: orNull(zone, s.due),
    warnAt: orNull(zone, s.warnAt),
    provisional: s.provisional ?? false,
    warnedAt: orNull(zone, s.warnedAt),
    breachedAt: orNull(zone, s.breachedAt),
    ...batchView(s, zone),
    escalatedTo: escalationView(zone, s),
    pauses: s.pauses.map((p) => ({ ...p, from: renderInstant(zone, p.from), to: renderInstant(zone, p.to) })),
    pausedNow: pausedNowView(zone, s.pausedNow),
    completedAt: orNull(zone, s.completedAt),
    completedBy: s.completedBy ?? null,
    ...(s.assignedTo !== undefined ? { assignedTo: s.assignedTo } : {}),
    onTime: s.onTime ?? null,
    outcome: s.outcome ?? null,
    fields: s.fields ? renderInstants(zone, s.fields) : null,
  };
}

function batchView(s: StepRecord, zone: Zone): Pick<z.infer<typeof stepView>, 'plannedPickupAt' | 'batchTargetAt' | 'atRiskAt'> {
  return { plannedPickupAt: orNull(zone, s.plannedPickupAt), batchTargetAt: orNull(zone, s.batchTargetAt), atRiskAt: orNull(zone, s.atRiskAt) };
}

export function toStepActionResult(s: StepRecord, zone: Zone): z.infer<typeof stepActionResult> {
  return { caseId: s.caseId, caseType: s.caseType, ...toStepView(s, zone) };
}

export function toCaseSummary(c: CaseRecord, zone: Zone): z.infer<typeof caseSummary> {
  return { id: c.id, type: c.type, status: c.status, orderId: c.orderId ?? null, openedAt: renderInstant(zone, c.openedAt), closedAt: orNull(zone, c.closedAt) };
}

/** The case page: personal data masked (core/cases/mask.ts), each step with the engine's account of its deadline. */
export function toCaseView(view: CaseView, policy: CompiledPolicy): z.infer<typeof caseView> {
  const zone = policy.zone;
  return {
    ...toCaseSummary(view.case, zone),
    readyAt: orNull(zone, orderReadyAt(view.case, view.timeline)),
    data: renderInstants(zone, maskPersonal(view.case.data)),
    links: view.links.map((l) => ({ ...l, linkedAt: renderInstant(zone, l.linkedAt) })),
    steps: [...view.steps]
      .sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : a.attempt - b.attempt))
      .map((s) => ({ ...toStepView(s, zone), deadlineExplanation: deadlineExplanation(policy, s, view.timeline) })),
    timeline: renderInstants(zone, maskPersonal(view.timeline)),
    ...(view.case.type === 'complaint' ? { complaint: complaintKindView(view) } : {}),
  };
}

/** A complaint's kind now: the handler's correction at acknowledgement over what was filed (§12). */
function complaintKindView(view: CaseView): { category: ComplaintCategory | null; level: ComplaintLevel } {
  const ack = view.steps.filter((s) => s.step === 'complaint.acknowledge' && s.status === 'completed').sort((a, b) => b.attempt - a.attempt)[0];
  const kind = complaintKind(view.case.data, ack?.fields);
  return { category: kind.category ?? null, level: kind.level };
}

/** A queue row at `now` (epoch ms): the stored step plus its countdown on the role's calendar (core/deadline/countdown.ts). */
export function toQueueItem(s: StepRecord, policy: CompiledPolicy, now: number, tags: { stockOut?: boolean; waiting?: ShipWaitView | null } = {}): z.infer<typeof queueItem> {
  const zone = policy.zone;
  const pause = s.pausedNow ? { from: Date.parse(s.pausedNow.from), ...(s.pausedNow.until !== undefined ? { until: Date.parse(s.pausedNow.until) } : {}) } : undefined;
  const clock = countdown(countdownCalendar(policy, s.role), now, { due: s.due === undefined ? null : Date.parse(s.due), ...(pause ? { pause } : {}) });
  return {
    caseId: s.caseId,
    caseType: s.caseType,
    step: s.step,
    stepLabel: stepLabel(s.step),
    attempt: s.attempt,
    role: s.role,
    openedAt: renderInstant(zone, s.openedAt),
    due: orNull(zone, s.due),
    warnAt: orNull(zone, s.warnAt),
    provisional: s.provisional ?? false,
    status: s.status === 'paused' || s.status === 'warned' || s.status === 'breached' ? s.status : 'open',
    escalatedTo: escalationView(zone, s),
    ...(s.facts !== undefined ? { facts: s.facts } : {}),
    ...batchView(s, zone),
    // Wall-clock (the batch is a fixed instant), floored like the on-duty figure: -0.5 min reads as -1.
    batchTargetRemainingMinutes: s.batchTargetAt === undefined ? null : Math.floor((Date.parse(s.batchTargetAt) - now) / 60_000),
    remainingOnDutyMinutes: clock.remainingOnDutyMinutes,
    onDutyNow: clock.onDutyNow,
    countingResumesAt: clock.countingResumesAt === null ? null : renderInstant(zone, clock.countingResumesAt),
    pausedNow: pausedNowView(zone, s.pausedNow),
    stockOut: tags.stockOut ?? false,
    waiting: tags.waiting ?? null,
    ...(s.assignedTo !== undefined ? { assignedTo: s.assignedTo } : {}),
    priority: s.priority === true,
  };
}
