/**
 * Call checklists at completion (core/lifecycles/checklists.ts, service-standards.md §12): the
 * body's `fields.checklist` and `fields.evidence` are taken out before the step's own schema sees
 * the fields, validated against the checklist the step, outcome and case require (400 naming
 * `body.fields.checklist.<point>`), and stored with the step. A timeline entry `checklist` carries
 * the points in words, so that the case's timeline can be searched for them.
 */
import type { TimelineEntry } from '../../core/cases/case.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import { CHECKLIST_FIELDS, checklistSchema, checklistText, type CheckPointResult } from '../../core/lifecycles/checklists.ts';
import { validate } from '../http/validate.ts';

/** The body without the checklist fields, and those fields. */
export function takeChecklist(body: unknown): { body: unknown; taken: Record<string, unknown> } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { body, taken: {} };
  const fields = (body as { fields?: unknown }).fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return { body, taken: {} };
  const rest: Record<string, unknown> = {};
  const taken: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) ((CHECKLIST_FIELDS as readonly string[]).includes(name) ? taken : rest)[name] = value;
  return { body: { ...body, fields: rest }, taken };
}

/** The validated checklist fields to store; throws `InvalidRequest` naming the point. */
export function checkedChecklist(step: string, outcome: string | undefined, taken: Record<string, unknown>, caseData: Record<string, unknown>): Record<string, unknown> {
  const parsed = validate(checklistSchema(step, outcome, caseData), taken, 'body.fields');
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));
}

/** The timeline entry of a completed step's checklist, or undefined when it had none. */
export function checklistEntry(step: StepRecord): TimelineEntry | undefined {
  const checklist = step.fields?.checklist as Record<string, CheckPointResult> | undefined;
  if (checklist === undefined || step.completedAt === undefined) return undefined;
  const evidence = step.fields?.evidence as { photos: string[]; notManMade: boolean } | undefined;
  const text = [checklistText(checklist), ...(evidence ? [`照片 ${evidence.photos.join(', ')}; 非人为 confirmed`] : [])].join('; ');
  return {
    id: `checklist#${step.step}#${step.attempt}`,
    at: step.completedAt,
    kind: 'checklist',
    step: step.step,
    ...(step.completedBy !== undefined ? { by: step.completedBy } : {}),
    detail: { outcome: step.outcome ?? null, text, checklist, ...(evidence ? { evidence } : {}) },
  };
}
