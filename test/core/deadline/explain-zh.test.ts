/** Deadlines told in Chinese from the engine's own result (default policy; 2026-11-30 is a Monday). */
import { describe, expect, it } from 'vitest';
import { due } from '../../../core/deadline/due.ts';
import { describeRuleZh, explainZh, formatDurationZh, roleNameZh } from '../../../core/deadline/explain-zh.ts';
import { getDefaultPolicy } from '../../../policy/load.ts';

const policy = getDefaultPolicy();
const at = (local: string): number => Date.parse(`${local}+08:00`);

describe('deadlines in Chinese', () => {
  it('names durations and roles as people say them', () => {
    expect([formatDurationZh(45 * 60_000), formatDurationZh(90 * 60_000), formatDurationZh(24 * 3_600_000)]).toEqual(['45 分钟', '1 小时 30 分钟', '24 小时']);
    expect(roleNameZh('运营客服 operations customer service', 'ops-cs')).toBe('运营客服');
    expect(roleNameZh('night desk', 'night')).toBe('night');
  });

  it('describes every kind of rule', () => {
    const refund = policy.steps.get('refund.settle')?.rule;
    expect(refund && describeRuleZh(refund, '系统自动')).toBe(
      '取决于退款渠道:支付宝:打开当日结束(24:00)前;银行卡:打开当日之后第 7 个工作日结束(24:00)前(法定节假日不计,调休上班日计入);中国银行:打开当日之后第 10 个工作日结束(24:00)前(法定节假日不计,调休上班日计入)',
    );
    expect(describeRuleZh({ kind: 'on-duty-day-by', at: 17 * 60 }, '投诉受理员')).toBe('到达当日(投诉受理员在岗日)17:00 前;晚于此时到达:下一个在岗日 17:00 前');
    expect(describeRuleZh({ kind: 'pickup-batch' }, '系统自动')).toBe('按可发货时间(下单、付款中较晚者)对应的计划揽收批次');
  });

  it('tells a paused step\'s deadline: the pause is listed and the due moves by it', () => {
    const pauses = [{ start: at('2026-11-30T10:10:00'), end: at('2026-11-30T10:40:00') }];
    const result = due('order.pack', at('2026-11-30T10:00:00'), {}, pauses, policy);
    const rule = policy.steps.get('order.pack')?.rule;
    if (!rule) throw new Error('order.pack is in the default policy');
    expect(explainZh({ stepLabel: '打包录串号', role: '终端管理员', rule, facts: {}, pauses, result, zone: policy.zone })).toEqual([
      '打包录串号(终端管理员):终端管理员在岗时间 1 小时内',
      '打开于 2026-11-30 周一 10:00',
      '暂停 2026-11-30 周一 10:10 至 2026-11-30 周一 10:40(30 分钟,暂停期间不计时)',
      '计时预算:1 小时在岗时间',
      '预警时间 2026-11-30 周一 11:18',
      '到期时间 2026-11-30 周一 11:30',
    ]);
  });

  it('tells the chosen case of a by-fact rule', () => {
    const result = due('refund.settle', at('2026-11-30T10:00:00'), { channel: 'alipay' }, [], policy);
    const rule = policy.steps.get('refund.settle')?.rule;
    if (!rule) throw new Error('refund.settle is in the default policy');
    const lines = explainZh({ stepLabel: '退款到账', role: '系统自动', rule, facts: { channel: 'alipay' }, pauses: [], result, zone: policy.zone });
    expect(lines.slice(1)).toEqual(['channel=alipay:打开当日结束(24:00)前', '打开于 2026-11-30 周一 10:00', '到期时间 2026-11-30 周一 24:00']);
  });
});
