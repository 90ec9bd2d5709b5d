import { describe, expect, it } from 'vitest';
import { caseIndexKeys, stepIndexKeys, stepKey } from '../../../adapters/case-repository/keys.ts';
import type { StepRecord } from '../../../core/cases/step.ts';

const step: StepRecord = {
  caseId: 'C-1',
  caseType: 'order',
  step: 'order.review',
  attempt: 1,
  role: 'ops-cs',
  status: 'open',
  openedAt: '2025-03-03T02:00:00.000Z',
  warnAt: '2025-03-03T02:24:00.000Z',
  due: '2025-03-03T02:30:00.000Z',
  pauses: [],
};
const id = 'C-1#order.review#1';

describe('stepKey', () => {
  it('pads the attempt so attempts sort numerically', () => {
    expect(stepKey('C-1', 'order.payment', 2)).toEqual({ pk: 'CASE#C-1', sk: 'STEP#order.payment#002' });
    expect(stepKey('C-1', 'order.payment', 10).sk > stepKey('C-1', 'order.payment', 9).sk).toBe(true);
  });
});

describe('stepIndexKeys', () => {
  it('queues an open human step by role and arms its warning timer', () => {
    expect(stepIndexKeys(step)).toEqual({
      gsi2pk: 'QUEUE#ops-cs',
      gsi2sk: `2025-03-03T02:30:00.000Z#${id}`,
      gsi3pk: 'SWEEP',
      gsi3sk: `2025-03-03T02:24:00.000Z#${id}`,
    });
  });

  it('arms the due timer once warned', () => {
    expect(stepIndexKeys({ ...step, status: 'warned', warnedAt: '2025-03-03T02:24:00.000Z' }).gsi3sk).toBe(`2025-03-03T02:30:00.000Z#${id}`);
  });

  it('keeps a paused step queued but disarms its timers', () => {
    expect(stepIndexKeys({ ...step, status: 'paused', pausedNow: { from: '2025-03-03T02:10:00.000Z', reason: 'callback' } })).toEqual({
      gsi2pk: 'QUEUE#ops-cs',
      gsi2sk: `2025-03-03T02:30:00.000Z#${id}`,
    });
  });

  it('lists a breached step for its escalation target, paused or not', () => {
    const breached: StepRecord = { ...step, status: 'breached', breachedAt: '2025-03-03T02:30:00.000Z', escalatedTo: 'supervisor' };
    expect(stepIndexKeys(breached)).toMatchObject({ gsi1pk: 'ESCALATED#supervisor', gsi1sk: `2025-03-03T02:30:00.000Z#${id}` });
    expect(stepIndexKeys({ ...breached, status: 'paused' })).toMatchObject({ gsi1pk: 'ESCALATED#supervisor' });
  });

  it('lists a step escalated by hand for its level while its timers stay armed', () => {
    const escalated: StepRecord = { ...step, escalatedTo: 'manager', escalation: { level: 2, at: '2025-03-03T02:10:00.000Z', seenAt: '2025-03-03T02:10:00.000Z', reason: 'x', by: 'sam' } };
    expect(stepIndexKeys(escalated)).toMatchObject({ gsi1pk: 'ESCALATED#manager', gsi3pk: 'SWEEP' });
    expect(stepIndexKeys({ ...escalated, status: 'completed', completedAt: '2025-03-03T02:20:00.000Z' })).not.toHaveProperty('gsi1pk');
  });

  it('files automatic steps by step id, sorting steps without a due last', () => {
    expect(stepIndexKeys({ ...step, step: 'order.delivery', role: 'automatic', due: undefined, warnAt: undefined })).toEqual({
      gsi2pk: 'AWAIT#order.delivery',
      gsi2sk: '~#C-1#order.delivery#1',
    });
  });

  it('moves a closed step to the report day of its closing time, out of queue and sweep', () => {
    expect(stepIndexKeys({ ...step, status: 'completed', completedAt: '2025-03-03T16:30:00.000Z', answeredAt: '2025-03-03T16:30:01.000Z' })).toEqual({
      gsi4pk: 'CLOSED#2025-03-04',
      gsi4sk: `2025-03-03T16:30:00.000Z#${id}`,
    });
  });

  it('keeps a completion whose workflow answer is still owed in the unanswered partition until it is answered', () => {
    expect(stepIndexKeys({ ...step, status: 'completed', completedAt: '2025-03-03T16:30:00.000Z' })).toEqual({
      gsi4pk: 'CLOSED#2025-03-04',
      gsi4sk: `2025-03-03T16:30:00.000Z#${id}`,
      gsi3pk: 'UNANSWERED',
      gsi3sk: `2025-03-03T16:30:00.000Z#${id}`,
    });
    expect(stepIndexKeys({ ...step, status: 'cancelled', completedAt: '2025-03-03T16:30:00.000Z' })).not.toHaveProperty('gsi3pk');
  });
});

describe('caseIndexKeys', () => {
  it('indexes a case by order and by type and status', () => {
    const record = { id: 'C-1', type: 'return' as const, status: 'open' as const, orderId: 'SO-1', openedAt: '2025-03-03T02:00:00.000Z', data: {} };
    expect(caseIndexKeys(record)).toEqual({
      gsi1pk: 'ORDER#SO-1',
      gsi1sk: 'return#2025-03-03T02:00:00.000Z#C-1',
      gsi4pk: 'CASES#return',
      gsi4sk: 'open#2025-03-03T02:00:00.000Z#C-1',
    });
    expect(caseIndexKeys({ ...record, orderId: undefined })).not.toHaveProperty('gsi1pk');
  });
});
