import { describe, expect, it } from 'vitest';
import { StepNotOpen } from '../../../core/cases/errors.ts';
import { givenCase, reviewStep, useCaseRepository } from './fixture.ts';

describe('DynamoDbCaseRepository — concurrent completions', () => {
  const { repo } = useCaseRepository();

  it('lets exactly one of N parallel completions win; the rest get StepNotOpen', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const agents = Array.from({ length: 8 }, (_, i) => `agent-${i}`);

    const results = await Promise.allSettled(
      agents.map((by) => repo().completeStep({ caseId, step: 'order.review' }, { at: '2025-03-03T10:15:00+08:00', by, outcome: 'confirmed' })),
    );

    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(agents.length - 1);
    for (const loser of losers) expect(loser.reason).toBeInstanceOf(StepNotOpen);

    const stored = await repo().getStep({ caseId, step: 'order.review' });
    const winner = winners[0];
    expect(winner?.status === 'fulfilled' && winner.value.completedBy).toBe(stored.completedBy);
  });

  it('lets exactly one of a completion and a cancellation racing each other win', async () => {
    const caseId = await givenCase(repo());
    await repo().openStep(reviewStep(caseId));
    const selector = { caseId, step: 'order.review' };

    const results = await Promise.allSettled([
      repo().completeStep(selector, { at: '2025-03-03T10:15:00+08:00', by: 'agent-li' }),
      repo().cancelStep(selector, { at: '2025-03-03T10:15:00+08:00', reason: 'order-cancelled' }),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const stored = await repo().getStep(selector);
    const winner = results.find((r) => r.status === 'fulfilled');
    expect(winner?.status === 'fulfilled' && winner.value.status).toBe(stored.status);
  });
});
