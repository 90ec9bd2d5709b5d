import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../../core/cases/step.ts';
import { completionIssues } from '../../../core/lifecycles/completion-facts.ts';

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

const SKUS = ['PHONE-*'];

describe('completion facts', () => {
  it('asks for at least one serial when the case lists no items to count against', () => {
    expect(completionIssues('order.pack', { serialNumbers: ['A'] }, { data: {}, steps: [], serializedSkus: SKUS })).toEqual([]);
    expect(completionIssues('order.pack', { serialNumbers: [] }, { data: {}, steps: [], serializedSkus: SKUS })).toEqual([
      { field: 'body.fields.serialNumbers', code: 'serial_count', expected: '1', message: 'must list at least one serial number (串号)' },
    ]);
  });

  it('binds against the latest pack of the case, and checks nothing before anything was packed', () => {
    const steps = [packed(['OLD'], 1), packed(['NEW'], 2)];
    expect(completionIssues('order.crm-bind', { bindings: [{ serial: 'OLD', planId: 'p' }] }, { data: {}, steps, serializedSkus: SKUS })).toEqual([
      { field: 'body.fields.bindings[0].serial', message: '"OLD" was not packed in this case (packed: NEW)' },
    ]);
    expect(completionIssues('order.crm-bind', { bindings: [{ serial: 'NEW', planId: 'p' }] }, { data: {}, steps, serializedSkus: SKUS })).toEqual([]);
    expect(completionIssues('order.crm-bind', { bindings: [{ serial: 'X', planId: 'p' }] }, { data: {}, steps: [], serializedSkus: SKUS })).toEqual([]);
    expect(completionIssues('order.review', {}, { data: {}, steps, serializedSkus: SKUS })).toEqual([]);
  });
});
