import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../../../../console/src/api/field-errors.ts';

describe('the API\'s 400 messages, field by field', () => {
  it('maps each named field of a body to its message, list positions dropped', () => {
    expect(fieldErrorsOf('body.fields.serialNumbers[0]: a serial number must not be empty; body.fields.invoiceNo: expected invoiceNo as text; body.outcome: is required')).toEqual({
      'fields.serialNumbers': 'a serial number must not be empty',
      'fields.invoiceNo': 'expected invoiceNo as text',
      outcome: 'is required',
    });
    expect(fieldErrorsOf('body.reason: must not be empty')).toEqual({ reason: 'must not be empty' });
    expect(fieldErrorsOf('step order.pack of case c is completed, not open')).toEqual({});
  });
});
