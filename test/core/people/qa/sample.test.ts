import { describe, expect, it } from 'vitest';
import type { OwnedStep } from '../../../../core/people/scorecard/owner.ts';
import { draw, sampleWeek, type SampleInput } from '../../../../core/people/qa/sample.ts';
import { QA_ITEM_ID } from '../../../../core/people/qa/item.ts';

const steps: OwnedStep[] = Array.from({ length: 12 }, (_, i) => ({
  caseId: `case-${i}`,
  step: 'order.review',
  attempt: 1,
  role: 'ops-cs',
  status: 'completed',
  openedAt: '2026-11-30T01:00:00.000Z',
  completedAt: '2026-11-30T02:00:00.000Z',
  completedBy: i < 8 ? 'li' : 'wang',
  pauses: [],
}));
const input = (over: Partial<SampleInput> = {}): SampleInput => ({ week: '2026-11-30', seed: 'qa', closedSteps: 5, conversations: 5, steps, analyses: [], sampledAt: '2026-12-07T00:00:00.000Z', ...over });

describe('the weekly quality-check sample', () => {
  it('draws N closed steps per person (all of them when a person has fewer), each with a stable id of its week', () => {
    const items = sampleWeek(input());
    expect(items.filter((i) => i.person === 'li')).toHaveLength(5);
    expect(items.filter((i) => i.person === 'wang')).toHaveLength(4);
    expect(items.every((i) => QA_ITEM_ID.test(i.id) && i.id.startsWith('2026-11-30-'))).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(9);
  });

  it('draws the same sample for the same seed, week and person whatever the input order, and another for another week', () => {
    const ids = (over: Partial<SampleInput>) => sampleWeek(input(over)).map((i) => (i.subject.kind === 'step' ? i.subject.caseId : ''));
    expect(ids({ steps: [...steps].reverse() })).toEqual(ids({}));
    expect(ids({ week: '2026-12-07' }).slice(0, 5)).not.toEqual(ids({}).slice(0, 5));
  });

  it('keeps what the step recorded (outcome and fields, the checklist among them) and skips steps nobody owns', () => {
    const [item] = sampleWeek(input({ closedSteps: 1, steps: [{ ...steps[0]!, outcome: 'confirmed', fields: { checklist: { address: 'confirmed' } } }, { ...steps[1]!, role: 'automatic', completedBy: 'pickup-batch' }] }));
    expect(item!.subject).toMatchObject({ kind: 'step', caseId: 'case-0', outcome: 'confirmed', fields: { checklist: { address: 'confirmed' } } });
  });

  it('draws uniformly: over many seeds each of 10 items is drawn (1 of 10) about equally often', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ id: `i${i}` }));
    const counts = new Map<string, number>();
    for (let s = 0; s < 5000; s++) {
      const [first] = draw(items, 1, `seed-${s}`);
      counts.set(first!.id, (counts.get(first!.id) ?? 0) + 1);
    }
    for (const n of counts.values()) expect(n).toBeGreaterThan(400); // expected 500 each
    expect(counts.size).toBe(10);
  });
});
