import { describe, expect, it } from 'vitest';
import { STEPS } from '../../../../core/lifecycles/steps.ts';
import { fieldsOf } from '../../../../console/src/forms/zod-fields.ts';

describe('completion forms read from the steps\' zod schemas', () => {
  it('gives packing a required list of serials and a required invoice number', () => {
    expect(fieldsOf(STEPS['order.pack'].fields)).toEqual([
      { name: 'serialNumbers', required: true, kind: 'textList' },
      { name: 'invoiceNo', required: true, kind: 'text' },
    ]);
  });

  it('gives the callback a whole-number score from 1 to 5, the complaint a remedy choice, the review a time, binding a list of records', () => {
    expect(fieldsOf(STEPS['complaint.callback'].fields)[0]).toEqual({ name: 'score', required: true, kind: 'number', integer: true, min: 1, max: 5 });
    expect(fieldsOf(STEPS['complaint.resolve'].fields)[0]).toEqual({ name: 'remedy', required: false, kind: 'choice', options: ['refund', 'reship', 'compensation'] });
    expect(fieldsOf(STEPS['order.review'].fields)[0]).toEqual({ name: 'callbackAt', required: false, kind: 'datetime' });
    expect(fieldsOf(STEPS['order.crm-bind'].fields)).toEqual([
      { name: 'bindings', required: true, kind: 'recordList', fields: [{ name: 'serial', required: true, kind: 'text' }, { name: 'planId', required: true, kind: 'text' }] },
    ]);
    expect(fieldsOf(STEPS['return.verify'].fields)[0]).toEqual({ name: 'exchangeTaken', required: false, kind: 'boolean' });
  });
});
