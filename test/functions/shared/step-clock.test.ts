import { describe, expect, it } from 'vitest';
import { createOpenStep } from '../../../functions/open-step/open-step.ts';
import { createStepClock } from '../../../functions/shared/step-clock.ts';
import { givenCase, useHarness } from '../harness.ts';

describe('the step clock', () => {
  const { fresh } = useHarness();

  it('marks a deadline provisional when a pause pushes it into a year without a published holiday schedule', async () => {
    const h = fresh('2026-12-18T10:00:00+08:00'); // Friday
    const caseId = await givenCase(h, 'cancellation');
    await createOpenStep(h)({ caseId, caseType: 'cancellation', step: 'refund.settle', taskToken: 'tok', facts: { channel: 'bank-card' } });
    const opened = await h.repository.getStep({ caseId, step: 'refund.settle' });
    expect(opened.due! < '2027-01-01').toBe(true);
    expect(opened).not.toHaveProperty('provisional');

    const clock = createStepClock(h);
    await clock.pause({ caseId, step: 'refund.settle' }, { reason: 'the bank asked for the account holder’s ID' });
    await h.clock.advanceTo(Date.parse('2026-12-28T10:00:00+08:00'));
    const resumed = await clock.resume({ caseId, step: 'refund.settle' });

    expect(resumed.due! > '2027-01-01').toBe(true);
    expect(resumed.provisional).toBe(true);
    expect(await h.repository.getStep({ caseId, step: 'refund.settle' })).toMatchObject({ due: resumed.due, provisional: true });
  });

  it('keeps a deadline that stays within published data not provisional across a pause', async () => {
    const h = fresh('2026-03-02T10:00:00+08:00'); // Monday
    const caseId = await givenCase(h, 'cancellation');
    await createOpenStep(h)({ caseId, caseType: 'cancellation', step: 'refund.settle', taskToken: 'tok', facts: { channel: 'bank-card' } });
    const clock = createStepClock(h);
    await clock.pause({ caseId, step: 'refund.settle' }, { reason: 'waiting for the bank' });
    await h.clock.advanceTo(Date.parse('2026-03-04T10:00:00+08:00'));
    const resumed = await clock.resume({ caseId, step: 'refund.settle' });
    expect(resumed.due! > (await h.repository.getStep({ caseId, step: 'refund.settle' })).openedAt).toBe(true);
    expect(resumed).not.toHaveProperty('provisional');
  });
});
