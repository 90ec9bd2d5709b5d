import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTemplate, DEFAULT_TEMPLATES, NoticeTemplateInvalid, renderNotice } from '../../../core/notices/templates.ts';

const SEED = readFileSync('/work/shared/seed/000_2190f300a3226749.txt', 'utf8').split('\n');

describe('the shipped notice templates', () => {
  it('ship-time is §2.4.1 l.202 word for word, with the seed\'s XXX as {shipTime}', () => {
    expect(SEED[201]).toMatch(/^S:嗯嗯,好的呢,您的货品将在XXX时由顺丰快递寄出/);
    expect(DEFAULT_TEMPLATES['ship-time']).toBe(SEED[201]!.replace(/^S:/, '').replace('XXX', '{shipTime}'));
  });

  it('refund-sent is §2.4.1 l.222 "退款亲,已经退款,请留意查收。xxxxx店欢迎亲再次光临!" with the shop as {shop}', () => {
    expect(DEFAULT_TEMPLATES['refund-sent']).toBe(SEED[221]!.replace(/^退款/, '').replace('xxxxx店', '{shop}'));
  });

  it('complaint-received promises the same-day call of §4.3 l.608 ("前一晚及当日的投诉留言,致电客户进行详细调查")', () => {
    expect(SEED[607]).toContain('前一晚及当日的投诉留言,致电客户进行详细调查');
    expect(DEFAULT_TEMPLATES['complaint-received']).toContain('当天致电您进行详细调查');
  });

  it('every shipped template uses only the placeholders its kind fills', () => {
    for (const [kind, template] of Object.entries(DEFAULT_TEMPLATES)) expect(() => checkTemplate(kind as keyof typeof DEFAULT_TEMPLATES, template)).not.toThrow();
  });
});

describe('renderNotice', () => {
  it('fills each placeholder and leaves an empty string for a value not supplied', () => {
    expect(renderNotice('订单{orderId}:{shop}欢迎您', { shop: '广西移动商城' })).toBe('订单:广西移动商城欢迎您');
  });

  it('refuses a placeholder the kind does not fill, by name (NoticeTemplateInvalid)', () => {
    expect(() => checkTemplate('refund-sent', '{shipTime}')).toThrow(NoticeTemplateInvalid);
    expect(() => checkTemplate('refund-sent', '{shipTime}')).toThrow('unknown placeholder {shipTime} in the refund-sent template (known: {orderId}, {shop})');
  });
});
