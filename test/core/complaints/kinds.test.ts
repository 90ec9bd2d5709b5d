/**
 * Complaint kinds (service-standards.md §12 "Complaint kinds", seed §4.3 l.596 "4.3.1.退款纠纷投诉"),
 * their urgent deadlines in the default policy, and an urgent warning that escalates like a breach.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alarmFromEvent } from '../../../core/alarms/alarm.ts';
import { routeAlarm } from '../../../core/alarms/routing.ts';
import { complaintKind } from '../../../core/complaints/kinds.ts';
import { markWarned } from '../../../core/cases/transitions.ts';
import type { StepRecord } from '../../../core/cases/step.ts';
import { due } from '../../../core/deadline/due.ts';
import { escalatesAtWarning } from '../../../core/deadline/escalate-at-warning.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';
import { DEFAULT_POLICY_PATH } from '../../../policy/load.ts';
import { policySchema } from '../../../policy/schema.ts';

const policy = getDefaultPolicy();
const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('the kind of a complaint now', () => {
  it('takes what the handler set at acknowledgement over what was filed; the level defaults to normal', () => {
    expect(complaintKind({})).toEqual({ category: undefined, level: 'normal' });
    expect(complaintKind({ category: 'logistics', level: 'urgent' })).toEqual({ category: 'logistics', level: 'urgent' });
    expect(complaintKind({ category: 'logistics', level: 'urgent' }, { category: 'quality', level: 'normal' })).toEqual({ category: 'quality', level: 'normal' });
    expect(complaintKind({ category: 'logistics' }, { notes: 'no change' })).toEqual({ category: 'logistics', level: 'normal' });
  });
});

describe('the default policy for urgent complaints (derived: 30 min, 2 on-duty hours, 8)', () => {
  // Tuesday 2026-12-08 10:00 Shanghai; the complaint handler works 09:00–17:00.
  const opened = at('2026-12-08T10:00:00+08:00');
  it.each([
    ['complaint.acknowledge', 'urgent', '2026-12-08T02:30:00.000Z'],
    ['complaint.acknowledge', 'normal', '2026-12-08T03:00:00.000Z'],
    ['complaint.investigate', 'urgent', '2026-12-08T04:00:00.000Z'],
    ['complaint.investigate', 'normal', '2026-12-08T09:00:00.000Z'],
    // 8 handler hours from 10:00: 7 today to 17:00, 1 tomorrow from 09:00.
    ['complaint.resolve', 'urgent', '2026-12-09T02:00:00.000Z'],
  ])('%s (%s) opened 10:00 is due %s', (step, level, expected) => {
    expect(iso(due(step, opened, { level }, [], policy).due)).toBe(expected);
  });

  it('opens a step without the level as normal (the rule\'s default), so executions started before kinds keep running', () => {
    expect(due('complaint.acknowledge', opened, {}, [], policy).due).toBe(due('complaint.acknowledge', opened, { level: 'normal' }, [], policy).due);
  });

  it('escalates at the warning only when the level is urgent', () => {
    const ack = policy.steps.get('complaint.acknowledge')!;
    expect(escalatesAtWarning(ack, { level: 'urgent' })).toBe(true);
    expect(escalatesAtWarning(ack, { level: 'normal' })).toBe(false);
    expect(escalatesAtWarning(ack, {})).toBe(false);
    expect(escalatesAtWarning(policy.steps.get('order.review')!, {})).toBe(false);
  });

  it('refuses a by-fact default that names no case, naming the field', () => {
    const doc = JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as { steps: Record<string, { rule: Record<string, unknown> }> };
    doc.steps['complaint.acknowledge']!.rule.default = 'critical';
    const parsed = policySchema.safeParse(doc);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('steps.complaint.acknowledge.rule.default');
  });
});

describe('a warning that escalates', () => {
  const step: StepRecord = { caseId: 'complaint-1', caseType: 'complaint', step: 'complaint.acknowledge', attempt: 1, role: 'complaint-handler', status: 'open', openedAt: '2026-12-08T01:00:00.000Z', due: '2026-12-08T01:30:00.000Z', warnAt: '2026-12-08T01:24:00.000Z', pauses: [] };
  const to = { role: 'supervisor', level: 1, seenAt: '2026-12-08T01:24:00.000Z' };

  it('marks an urgent step warned and escalated in one transition; a normal one only warned', () => {
    expect(markWarned({ ...step, escalateAtWarning: true }, step.warnAt!, to).step).toMatchObject({ status: 'warned', escalatedTo: 'supervisor', escalation: { level: 1, warning: true } });
    expect(markWarned(step, step.warnAt!, to).step.escalatedTo).toBeUndefined();
  });

  it('leaves a hand escalation (to the manager, say) where it is', () => {
    const byHand = { ...step, escalateAtWarning: true as const, escalatedTo: 'manager', escalation: { level: 2, at: '2026-12-08T01:10:00.000Z', seenAt: '2026-12-08T01:10:00.000Z', reason: '客户要求经理处理', by: 'hana' } };
    expect(markWarned(byHand, step.warnAt!, to).step).toMatchObject({ status: 'warned', escalatedTo: 'manager', escalation: { level: 2, reason: '客户要求经理处理' } });
  });

  it('goes where breaches go, even through routes that send no warnings', () => {
    const event = { 'detail-type': 'SlaWarning', detail: { caseId: 'complaint-1', step: 'complaint.acknowledge', attempt: 1, role: 'complaint-handler', due: step.due, warnedAt: step.warnAt, escalatedTo: 'supervisor', escalationSeenAt: step.warnAt } };
    const alarm = alarmFromEvent(event);
    expect(alarm).toMatchObject({ escalatedTo: 'supervisor', seenAt: step.warnAt });
    const routes = [{ events: ['*'], roles: ['*'], steps: ['*'], channels: ['c'], warnings: false, onDutyOnly: false }];
    expect(routeAlarm({ routes }, alarm)).toEqual([{ channel: 'c', onDutyOnly: false }]);
    expect(routeAlarm({ routes }, { ...alarm, escalatedTo: undefined })).toEqual([]);
  });
});
