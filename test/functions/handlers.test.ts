import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler as openStepHandler } from '../../functions/open-step/handler.ts';
import { useDependencies } from '../../functions/shared/dependencies.ts';
import { logger } from '../../functions/shared/logger.ts';
import { handler as slaTimerHandler } from '../../functions/sla-timer/handler.ts';
import { givenCase, useHarness } from './harness.ts';
import { lambdaContext } from './http/api-support.ts';

const context = lambdaContext;

describe('handlers (middy wiring over the installed dependencies)', () => {
  const { fresh } = useHarness();
  afterEach(() => {
    useDependencies(undefined);
    vi.restoreAllMocks();
  });

  it('open-step and sla-timer validate their event and run their logic', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    useDependencies(h);
    const caseId = await givenCase(h);

    const opened = await openStepHandler({ caseId, caseType: 'order', step: 'order.dispatch', taskToken: 'tok' }, context);
    expect(opened).toMatchObject({ caseId, due: '2025-03-03T02:05:00.000Z' });

    const due = h.timers.pending(caseId).find((t) => t.payload.kind === 'due');
    if (!due) throw new Error('no due timer');
    await h.clock.advanceTo(due.fireAt);
    expect(await slaTimerHandler(due.payload, context)).toEqual({ outcome: 'breached' });
  });

  it('fails with InvalidInput naming the field for an event that breaks the contract, logged once', async () => {
    useDependencies(fresh('2025-03-03T10:00:00+08:00'));
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    await expect(slaTimerHandler({ kind: 'later', caseId: 'c', step: 's', attempt: 1, at: '2025-03-03T02:00:00Z' }, context)).rejects.toMatchObject({ name: 'InvalidInput', message: expect.stringContaining('kind') });
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
