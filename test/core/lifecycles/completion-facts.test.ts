import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../core/cases/step.ts';
import { completionIssues, orderedUnits } from '../../../core/lifecycles/completion-facts.ts';

const packed = (serialNumbers: string[], attempt = 1): StepRecord => ({
  caseId: 'c',
  caseType: 'order',
  step: 'order.pack',
  attempt,
  role: 'terminal-admin',
  status: 'completed',
  openedAt: '2025-03-03T02:00:00.000Z',
  pauses: [],
  fields: { serialNumbers },
});

describe('completion facts', () => {
  it('counts the units ordered, and checks nothing for a case without items', () => {
    expect(orderedUnits({ items: [{ qty: 2 }, { qty: 3 }] })).toBe(5);
    expect(orderedUnits({})).toBeUndefined();
    expect(completionIssues('order.pack', { serialNumbers: ['A'] }, { data: {}, steps: [] })).toEqual([]);
  });

  it('binds against the latest pack of the case, and checks nothing before anything was packed', () => {
    const steps = [packed(['OLD'], 1), packed(['NEW'], 2)];
    expect(completionIssues('order.crm-bind', { bindings: [{ serial: 'OLD', planId: 'p' }] }, { data: {}, steps })).toEqual([
      { field: 'body.fields.bindings[0].serial', message: '"OLD" was not packed in this case (packed: NEW)' },
    ]);
    expect(completionIssues('order.crm-bind', { bindings: [{ serial: 'NEW', planId: 'p' }] }, { data: {}, steps })).toEqual([]);
    expect(completionIssues('order.crm-bind', { bindings: [{ serial: 'X', planId: 'p' }] }, { data: {}, steps: [] })).toEqual([]);
    expect(completionIssues('order.review', {}, { data: {}, steps })).toEqual([]);
  });
});
