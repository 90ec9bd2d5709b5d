/**
 * The daily summary a channel receives (default 18:00 in the policy's zone): today's on-time %
 * per role and the worst steps, from the SLA report of the steps closed today, and the chat
 * breaches of the day (service-standards.md §9: chat breaches count in the daily summary).
 */
import type { SlaReport } from '../reports/sla-report.ts';
import { AlarmLanguage, roleName, stepLabel } from './labels.ts';
import { ALARM_KEYWORD, type AlarmMessage } from './render.ts';

export interface SummaryInput {
  /** `YYYY-MM-DD` in the policy's zone. */
  day: string;
  byRole: SlaReport;
  byStep: SlaReport;
  language: AlarmLanguage;
  roleLabels: ReadonlyMap<string, string>;
  /** How many of the worst steps to list. */
  worst?: number;
  /** Today's late chat greetings and replies (§10); absent: not counted. */
  chat?: ChatBreachCount;
}

export interface ChatBreachCount {
  greetings: number;
  replies: number;
}

const pct = (value: number | null): string => (value === null ? '—' : `${value.toFixed(1)}%`);

export function renderSummary(input: SummaryInput): AlarmMessage {
  const zh = input.language === AlarmLanguage.zh;
  const { total } = input.byRole;
  const date = input.day.slice(5);
  const title = zh
    ? `【${ALARM_KEYWORD}日报】${date} 准时率 ${pct(total.onTimePct)}(完成 ${total.count} 个步骤,超时 ${total.breaches} 个)`
    : `[${ALARM_KEYWORD} daily] ${date} on time ${pct(total.onTimePct)} (${total.count} steps done, ${total.breaches} late)`;
  const chat = chatLine(input.chat, zh);
  if (total.count === 0) return { title, lines: [[zh ? '今天没有完成的步骤' : 'no steps were completed today'], ...chat] };
  const lines: string[][] = [[zh ? '按角色:' : 'by role:']];
  for (const row of input.byRole.rows) {
    const name = roleName(input.roleLabels.get(row.group), input.language);
    lines.push([`${name === undefined ? row.group : `${name} ${row.group}`} ${pct(row.onTimePct)} (${row.onTime}/${row.count})`]);
  }
  const worst = [...input.byStep.rows]
    .filter((row) => row.breaches > 0)
    .sort((a, b) => (a.onTimePct ?? 100) - (b.onTimePct ?? 100) || b.breaches - a.breaches)
    .slice(0, input.worst ?? 3);
  if (worst.length > 0) {
    lines.push([zh ? '最差步骤:' : 'worst steps:']);
    for (const row of worst) {
      const label = stepLabel(row.group, input.language);
      lines.push([`${label === undefined ? row.group : `${label} ${row.group}`} ${pct(row.onTimePct)}, ${zh ? `超时 ${row.breaches} 个` : `${row.breaches} late`}`]);
    }
  }
  return { title, lines: [...lines, ...chat] };
}

/** "售前咨询超时 3 次(问候 1,回复 2)", or nothing when chat is not counted. */
function chatLine(chat: ChatBreachCount | undefined, zh: boolean): string[][] {
  if (chat === undefined) return [];
  const total = chat.greetings + chat.replies;
  return [[zh ? `售前咨询超时 ${total} 次(问候 ${chat.greetings},回复 ${chat.replies})` : `pre-sale chat: ${total} late (greetings ${chat.greetings}, replies ${chat.replies})`]];
}
