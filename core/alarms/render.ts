/**
 * The text people read: one alarm, or a digest of the alarms of a short window ("09:00 有 40 个订单
 * 审核超时", the first items listed, the rest counted). Platform-neutral lines of text and links;
 * `payloads.ts` turns them into each robot's body. Times are in the policy's zone (`11-30 09:00`).
 */
import { DetailType } from '../ports/events.ts';
import { formatTimeOfDay, weekdayOf } from '../time/civil.ts';
import type { Zone } from '../time/zone.ts';
import type { Alarm } from './alarm.ts';
import { AlarmLanguage, roleName, stepLabel, whatHappened } from './labels.ts';

/** A piece of a line: text, or text linking somewhere. */
export type Segment = string | { text: string; url: string };

export interface AlarmMessage {
  /** One line, also the notification preview; starts with the keyword `SLA` (keyword-mode robots). */
  title: string;
  lines: Segment[][];
}

export interface RenderContext {
  /** Epoch ms: "how late" is counted up to now. */
  now: number;
  zone: Zone;
  language: AlarmLanguage;
  /** The console's base URL (`…/console/`); without it, messages carry no links. */
  consoleUrl?: string;
  /** Role id → the policy's label (`运营客服 operations customer service`). */
  roleLabels: ReadonlyMap<string, string>;
}

/** The keyword every message carries, so that a keyword-mode robot (DingTalk, Feishu) set to `SLA` accepts it. */
export const ALARM_KEYWORD = 'SLA';

const t = (ctx: RenderContext, zh: string, en: string): string => (ctx.language === AlarmLanguage.zh ? zh : en);

/** `11-30 09:00` in the zone. */
export function shortTime(ms: number, zone: Zone): string {
  const iso = zone.formatIso(ms);
  return `${iso.slice(5, 10)} ${formatTimeOfDay(zone.minuteOfDay(ms))}`;
}

/** `11-30 10:00:05` in the zone: chat standards count seconds. */
function secondsTime(ms: number, zone: Zone): string {
  return zone.formatIso(ms).slice(5, 19).replace('T', ' ');
}

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `周二 08:00` (`Tue 08:00`): when an escalation will be seen, within the week ahead. */
export function weekdayTime(ms: number, zone: Zone, language: AlarmLanguage): string {
  const names = language === AlarmLanguage.zh ? WEEKDAYS_ZH : WEEKDAYS_EN;
  return `${names[weekdayOf(zone.dayOf(ms))]} ${formatTimeOfDay(zone.minuteOfDay(ms))}`;
}

/** `35 分钟`, `2 小时 5 分钟`, `1 天 3 小时` (or English), rounded down to minutes. */
export function duration(ms: number, language: AlarmLanguage): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const zh = language === AlarmLanguage.zh;
  const parts: string[] = [];
  if (d > 0) parts.push(zh ? `${d} 天` : `${d} d`);
  if (h > 0) parts.push(zh ? `${h} 小时` : `${h} h`);
  if (m > 0 || parts.length === 0) parts.push(zh ? `${m} 分钟` : `${m} min`);
  return parts.slice(0, 2).join(' ');
}

/** The console's page of a case, e.g. `http://127.0.0.1:3000/console/cases/order-SO-1`. */
export function caseLink(consoleUrl: string, caseId: string): string {
  return `${consoleUrl.replace(/\/+$/, '')}/cases/${encodeURIComponent(caseId)}`;
}

/** `订单审核 order.review`, or the id alone. */
function stepName(step: string | undefined, ctx: RenderContext): string {
  if (step === undefined) return '';
  const label = stepLabel(step, ctx.language);
  return label === undefined ? step : `${label} ${step}`;
}

function roleText(role: string | undefined, ctx: RenderContext): string | undefined {
  if (role === undefined) return undefined;
  const name = roleName(ctx.roleLabels.get(role), ctx.language);
  return name === undefined || name === role ? role : `${name} ${role}`;
}

