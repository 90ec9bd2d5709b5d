import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { maskPersonal, maskPhone } from '../../../core/cases/mask.ts';
import { looksPersonal, personal, personalPaths } from '../../../core/privacy/personal.ts';
import { STOREFRONT_DATA_SCHEMAS } from '../../../core/storefront/events.ts';

describe('phone masking', () => {
  it('keeps the first three and last four digits of a mobile number, and the last two of a short one', () => {
    expect(maskPhone('13800000000')).toBe('138****0000');
    expect(maskPhone('138 0000 1234')).toBe('138****1234');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('7')).toBe('*');
  });

  it('masks every phone field at any depth and leaves the rest alone', () => {
    const data = { customer: { name: '张三', phone: '13800001234' }, contacts: [{ mobilePhone: '13900005678' }], note: '13800001234', qty: 1 };
    expect(maskPersonal(data)).toEqual({ customer: { name: '张三', phone: '138****1234' }, contacts: [{ mobilePhone: '139****5678' }], note: '13800001234', qty: 1 });
    expect(data.customer.phone).toBe('13800001234');
  });
});

describe('personal data by schema, not by key name (issue 21 item 10)', () => {
  it('reads the personal fields from the storefront schemas: customer.phone of order.placed and complaint.filed', () => {
    expect([...personalPaths(STOREFRONT_DATA_SCHEMAS['order.placed'])]).toEqual([['customer.phone', 'phone']]);
    expect([...personalPaths(STOREFRONT_DATA_SCHEMAS['complaint.filed'])]).toEqual([['customer.phone', 'phone']]);
    expect(personalPaths(STOREFRONT_DATA_SCHEMAS['order.paid']).size).toBe(0);
  });

  it('masks a field the schema marks even when its name says nothing (buyer.contactNo), and only where the schema puts it', () => {
    const schema = z.looseObject({ buyer: z.looseObject({ contactNo: personal(z.string(), 'phone'), orderNo: z.string() }), contactNo: z.string() });
    const masked = maskPersonal({ buyer: { contactNo: '13800001234', orderNo: 'SO-13800001234' }, contactNo: 'desk 7' }, personalPaths(schema));
    expect(masked).toEqual({ buyer: { contactNo: '138****1234', orderNo: 'SO-13800001234' }, contactNo: 'desk 7' });
  });

  it('masks extra fields the contract lets a storefront send whose names look personal: customer.mobile, customer.phoneNumber, tel, 手机号', () => {
    const data = { customer: { name: '张三', phone: '13800001234', mobile: '13900005678', phoneNumber: '+86 137 0000 9999', customer_tel: 13600001111, 手机号: '13500002222', wechat: 'zhangsan88' }, hotel: 'Hilton', telemetry: 'on' };
    expect(maskPersonal(data)).toEqual({
      customer: { name: '张三', phone: '138****1234', mobile: '139****5678', phoneNumber: '+86****9999', customer_tel: '136****1111', 手机号: '135****2222', wechat: 'zha****an88' },
      hotel: 'Hilton',
      telemetry: 'on',
    });
  });

  it('tells personal-looking names by their words, not by substrings', () => {
    expect(['mobile', 'phoneNumber', 'mobilePhone', 'customer_tel', 'contact-email', 'WeChat', '联系电话'].filter(looksPersonal)).toHaveLength(7);
    expect(['hotel', 'telemetry', 'cellar', 'address', 'name', 'note'].filter(looksPersonal)).toEqual([]);
  });
});
