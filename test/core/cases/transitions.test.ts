import { describe, expect, it } from 'vitest';
import { StepAlreadyPaused, StepNotOpen, StepNotPaused } from '../../../core/cases/errors.ts';
import type { StepRecord, StepStatus } from '../../../core/cases/step.ts';
import { cancelStep, completeStep, markBreached, markWarned, pauseStep, resumeStep } from '../../../core/cases/transitions.ts';

const review: StepRecord = {
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
  taskToken: 'token-1',
};

const closedStatuses: StepStatus[] = ['completed', 'cancelled'];

describe('completeStep', () => {
  it('records when, by whom, the outcome and fields, on time before the due time', () => {
    expect(completeStep(review, { at: '2025-03-03T02:30:00.000Z', by: 'agent-li', outcome: 'confirmed', fields: { a: 1 } })).toEqual({
      ...review,
      status: 'completed',
      completedAt: '2025-03-03T02:30:00.000Z',
      completedBy: 'agent-li',
      onTime: true,
      outcome: 'confirmed',
      fields: { a: 1 },
    });
  });

  it('is late a millisecond after the due time, and after a breach', () => {
    expect(completeStep(review, { at: '2025-03-03T02:30:00.001Z', by: 'x' }).onTime).toBe(false);
    expect(completeStep({ ...review, status: 'breached', breachedAt: '2025-03-03T02:30:00.000Z' }, { at: '2025-03-03T02:20:00.000Z', by: 'x' }).onTime).toBe(false);
  });

  it('is always on time for a step without a deadline', () => {
    expect(completeStep({ ...review, due: undefined, warnAt: undefined }, { at: '2030-01-01T00:00:00.000Z', by: 'x' }).onTime).toBe(true);
  });

  it('closes a running pause and judges the time when the clock stopped', () => {
    const paused = pauseStep(review, { at: '2025-03-03T02:20:00.000Z', reason: 'callback', by: 'agent-li' });
    const done = completeStep(paused, { at: '2025-03-03T05:00:00.000Z', by: 'agent-li' });
    expect(done.onTime).toBe(true);
    expect(done.pausedNow).toBeUndefined();
    expect(done.pauses).toEqual([{ from: '2025-03-03T02:20:00.000Z', to: '2025-03-03T05:00:00.000Z', reason: 'callback', by: 'agent-li' }]);
  });

  it.each(closedStatuses)('refuses a %s step with StepNotOpen', (status) => {
    expect(() => completeStep({ ...review, status }, { at: '2025-03-03T02:10:00.000Z', by: 'x' })).toThrow(StepNotOpen);
    expect(() => cancelStep({ ...review, status }, { at: '2025-03-03T02:10:00.000Z' })).toThrow(StepNotOpen);
    expect(() => pauseStep({ ...review, status }, { at: '2025-03-03T02:10:00.000Z', reason: 'r' })).toThrow(StepNotOpen);
  });
});

describe('cancelStep', () => {
  it('closes the step as cancelled with the reason, leaving onTime unset', () => {
    const cancelled = cancelStep(review, { at: '2025-03-03T02:10:00.000Z', reason: 'order-cancelled', by: 'system' });
    expect(cancelled).toMatchObject({ status: 'cancelled', completedAt: '2025-03-03T02:10:00.000Z', completedBy: 'system', outcome: 'order-cancelled' });
    expect(cancelled.onTime).toBeUndefined();
  });
});

