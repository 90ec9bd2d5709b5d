/**
 * Deadlines in Chinese for the people who work them (the console's default language): a rule in
 * words, and an account of one computed deadline — rule, clock start, pauses, budget, warning,
 * due — built from the engine's result (core/deadline/due.ts), never recomputed here. The
 * English account with every counted piece is the engine's own `explain` (explain.ts).
 */
import type { Interval } from '../calendar/interval.ts';
import { formatDate, formatTimeOfDay, MS_PER_MINUTE, weekdayOf } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';
import type { DeadlineResult, DeadlineRule, Facts } from './types.ts';

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** `2026-11-30 周一 09:00` in the policy's zone. */
export function formatShortZh(zone: Zone, ms: number): string {
  const day = zone.dayOf(ms);
  return `${formatDate(day)} ${WEEKDAYS_ZH[weekdayOf(day)] ?? ''} ${formatTimeOfDay(zone.minuteOfDay(ms))}`;
}

/** Like formatShortZh, but midnight reads as the end of the day before (`2026-11-30 周一 24:00`), as day rules say it. */
export function formatEndZh(zone: Zone, ms: number): string {
  if (zone.minuteOfDay(ms) !== 0) return formatShortZh(zone, ms);
  const day = zone.dayOf(ms) - 1;
  return `${formatDate(day)} ${WEEKDAYS_ZH[weekdayOf(day)] ?? ''} 24:00`;
}

/** `1 小时 30 分钟`, `45 分钟`, `24 小时`. */
export function formatDurationZh(ms: number): string {
  const minutes = Math.round(ms / MS_PER_MINUTE);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${h} 小时 ${m} 分钟`;
  return h ? `${h} 小时` : `${m} 分钟`;
}

/** A rule in Chinese words; `role` is the role's Chinese name (e.g. 运营客服). */
export function describeRuleZh(rule: DeadlineRule, role: string): string {
  switch (rule.kind) {
    case 'business-minutes':
      return `${role}在岗时间 ${formatDurationZh(rule.minutes * MS_PER_MINUTE)}内`;
    case 'business-minutes-or-next-on-duty-day-by':
      return `${role}在岗时间 ${formatDurationZh(rule.minutes * MS_PER_MINUTE)}内;非在岗时段到达:下一个在岗日 ${formatTimeOfDay(rule.offDutyBy)} 前`;
    case 'on-duty-day-by':
      return `到达当日(${role}在岗日)${formatTimeOfDay(rule.at)} 前;晚于此时到达:下一个在岗日 ${formatTimeOfDay(rule.at)} 前`;
    case 'working-days-end':
      return `打开当日之后第 ${rule.days} 个工作日${rule.at === undefined ? '结束(24:00)' : ` ${formatTimeOfDay(rule.at)} `}前(法定节假日不计,调休上班日计入)`;
    case 'same-day-end':
      return '打开当日结束(24:00)前';
    case 'pickup-batch':
      return '按可发货时间(下单、付款中较晚者)对应的计划揽收批次';
    case 'by-fact':
      return `取决于${FACT_ZH[rule.fact] ?? rule.fact}:${Object.entries(rule.cases)
        .map(([value, r]) => `${VALUE_ZH[value] ?? value}:${describeRuleZh(r, role)}`)
        .join(';')}`;
    case 'none':
      return '无时限';
  }
}

/** Names of the facts a by-fact rule reads, and of their values (api.md: order.placed `paymentChannel`), so no raw id reaches a reader. */
const FACT_ZH: Readonly<Record<string, string>> = { channel: '退款渠道', level: '投诉级别' };
const VALUE_ZH: Readonly<Record<string, string>> = { alipay: '支付宝', 'bank-card': '银行卡', boc: '中国银行', wechat: '微信支付', normal: '普通', urgent: '紧急' };

/** The role's Chinese name from its policy label (`运营客服 operations customer service` → 运营客服), else its id. */
export function roleNameZh(label: string | undefined, roleId: string): string {
  const first = label?.trim().split(/\s+/)[0];
  return first !== undefined && /[\u4e00-\u9fff]/.test(first) ? first : roleId;
}

export interface ZhExplanationInput {
  /** The step's Chinese label (core/lifecycles/step-labels.ts). */
  stepLabel: string;
  /** The role's Chinese name. */
  role: string;
  rule: DeadlineRule;
  facts: Facts;
  pauses: readonly Interval[];
  result: DeadlineResult;
  zone: Zone;
}

/** The engine's result told in Chinese, one line per fact. */
export function explainZh(input: ZhExplanationInput): string[] {
  const { result, zone, rule, role } = input;
  const t = (ms: number): string => formatShortZh(zone, ms);
  const lines = [`${input.stepLabel}(${role}):${describeRuleZh(rule, role)}`];
  if (rule.kind === 'by-fact') {
    const value = input.facts[rule.fact] ?? rule.default;
    const chosen = value === undefined ? undefined : rule.cases[value];
    if (value !== undefined && chosen) lines.push(`${rule.fact}=${value}:${describeRuleZh(chosen, role)}`);
  }
  lines.push(
    result.clockStart > result.opened
      ? `打开于 ${t(result.opened)},${role}不在岗,${t(result.clockStart)} 起计时`
      : `打开于 ${t(result.opened)}`,
  );
  for (const pause of input.pauses) lines.push(`暂停 ${t(pause.start)} 至 ${t(pause.end)}(${formatDurationZh(pause.end - pause.start)},暂停期间不计时)`);
  if (result.budget !== null && result.due !== null) lines.push(`计时预算:${formatDurationZh(result.budget)}在岗时间`);
  if (result.warnAt !== null) lines.push(`预警时间 ${t(result.warnAt)}`);
  lines.push(result.due === null ? '无时限:不会超时' : `到期时间 ${formatEndZh(zone, result.due)}`);
  return lines;
}
