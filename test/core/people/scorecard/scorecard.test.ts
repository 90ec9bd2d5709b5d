import { describe, expect, it } from 'vitest';
import { analyzeConversation } from '../../../../core/chat/conversation.ts';
import type { ChatMessage } from '../../../../core/chat/message.ts';
import type { OwnedStep } from '../../../../core/people/scorecard/owner.ts';
import { periodsOf } from '../../../../core/people/scorecard/periods.ts';
import { personScore } from '../../../../core/people/scorecard/score.ts';
import { scorecard, type ScorecardInput } from '../../../../core/people/scorecard/scorecard.ts';
import { scorecardCsv } from '../../../../core/people/scorecard/csv.ts';
import { formatDate, parseDate } from '../../../../core/time/civil.ts';
import { getDefaultPolicy } from '../../../../policy/load.ts';

const policy = getDefaultPolicy();
const iso = (local: string) => new Date(Date.parse(`${local}+08:00`)).toISOString();

function step(over: Partial<OwnedStep> & Pick<OwnedStep, 'caseId'>): OwnedStep {
  return { step: 'order.review', attempt: 1, role: 'ops-cs', status: 'completed', openedAt: iso('2026-11-30T09:00:00'), due: iso('2026-11-30T09:30:00'), pauses: [], ...over };
}

const input = (over: Partial<ScorecardInput>): ScorecardInput => ({
  steps: [],
  conversations: [],
  callbacks: [],
  checks: [],
  zone: policy.zone,
  range: { fromDay: parseDate('2026-11-30')!, toDay: parseDate('2026-12-06')! },
  groupBy: 'week',
  calendarOf: (role) => policy.roles.get(role)?.calendar,
  assessment: policy.assessment,
  ...over,
});

describe('periods', () => {
  it('splits a range into Monday weeks and calendar months, each clipped to the range', () => {
    const from = parseDate('2026-11-28')!;
    const to = parseDate('2026-12-08')!;
    expect(periodsOf(from, to, 'week').map((p) => [p.key, formatDate(p.fromDay), formatDate(p.toDay)])).toEqual([
      ['2026-11-23', '2026-11-28', '2026-11-29'],
      ['2026-11-30', '2026-11-30', '2026-12-06'],
      ['2026-12-07', '2026-12-07', '2026-12-08'],
    ]);
    expect(periodsOf(from, to, 'month').map((p) => p.key)).toEqual(['2026-11', '2026-12']);
  });
});

describe('the score', () => {
  it('is 100 × Σ weight·min(1, actual/target) ÷ Σ weight over the components with a figure', () => {
    // on-time 76 % of 95 → 0.8 × 40 = 32; reply 90 % of 90 → 30; satisfaction 5 capped at 4.5 → 20; no chat-less gaps; breaches 50 % of 100 → 5.
    const { score, components } = personScore({ stepOnTime: 76, chatReply: 90, satisfaction: 5, noBreachOpen: 50, qa: 3 }, policy.assessment);
    expect(components.map((c) => [c.component, c.earned])).toEqual([
      ['stepOnTime', 32],
      ['chatReply', 30],
      ['satisfaction', 20],
      ['noBreachOpen', 5],
      ['qa', 0],
    ]);
    expect(score).toBe(87); // (32 + 30 + 20 + 5) / 100; qa weighs 0 by default
  });

  it('leaves a component without data out of both sums, and is null when no weighed component has data', () => {
    expect(personScore({ stepOnTime: 95, chatReply: null, satisfaction: null, noBreachOpen: 0, qa: null }, policy.assessment).score).toBe(80); // (40 + 0) / 50
    expect(personScore({ stepOnTime: null, chatReply: null, satisfaction: null, noBreachOpen: null, qa: 5 }, policy.assessment).score).toBeNull();
  });
});