/** "截止 11-30 09:00,已超时 35 分钟" and its kin: the deadline and how late (or how soon) it is. */
function deadline(alarm: Alarm, ctx: RenderContext): string {
  if (alarm.due === undefined) return '';
  const due = Date.parse(alarm.due);
  const at = shortTime(due, ctx.zone);
  const late = duration(ctx.now - due, ctx.language);
  switch (alarm.detailType) {
    case DetailType.SlaWarning:
      return t(ctx, `截止 ${at},还剩 ${duration(due - ctx.now, ctx.language)}`, `due ${at}, ${duration(due - ctx.now, ctx.language)} left`);
    case DetailType.PickupAtRisk: {
      const batch = alarm.plannedPickupAt === undefined ? '' : formatTimeOfDay(ctx.zone.minuteOfDay(Date.parse(alarm.plannedPickupAt)));
      return t(ctx, `应于 ${at} 前完成以赶 ${batch} 揽收,已超过 ${late}`, `to be done by ${at} for the ${batch} pickup, ${late} past`);
    }
    case DetailType.PickupMissed: {
      const handed = Date.parse(alarm.at);
      return t(ctx, `计划揽收 ${at},实际 ${shortTime(handed, ctx.zone)} 揽收,晚了 ${duration(handed - due, ctx.language)}`, `planned pickup ${at}, picked up ${shortTime(handed, ctx.zone)}, ${duration(handed - due, ctx.language)} late`);
    }
    case DetailType.RefundOverdue:
      return t(ctx, `应到账 ${at},已逾期 ${late}`, `due ${at}, overdue by ${late}`);
    case DetailType.ChatGreetingBreached:
    case DetailType.ChatReplyBreached: {
      const asked = alarm.askedAt === undefined ? '' : secondsTime(Date.parse(alarm.askedAt), ctx.zone);
      const limit = secondsTime(due, ctx.zone);
      const answer = alarm.answeredAt === undefined ? t(ctx, '仍未回复', 'still unanswered') : t(ctx, `${secondsTime(Date.parse(alarm.answeredAt), ctx.zone)} 才回复`, `answered ${secondsTime(Date.parse(alarm.answeredAt), ctx.zone)}`);
      return t(ctx, `顾客 ${asked} 提问,截止 ${limit},${answer}`, `asked ${asked}, due ${limit}, ${answer}`);
    }
    default:
      return t(ctx, `截止 ${at},已超时 ${late}`, `due ${at}, ${late} late`);
  }
}

function ids(alarm: Alarm, ctx: RenderContext): string {
  if (alarm.conversationId !== undefined) {
    const agent = alarm.agentId === undefined || alarm.agentId === 'unassigned' ? t(ctx, '未分配', 'unassigned') : alarm.agentId;
    return `${t(ctx, '会话', 'conversation')} ${alarm.conversationId} · ${t(ctx, '客服', 'agent')} ${agent}`;
  }
  const order = alarm.orderId === undefined ? '' : t(ctx, `订单 ${alarm.orderId} · `, `order ${alarm.orderId} · `);
  return `${order}${t(ctx, '工单', 'case')} ${alarm.caseId}`;
}

function link(alarm: Alarm, ctx: RenderContext, label: string): Segment[] {
  // A chat breach has no case page: the chat report is per agent, day and hour.
  return ctx.consoleUrl === undefined || alarm.caseId === undefined ? [] : [{ text: label, url: caseLink(ctx.consoleUrl, alarm.caseId) }];
}

/** One alarm, in full. */
export function renderAlarm(alarm: Alarm, ctx: RenderContext): AlarmMessage {
  const title = `【${ALARM_KEYWORD}告警】${whatHappened(alarm.detailType, ctx.language)}:${stepName(alarm.step, ctx)}`;
  const enTitle = `[${ALARM_KEYWORD} alarm] ${whatHappened(alarm.detailType, ctx.language)}: ${stepName(alarm.step, ctx)}`;
  const lines: Segment[][] = [[ids(alarm, ctx)]];
  const role = roleText(alarm.role, ctx);
  if (role !== undefined) lines.push([`${t(ctx, '角色', 'role')}: ${role}`]);
  const due = deadline(alarm, ctx);
  if (due !== '') lines.push([due]);
  if (alarm.escalatedTo !== undefined) lines.push([escalation(alarm, alarm.escalatedTo, ctx)]);
  const page = link(alarm, ctx, t(ctx, '在控制台查看', 'open in the console'));
  if (page.length > 0) lines.push(page);
  return { title: t(ctx, title, enTitle).trim(), lines };
}

