import { describe, expect, it } from 'vitest';
import { DetailType } from '../../core/ports/events.ts';
import { createOpenStep } from '../../functions/open-step/open-step.ts';
import { createPickupBatch } from '../../functions/pickup-batch/pickup-batch.ts';
import { caseDeadlineTimerNames, orderHandover } from '../../functions/shared/case-deadlines.ts';
import { givenCase, useHarness, type Harness } from './harness.ts';

/** An order whose parcel was dispatched: its `order.pickup` step waits for the courier. */
async function dispatchedParcel(h: Harness, placedAt: string, token: string): Promise<string> {
  const caseId = await givenCase(h);
  await createOpenStep(h)({ caseId, caseType: 'order', step: 'order.pickup', taskToken: token, deadlineFrom: placedAt });
  return caseId;
}

describe('pickup-batch', () => {
  const { fresh } = useHarness();

  it('hands over every dispatched parcel and raises PickupMissed for one planned for an earlier batch', async () => {
    const h = fresh('2025-03-03T12:50:00+08:00'); // Monday
    const onTime = await dispatchedParcel(h, '2025-03-03T10:00:00+08:00', 'tok-on-time'); // planned 13:00
    const late = await dispatchedParcel(h, '2025-03-03T08:00:00+08:00', 'tok-late'); // planned 10:00
    await h.clock.advanceTo('2025-03-03T13:00:20+08:00'); // the 13:00 run, fired a little late

    const result = await createPickupBatch(h)({ manual: false });

    expect(result.batchId).toBe('2025-03-03T13:00');
    expect(result.handedOver).toEqual(
      expect.arrayContaining([
        { caseId: onTime, plannedAt: '2025-03-03T05:00:00.000Z', missed: false },
        { caseId: late, plannedAt: '2025-03-03T02:00:00.000Z', missed: true },
      ]),
    );
    expect(h.events.ofType(DetailType.PickupMissed).map((e) => e.detail)).toEqual([
      { caseId: late, batchId: '2025-03-03T13:00', plannedAt: '2025-03-03T02:00:00.000Z', handedOverAt: '2025-03-03T05:00:00.000Z' },
    ]);
    expect(h.events.ofType(DetailType.StepCompleted).map((e) => e.detail.caseId).sort()).toEqual([onTime, late].sort());
    expect(h.events.ofType(DetailType.PickupBatchRun)).toHaveLength(1);
    expect(h.workflows.succeeded.find((s) => s.taskToken === 'tok-on-time')?.output).toEqual({
      step: 'order.pickup',
      attempt: 1,
      outcome: null,
      fields: {},
      completedAt: '2025-03-03T05:00:00.000Z', // the batch's instant, though the run fired 20 s later
      completedBy: 'pickup-batch',
      onTime: true,
    });
    expect(await h.repository.getStep({ caseId: late, step: 'order.pickup' })).toMatchObject({ status: 'completed', onTime: false, escalatedTo: 'supervisor' });
    expect(h.events.ofType(DetailType.SlaBreached).map((e) => e.detail.caseId)).toEqual([late]);
    const view = await h.repository.getCase(onTime);
    expect(view.timeline.find((e) => e.kind === 'pickup.handed-over')?.detail).toMatchObject({ batchId: '2025-03-03T13:00', missed: false });
    expect(h.timers.cancelled).toEqual(expect.arrayContaining(caseDeadlineTimerNames(onTime, orderHandover)));
    // A pickup step has no timer of its own: the run decides whether it missed its batch.
    expect(h.timers.pending(late)).toEqual([]);
    // Run again (a redelivered schedule): nothing left to hand over.
    expect((await createPickupBatch(h)({ manual: false })).handedOver).toEqual([]);
  });

  it('does nothing on a Sunday, but hands over when run by hand', async () => {
    const h = fresh('2025-03-08T18:00:00+08:00'); // Saturday evening
    const parcel = await dispatchedParcel(h, '2025-03-08T17:30:00+08:00', 'tok-sat'); // planned Monday 10:00
    await h.clock.advanceTo('2025-03-09T10:00:00+08:00'); // Sunday

    const scheduled = await createPickupBatch(h)({ manual: false });

    expect(scheduled).toMatchObject({ skipped: 'not-a-pickup-day', handedOver: [] });
    expect(h.events.published.filter((e) => e.detailType !== DetailType.StepOpened)).toEqual([]);
    expect(h.workflows.succeeded).toEqual([]);
    expect((await h.repository.getStep({ caseId: parcel, step: 'order.pickup' })).status).toBe('open');

    await h.clock.advanceTo('2025-03-09T14:02:05+08:00');
    const manual = await createPickupBatch(h)({ manual: true, by: 'picker-1' });
    // Its own batch, named for the run and marked manual — not a 13:00 batch of a Sunday.
    expect(manual).toMatchObject({ batchId: '2025-03-09T14:02:05-manual', ranAt: '2025-03-09T06:02:05.000Z' });
    expect(manual.handedOver).toEqual([{ caseId: parcel, plannedAt: '2025-03-10T02:00:00.000Z', missed: false }]);
    expect(await h.repository.getStep({ caseId: parcel, step: 'order.pickup' })).toMatchObject({ status: 'completed', completedBy: 'picker-1', completedAt: '2025-03-09T06:02:05.000Z', onTime: true });
    const entry = (await h.repository.getCase(parcel)).timeline.find((e) => e.kind === 'pickup.handed-over');
    expect(entry).toMatchObject({ at: '2025-03-09T06:02:05.000Z', detail: { batchId: '2025-03-09T14:02:05-manual', manual: true } });
  });

  it('hands over at the run\'s own time when run by hand seconds after a batch time, or when a scheduled run comes late', async () => {
    const h = fresh('2025-03-03T11:00:00+08:00'); // Monday
    const early = await dispatchedParcel(h, '2025-03-03T11:00:00+08:00', 'tok-early'); // planned 13:00
    await h.clock.advanceTo('2025-03-03T13:00:02+08:00');
    const manual = await createPickupBatch(h)({ manual: true, by: 'zhao' });
    expect(manual.batchId).toBe('2025-03-03T13:00:02-manual');
    // Not 13:00:00, two seconds before the courier was there: 2 s past its planned batch.
    expect(await h.repository.getStep({ caseId: early, step: 'order.pickup' })).toMatchObject({ completedAt: '2025-03-03T05:00:02.000Z', onTime: false });

    // The 17:00 run delivered at 18:30 (the platform was down): the parcel left at 18:30, late.
    const evening = await dispatchedParcel(h, '2025-03-03T14:00:00+08:00', 'tok-evening'); // planned 17:00
    await h.clock.advanceTo('2025-03-03T18:30:00+08:00');
    const late = await createPickupBatch(h)({ manual: false });
    expect(late.batchId).toBe('2025-03-03T17:00');
    expect(await h.repository.getStep({ caseId: evening, step: 'order.pickup' })).toMatchObject({ completedAt: '2025-03-03T10:30:00.000Z', onTime: false });
  });
});