describe('the scorecard', () => {
  it('counts an owned step (assignedTo, else completedBy) completed in the period: on-time % of those with a deadline, p50/p90 on-duty minutes', () => {
    const rows = scorecard(
      input({
        steps: [
          step({ caseId: 'a', completedAt: iso('2026-11-30T09:10:00'), completedBy: 'li', onTime: true }),
          // assigned to li, completed by a colleague: li's.
          step({ caseId: 'b', completedAt: iso('2026-11-30T09:40:00'), completedBy: 'wang', assignedTo: 'li', onTime: false }),
          // No deadline: completed, but not in the on-time share.
          step({ caseId: 'c', step: 'order.delivery', due: undefined, completedAt: iso('2026-11-30T10:00:00'), completedBy: 'li' }),
          // The platform's own steps belong to nobody.
          step({ caseId: 'd', role: 'automatic', step: 'order.pickup', completedAt: iso('2026-11-30T10:00:00'), completedBy: 'pickup-batch' }),
          // A payment follow-up the storefront's order.paid completed, nobody assigned: nobody's.
          step({ caseId: 'e', step: 'order.payment', role: 'presales-cs', completedAt: iso('2026-11-30T10:00:00'), completedBy: 'storefront', onTime: true }),
        ],
      }),
    );
    expect(rows.map((r) => r.person)).toEqual(['li']);
    expect(rows[0]).toMatchObject({ period: '2026-11-30', stepsCompleted: 3, onTimePct: 50, p50OnDutyMinutes: 40, p90OnDutyMinutes: 60, breaches: 0, breachesOpen: 0 });
  });

  it('counts on-duty minutes only: a step opened at 19:50 and completed 08:10 next morning took 20 on-duty minutes of ops-cs (08:00–20:00)', () => {
    const [row] = scorecard(input({ steps: [step({ caseId: 'n', openedAt: iso('2026-11-30T19:50:00'), due: iso('2026-12-01T08:20:00'), completedAt: iso('2026-12-01T08:10:00'), completedBy: 'li', onTime: true })] }));
    expect(row!.p50OnDutyMinutes).toBe(20);
  });

  it('counts breaches the person owned in the period, those still open now, and hand escalations (上报) they raised', () => {
    const rows = scorecard(
      input({
        steps: [
          step({ caseId: 'a', status: 'breached', assignedTo: 'li', completedAt: undefined, breachedAt: iso('2026-11-30T09:30:00') }),
          step({ caseId: 'b', assignedTo: 'li', completedBy: 'li', completedAt: iso('2026-11-30T10:00:00'), onTime: false, breachedAt: iso('2026-11-30T09:30:00') }),
          step({ caseId: 'c', status: 'open', assignedTo: 'wang', completedAt: undefined, escalation: { level: 1, at: iso('2026-12-01T10:00:00'), seenAt: iso('2026-12-01T10:00:00'), by: 'wang', reason: '处理不了' } }),
        ],
      }),
    );
    expect(rows.map((r) => [r.person, r.breaches, r.breachesOpen, r.escalations])).toEqual([
      ['li', 2, 1, 0],
      ['wang', 0, 0, 1],
    ]);
    expect(rows[0]!.components.find((c) => c.component === 'noBreachOpen')!.actual).toBe(50);
    // wang owned no step closed or breached: "no breach left open" has nothing to say about him.
    expect(rows[1]!.components.find((c) => c.component === 'noBreachOpen')!.actual).toBeNull();
  });

  it('joins the chat figures of the agent, the callback mean of the complaint handler and the mean QA criterion score', () => {
    const t = (hms: string) => Date.parse(`2026-12-01T${hms}+08:00`);
    const messages: ChatMessage[] = [
      { conversationId: 'x', messageId: '1', from: 'customer', sentAt: t('10:00:00') },
      { conversationId: 'x', messageId: '2', from: 'agent', sentAt: t('10:00:10'), agentId: 'li' },
      { conversationId: 'x', messageId: '3', from: 'customer', sentAt: t('10:01:00') },
      { conversationId: 'x', messageId: '4', from: 'agent', sentAt: t('10:03:00'), agentId: 'li' },
    ];
    const [row] = scorecard(
      input({
        conversations: [analyzeConversation(messages, policy.chat, t('12:00:00'))],
        callbacks: [
          { caseId: 'k1', score: 5, at: iso('2026-12-01T11:00:00'), handler: 'li', category: 'other' },
          { caseId: 'k2', score: 4, at: iso('2026-12-02T11:00:00'), handler: 'li', category: 'other' },
          { caseId: 'k3', score: 1, at: iso('2026-12-08T11:00:00'), handler: 'li', category: 'other' }, // outside the range
        ],
        checks: [{ person: 'li', at: t('10:00:00'), scores: { courtesy: 5, expertise: 4, accuracy: 3 } }],
      }),
    );
    expect(row).toMatchObject({ person: 'li', conversations: 1, greetingWithinPct: 100, replyWithinPct: 50, callbacks: 2, satisfactionMean: 4.5, qaChecked: 1, qaMean: 4 });
    // reply 50 % of 90 → 16.67 of 30; satisfaction 4.5 of 4.5 → 20: score 100 × 36.67 / 50.
    expect(row!.score).toBe(73.3);
  });

  it('writes CSV with Chinese labels for Excel, each component\'s figure and points beside the score', () => {
    const rows = scorecard(input({ steps: [step({ caseId: 'a', completedAt: iso('2026-11-30T09:10:00'), completedBy: 'li', onTime: true })] }));
    const [header, line] = scorecardCsv(rows, 'zh').split('\r\n');
    expect(header).toMatch(/^人员,周期,完成步骤数\(负责\),按时率\(%\),/);
    expect(header).toContain('步骤按时实际值,步骤按时得分');
    expect(line).toMatch(/^li,2026-11-30,1,100,10,10,0,0,0,0,,,0,,0,,100,100,40,/);
  });
});