describe('pauseStep / resumeStep', () => {
  it('refuses to pause twice and to resume a step that is not paused', () => {
    const paused = pauseStep(review, { at: '2025-03-03T02:10:00.000Z', reason: 'callback' });
    expect(() => pauseStep(paused, { at: '2025-03-03T02:11:00.000Z', reason: 'again' })).toThrow(StepAlreadyPaused);
    expect(() => resumeStep(review, { at: '2025-03-03T02:11:00.000Z' })).toThrow(StepNotPaused);
  });

  it.each([
    ['open', {}, 'open'],
    ['warned', { warnedAt: '2025-03-03T02:24:00.000Z' }, 'warned'],
    ['breached', { breachedAt: '2025-03-03T02:30:00.000Z' }, 'breached'],
  ] as const)('returns a %s step to %s on resume', (_, marks, expected) => {
    const paused = pauseStep({ ...review, ...marks }, { at: '2025-03-03T02:40:00.000Z', reason: 'callback' });
    expect(paused.status).toBe('paused');
    expect(resumeStep(paused, { at: '2025-03-03T03:40:00.000Z' }).status).toBe(expected);
  });

  it('adopts the recomputed deadline, or keeps the old one when none is given', () => {
    const paused = pauseStep(review, { at: '2025-03-03T02:10:00.000Z', reason: 'callback', until: '2025-03-03T03:10:00.000Z' });
    expect(paused.pausedNow).toEqual({ from: '2025-03-03T02:10:00.000Z', reason: 'callback', until: '2025-03-03T03:10:00.000Z', by: undefined });
    const moved = resumeStep(paused, { at: '2025-03-03T03:10:00.000Z', due: '2025-03-03T03:30:00.000Z', warnAt: '2025-03-03T03:24:00.000Z' });
    expect(moved).toMatchObject({ due: '2025-03-03T03:30:00.000Z', warnAt: '2025-03-03T03:24:00.000Z' });
    expect(resumeStep(paused, { at: '2025-03-03T03:10:00.000Z' })).toMatchObject({ due: review.due, warnAt: review.warnAt });
  });
});

describe('markWarned', () => {
  it('warns an open step at or after its warning time, once', () => {
    const first = markWarned(review, '2025-03-03T02:24:00.000Z');
    expect(first).toEqual({ changed: true, step: { ...review, status: 'warned', warnedAt: '2025-03-03T02:24:00.000Z' } });
    expect(markWarned(first.step, '2025-03-03T02:25:00.000Z')).toEqual({ changed: false, step: first.step });
  });

  it.each([
    ['a timer that fires early (the deadline moved)', review, '2025-03-03T02:23:59.999Z'],
    ['a step without a warning time', { ...review, warnAt: undefined }, '2025-03-03T02:24:00.000Z'],
    ['a paused step', { ...review, status: 'paused' as const }, '2025-03-03T02:24:00.000Z'],
    ['a completed step', { ...review, status: 'completed' as const }, '2025-03-03T02:24:00.000Z'],
    ['a breached step', { ...review, status: 'breached' as const, breachedAt: '2025-03-03T02:30:00.000Z' }, '2025-03-03T02:31:00.000Z'],
  ])('ignores %s', (_, step, at) => {
    expect(markWarned(step, at)).toEqual({ changed: false, step });
  });
});

describe('markBreached', () => {
  it('breaches an open or warned step at its due time and escalates it, once', () => {
    const warned = markWarned(review, '2025-03-03T02:24:00.000Z').step;
    for (const step of [review, warned]) {
      const breached = markBreached(step, '2025-03-03T02:30:00.000Z', { role: 'supervisor', level: 1, seenAt: '2025-03-03T02:30:00.000Z' });
      expect(breached).toEqual({ changed: true, step: { ...step, status: 'breached', breachedAt: '2025-03-03T02:30:00.000Z', escalatedTo: 'supervisor', escalation: { level: 1, at: '2025-03-03T02:30:00.000Z', seenAt: '2025-03-03T02:30:00.000Z' } } });
      expect(markBreached(breached.step, '2025-03-03T02:31:00.000Z', { role: 'supervisor', level: 1, seenAt: '2025-03-03T02:31:00.000Z' }).changed).toBe(false);
    }
  });

  it.each([
    ['a timer that fires early', review, '2025-03-03T02:29:59.999Z'],
    ['a step without a due time', { ...review, due: undefined }, '2025-03-03T02:30:00.000Z'],
    ['a paused step', { ...review, status: 'paused' as const }, '2025-03-03T02:30:00.000Z'],
    ['a cancelled step', { ...review, status: 'cancelled' as const }, '2025-03-03T02:30:00.000Z'],
  ])('ignores %s', (_, step, at) => {
    expect(markBreached(step, at, { role: 'supervisor', level: 1, seenAt: at })).toEqual({ changed: false, step });
  });
});
