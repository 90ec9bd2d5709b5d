/** Completion fields with every checklist point a step and outcome need confirmed (core/lifecycles/checklists.ts), for tests and tools that complete verification calls. */
import { checklistOf } from '../../core/lifecycles/checklists.ts';

export function confirmedChecklist(step: string, outcome: string | undefined, facts: Record<string, unknown> = { paid: true }): Record<string, unknown> {
  const rule = checklistOf(step, outcome, facts);
  if (rule === undefined) return {};
  return {
    checklist: Object.fromEntries(rule.points.map((p) => [p, { status: 'confirmed' }])),
    ...(rule.evidence ? { evidence: { photos: ['IMG-0001.jpg'], notManMade: true } } : {}),
  };
}
