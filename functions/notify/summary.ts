/**
 * The daily summary (the `alarm-summary` schedule runs every quarter hour): at the first run at or
 * after the policy's `dailySummary.at` (default 18:00, policy zone), each channel gets today's
 * on-time % per role and the worst steps, and the day's chat breaches (service-standards.md §9) —
 * once per channel and day (a marker in the outbox). A
 * send that should be retried clears the marker, so the next quarter hour tries again.
 */
import { Verdict } from '../../core/alarms/answers.ts';
import { robotPayload } from '../../core/alarms/payloads.ts';
import { renderSummary, type ChatBreachCount } from '../../core/alarms/summary.ts';
import { analyzeConversation, ChatVerdict } from '../../core/chat/conversation.ts';
import { slaReport, type ReportInput } from '../../core/reports/sla-report.ts';
import { formatDate, parseDate } from '../../core/time/civil.ts';
import { activeStepsDueOn, stepsClosedOn } from '../shared/closed-steps.ts';
import type { NotifyDeps } from './deps.ts';
import { roleLabels } from './message.ts';

export interface SummaryResult {
  day: string;
  sent: string[];
  failed: string[];
}

export async function sendDailySummaries(deps: NotifyDeps): Promise<SummaryResult> {
  const now = deps.clock.now();
  const zone = deps.policy.zone;
  const day = formatDate(zone.dayOf(now));
  const result: SummaryResult = { day, sent: [], failed: [] };
  const at = deps.setup.dailySummaryAt;
  if (at === null || zone.minuteOfDay(now) < at || deps.setup.channels.size === 0) return result;
  let input: ReportInput | undefined;
  let chat: ChatBreachCount | undefined;
  for (const channel of deps.setup.channels.values()) {
    if (!(await deps.outbox.claimSummary(channel.name, day, new Date(now).toISOString()))) continue;
    // Today's closed steps, and those still open that were due today: late work left undone is a breach too.
    chat ??= await chatBreachesOn(deps, day);
    input ??= { closed: await stepsClosedOn(deps.repository, day), active: await activeStepsDueOn(deps, [day]), now, calendarOf: (role) => deps.policy.roles.get(role)?.calendar };
    const message = renderSummary({ day, byRole: slaReport(input, 'role'), byStep: slaReport(input, 'step'), language: channel.language, roleLabels: roleLabels(deps.policy), chat });
    const secret = channel.secret === undefined ? undefined : await deps.secrets(channel.secret);
    const answer = await deps.send({ kind: channel.kind, url: channel.url, body: robotPayload(channel.kind, message, { mentions: [], events: [] }), realNow: deps.realClock.now(), ...(secret !== undefined ? { secret } : {}) });
    const log = { channel: channel.name, day, status: answer.status, errcode: answer.code, errmsg: answer.message };
    if (answer.verdict === Verdict.accepted) {
      result.sent.push(channel.name);
      deps.log.info('daily summary sent', log);
    } else {
      result.failed.push(channel.name);
      if (answer.verdict === Verdict.retry) await deps.outbox.unclaimSummary(channel.name, day);
      deps.log.error('daily summary not taken', log);
    }
  }
  return result;
}

/** Late greetings and questions asked on `day` (policy zone), as the chat report counts them. */
async function chatBreachesOn(deps: NotifyDeps, day: string): Promise<ChatBreachCount> {
  const now = deps.clock.now();
  const dayNumber = parseDate(day);
  const onDay = (ms: number): boolean => deps.policy.zone.dayOf(ms) === dayNumber;
  const count: ChatBreachCount = { greetings: 0, replies: 0 };
  for (const c of await deps.conversations.listByDay(day)) {
    const analysis = analyzeConversation(c.messages, deps.policy.chat, now);
    if (analysis.greeting?.verdict === ChatVerdict.breached && onDay(analysis.greeting.askedAt)) count.greetings++;
    count.replies += analysis.questions.filter((q) => q.verdict === ChatVerdict.breached && onDay(q.askedAt)).length;
  }
  return count;
}
