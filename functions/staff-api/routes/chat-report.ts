/**
 * `GET /reports/chat?from=&to=&groupBy=agent|day|hour&labels=` (`supervisor`, api.md): the chat quality
 * report of service-standards.md §10 over inclusive days of the policy's zone (default: the last
 * 7 days); `Accept: text/csv` gives CSV (UTF-8 with BOM; `labels=zh` for Chinese column labels).
 */
import { analyzeConversation } from '../../../core/chat/conversation.ts';
import { chatReport } from '../../../core/chat/report.ts';
import { marketplaceMeasures } from '../../../core/chat/marketplaces.ts';
import { chatReportCsv } from '../../../core/reports/csv.ts';
import { formatDate, parseDate } from '../../../core/time/civil.ts';
import { InvalidRequest } from '../../http/errors.ts';
import { headerOf, queryOf } from '../../http/event.ts';
import { requireRole, SUPERVISOR } from '../../http/identity.ts';
import { csvResponse, jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import type { StaffApiDeps } from '../deps.ts';
import { chatReportQuery } from '../schemas.ts';
import { staffCaller } from '../staff.ts';
import { MAX_REPORT_DAYS } from './reports.ts';

const DEFAULT_DAYS = 7;

export function chatReportRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/reports/chat',
    async handle({ event }) {
      requireRole(staffCaller(event), [SUPERVISOR], 'the chat report');
      const query = validate(chatReportQuery, queryOf(event), 'query');
      const now = deps.clock.now();
      const toDay = query.to === undefined ? deps.policy.zone.dayOf(now) : dayOf('to', query.to);
      const fromDay = query.from === undefined ? toDay - (DEFAULT_DAYS - 1) : dayOf('from', query.from);
      if (toDay < fromDay) throw new InvalidRequest([{ field: 'query.to', message: 'must not be before from' }]);
      if (toDay - fromDay + 1 > MAX_REPORT_DAYS) throw new InvalidRequest([{ field: 'query.to', message: `the range may span at most ${MAX_REPORT_DAYS} days` }]);
      // A conversation is found on every day it has a customer message (a reopened one too): analysed once.
      const seen = new Set<string>();
      const analyses = [];
      for (let day = fromDay; day <= toDay; day++) {
        for (const c of await deps.conversations.listByDay(formatDate(day))) {
          if (seen.has(c.conversationId)) continue;
          seen.add(c.conversationId);
          analyses.push(analyzeConversation(c.messages, deps.policy.chat, now));
        }
      }
      const items = chatReport(analyses, query.groupBy, deps.policy.zone, { fromDay, toDay });
      const from = formatDate(fromDay);
      const to = formatDate(toDay);
      if (/\btext\/csv\b/i.test(headerOf(event, 'accept') ?? '')) return csvResponse(200, chatReportCsv(items, query.groupBy, query.labels), `chat-${from}-${to}-${query.groupBy}.csv`);
      // The marketplaces' own measures per agent beside ours (issue 23; docs/people.md).
      const marketplaces = marketplaceMeasures(analyses, { zone: deps.policy.zone, range: { fromDay, toDay }, asOf: now, taobaoServiceHours: deps.policy.assessment.taobaoServiceHours });
      return jsonResponse(200, { from, to, groupBy: query.groupBy, items, marketplaces });
    },
  };
}

function dayOf(field: 'from' | 'to', text: string): number {
  const day = parseDate(text);
  if (day === undefined) throw new InvalidRequest([{ field: `query.${field}`, message: 'is not a calendar date' }]);
  return day;
}