/**
 * A digest of `alarms` (oldest first) listing the first `listed` and counting the rest, which
 * follow in the next message. With one alarm and nothing left over, the full single message.
 */
export function renderDigest(alarms: readonly Alarm[], listed: number, ctx: RenderContext): AlarmMessage {
  const first = alarms[0];
  if (first === undefined) throw new RangeError('a digest needs at least one alarm');
  const shown = alarms.slice(0, Math.max(1, listed));
  if (alarms.length === 1) return renderAlarm(first, ctx);
  const since = formatTimeOfDay(ctx.zone.minuteOfDay(Math.min(...alarms.map((a) => Date.parse(a.at)))));
  const sameKind = alarms.every((a) => a.detailType === first.detailType && a.step === first.step);
  const count = alarms.length;
  let headline: string;
  if (sameKind) {
    const label = stepLabel(first.step ?? '', ctx.language) ?? first.step ?? '';
    const what = whatHappened(first.detailType, ctx.language);
    headline = t(ctx, `${since} 有 ${count} 个${label}${what}`, `${since}: ${count} ${label} ${what}`);
  } else {
    const byKind = new Map<string, number>();
    for (const a of alarms) byKind.set(a.detailType, (byKind.get(a.detailType) ?? 0) + 1);
    const kinds = [...byKind].map(([type, n]) => `${whatHappened(type, ctx.language)} ${n}`).join(' · ');
    headline = t(ctx, `${since} 起 ${count} 条告警:${kinds}`, `since ${since}: ${count} alarms: ${kinds}`);
  }
  const title = t(ctx, `【${ALARM_KEYWORD}告警】${headline}`, `[${ALARM_KEYWORD} alarm] ${headline}`);
  const lines: Segment[][] = shown.map((alarm) => {
    const what = sameKind ? '' : `${whatHappened(alarm.detailType, ctx.language)} `;
    const step = sameKind ? '' : `${stepName(alarm.step, ctx)} `;
    const role = alarm.role === undefined ? '' : `(${roleText(alarm.role, ctx)}) `;
    const line: Segment[] = [`${what}${step}${role}${ids(alarm, ctx)} · ${deadline(alarm, ctx)}`];
    const page = link(alarm, ctx, t(ctx, '查看', 'open'));
    return page.length > 0 ? [...line, ' ', ...page] : line;
  });
  const rest = count - shown.length;
  if (rest > 0) lines.push([t(ctx, `…… 另有 ${rest} 条,随后续发`, `… and ${rest} more, in the next message`)]);
  const escalated = new Map<string, Alarm>();
  for (const a of shown) if (a.escalatedTo !== undefined && !escalated.has(a.escalatedTo)) escalated.set(a.escalatedTo, a);
  for (const [role, a] of escalated) lines.push([escalation(a, role, ctx)]);
  return { title, lines };
}

/**
 * "已升级至: 主管 supervisor", and when no escalation level is on duty yet, when it will be seen:
 * "已升级至: 主管 supervisor,将于 周二 08:00 由主管处理" (service-standards.md §9).
 */
function escalation(alarm: Alarm, role: string, ctx: RenderContext): string {
  const who = roleText(role, ctx) ?? role;
  const line = `${t(ctx, '已升级至', 'escalated to')}: ${who}`;
  if (alarm.seenAt === undefined || Date.parse(alarm.seenAt) <= Date.parse(alarm.at)) return line;
  const when = weekdayTime(Date.parse(alarm.seenAt), ctx.zone, ctx.language);
  const name = roleName(ctx.roleLabels.get(role), ctx.language) ?? role;
  return t(ctx, `${line},将于 ${when} 由${name}处理`, `${line}, to be seen by the ${name} at ${when}`);
}
