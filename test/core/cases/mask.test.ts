import { describe, expect, it } from 'vitest';
import { maskPhone, maskPhones } from '../../../core/cases/mask.ts';

describe('phone masking', () => {
  it('keeps the first three and last four digits of a mobile number, and the last two of a short one', () => {
    expect(maskPhone('13800000000')).toBe('138****0000');
    expect(maskPhone('138 0000 1234')).toBe('138****1234');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('7')).toBe('*');
  });

  it('masks every phone field at any depth and leaves the rest alone', () => {
    const data = { customer: { name: '张三', phone: '13800001234' }, contacts: [{ mobilePhone: '13900005678' }], note: '13800001234', qty: 1 };
    expect(maskPhones(data)).toEqual({ customer: { name: '张三', phone: '138****1234' }, contacts: [{ mobilePhone: '139****5678' }], note: '13800001234', qty: 1 });
    expect(data.customer.phone).toBe('13800001234');
  });
});
