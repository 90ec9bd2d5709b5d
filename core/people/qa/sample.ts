/**
 * The weekly quality-check sample (质检, issue 23): per person, `closedSteps` of the steps they
 * owned that were completed in the week and `conversations` of the conversations they first
 * answered in it, drawn at random with a seed made of the policy's `assessment.qa.seed`, the week
 * and the person — so the same week always draws the same sample (a rerun adds nothing), and no
 * one can predict which of their work is checked before the week ends.
 */
import { StepStatus } from '../../cases/step.ts';
import { UNASSIGNED, type ConversationAnalysis } from '../../chat/conversation.ts';
import { ChatVerdict } from '../../chat/conversation.ts';
import { stepOwner, type OwnedStep } from '../scorecard/owner.ts';
import { fnv1a, QaKind, qaItemId, subjectKey, type QaItem, type QaSubject } from './item.ts';
import { mulberry32 } from '../../random/mulberry32.ts';

export interface SampleInput {
  /** The week's Monday, `YYYY-MM-DD`. */
  week: string;
  seed: string;
  closedSteps: number;
  conversations: number;
  /** Steps closed in the week (any status: only completed, owned, non-automatic ones are drawn). */
  steps: readonly (OwnedStep & { outcome?: string; fields?: Record<string, unknown> })[];
  /** Conversations whose first customer message is in the week. */
  analyses: readonly ConversationAnalysis[];
  sampledAt: string;
}

/** The sample, ordered by person, then kind, then draw. */
export function sampleWeek(input: SampleInput): QaItem[] {
  const steps = new Map<string, QaItem[]>();
  const chats = new Map<string, QaItem[]>();
  for (const step of input.steps) {
    const person = stepOwner(step);
    if (person === undefined || step.status !== StepStatus.completed || step.completedAt === undefined) continue;
    const subject: QaSubject = {
      kind: 'step',
      caseId: step.caseId,
      step: step.step,
      attempt: step.attempt,
      role: step.role,
      completedAt: step.completedAt,
      ...(step.completedBy !== undefined ? { completedBy: step.completedBy } : {}),
      ...(step.onTime !== undefined ? { onTime: step.onTime } : {}),
      ...(step.outcome !== undefined ? { outcome: step.outcome } : {}),
      ...(step.fields !== undefined ? { fields: step.fields } : {}),
    };
    push(steps, person, item(input, person, subject, Date.parse(step.completedAt)));
  }
  for (const c of input.analyses) {
    if (c.agentId === UNASSIGNED || c.greeting === undefined) continue;
    const subject: QaSubject = {
      kind: 'conversation',
      conversationId: c.conversationId,
      startedAt: new Date(c.greeting.askedAt).toISOString(),
      customerMessages: c.customerMessageTimes.length,
      questions: c.questions.length,
      repliesWithin: c.questions.filter((q) => q.verdict === ChatVerdict.within).length,
      ...(c.firstReplySeconds !== undefined ? { firstReplySeconds: c.firstReplySeconds } : {}),
    };
    push(chats, c.agentId, item(input, c.agentId, subject, c.greeting.askedAt));
  }
  const people = [...new Set([...steps.keys(), ...chats.keys()])].sort();
  return people.flatMap((person) => [
    ...draw(steps.get(person) ?? [], input.closedSteps, `${input.seed}|${input.week}|${person}|${QaKind.step}`),
    ...draw(chats.get(person) ?? [], input.conversations, `${input.seed}|${input.week}|${person}|${QaKind.conversation}`),
  ]);
}

function item(input: SampleInput, person: string, subject: QaSubject, at: number): QaItem {
  return { id: qaItemId(input.week, subjectKey(subject)), week: input.week, person, subject, at, sampledAt: input.sampledAt };
}

function push(map: Map<string, QaItem[]>, person: string, value: QaItem): void {
  map.set(person, [...(map.get(person) ?? []), value]);
}

/**
 * `count` of `items` without replacement: the items in a stable order (by id), shuffled with
 * Fisher–Yates on mulberry32 seeded by FNV-1a of `seed`, the first `count` kept.
 */
export function draw<T extends { id: string }>(items: readonly T[], count: number, seed: string): T[] {
  const pool = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const random = mulberry32(fnv1a(seed));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

