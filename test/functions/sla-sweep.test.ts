import { describe, expect, it } from 'vitest';
import { DetailType } from '../../core/ports/events.ts';
import { createOpenStep } from '../../functions/open-step/open-step.ts';
import { createSlaSweep } from '../../functions/sla-sweep/sla-sweep.ts';
import { givenCase, useHarness } from './harness.ts';

describe('sla-sweep', () => {
  const { fresh } = useHarness();

  it('breaches a step whose due timer was lost, and does nothing on the next run', async () => {
    const h = fresh('2025-03-03T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.crm-bind', taskToken: 'tok' });
    h.timers.loseAll();
    // crm-admin 10 min → due 10:10; the sweep runs at 10:15.
    await h.clock.advanceTo('2025-03-03T10:15:00+08:00');
    const sweep = createSlaSweep(h);

    const first = await sweep();
    const second = await sweep();

    expect(first).toMatchObject({ breached: 1, failed: 0 });
    expect(second).toMatchObject({ checked: 0, breached: 0 });
    expect(h.events.typesFor(caseId)).toEqual(['StepOpened', 'SlaBreached']);
    expect(await h.repository.getStep({ caseId, step: 'order.crm-bind' })).toMatchObject({ status: 'breached', escalatedTo: 'supervisor' });
  });

  it('warns a step past its lost warning timer but not yet due', async () => {
    const h = fresh('2025-03-04T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok' });
    h.timers.loseAll();
    // terminal-admin 60 min → warning 10:48, due 11:00.
    await h.clock.advanceTo('2025-03-04T10:50:00+08:00');

    const report = await createSlaSweep(h)();

    expect(report).toMatchObject({ warned: 1, breached: 0 });
    expect(h.events.ofType(DetailType.SlaWarning, caseId)[0]?.detail).toMatchObject({ warnedAt: '2025-03-04T02:50:00.000Z' });
  });

  it('leaves steps whose timers are not yet due alone', async () => {
    const h = fresh('2025-03-05T10:00:00+08:00');
    const caseId = await givenCase(h);
    await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pack', taskToken: 'tok' });
    await h.clock.advanceTo('2025-03-05T10:30:00+08:00');
    await createSlaSweep(h)();
    expect(h.events.typesFor(caseId)).toEqual(['StepOpened']);
  });
});
