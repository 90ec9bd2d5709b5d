/**
 * `GET /search?q=`: the console's search box. One text is tried as everything it may be, each by a
 * key read, never a scan: a case id (GetItem), an order number (gsi1 `ORDER#`), and the lookup
 * entries of core/cases/search.ts — phone tail, tracking number, customer name (gsi1 `FIND#`).
 * Any staff role may search; the customer's name and phone come back masked.
 */
import type { z } from 'zod';
import type { CaseRecord } from '../../../core/cases/case.ts';
import { maskPhone } from '../../../core/cases/mask.ts';
import { maskName, searchKeys } from '../../../core/cases/search.ts';
import { queryOf } from '../../http/event.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import type { StaffApiDeps } from '../deps.ts';
import { searchQuery, type SearchMatch, type searchHit } from '../schemas.ts';
import { staffCaller } from '../staff.ts';
import { toCaseSummary } from '../views.ts';

/** At most this many cases in one answer (newest first); more sets `truncated`. */
export const SEARCH_LIMIT = 50;

type Match = (typeof SearchMatch)[number];

export function searchRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/search',
    async handle({ event }) {
      staffCaller(event);
      const { q } = validate(searchQuery, queryOf(event), 'query');
      const keys = searchKeys(q);
      const [byId, byOrder, ...byLookup] = await Promise.all([
        deps.repository.getCaseRecords([q]),
        deps.repository.listCasesForOrder(q),
        ...keys.map((key) => deps.repository.findCaseIds(key, { limit: SEARCH_LIMIT })),
      ]);
      const matches = new Map<string, Set<Match>>();
      const found = new Map<string, CaseRecord>();
      const add = (caseId: string, match: Match): void => {
        const set = matches.get(caseId) ?? new Set<Match>();
        set.add(match);
        matches.set(caseId, set);
      };
      for (const [cases, match] of [[byId, 'case'], [byOrder, 'order']] as const) {
        for (const c of cases) {
          found.set(c.id, c);
          add(c.id, match);
        }
      }
      byLookup.forEach((page, i) => page.items.forEach((caseId) => add(caseId, (keys[i] as { kind: Match }).kind)));
      const missing = [...matches.keys()].filter((id) => !found.has(id));
      for (const c of await deps.repository.getCaseRecords(missing)) found.set(c.id, c);
      const hits = [...found.values()].sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0));
      const truncated = hits.length > SEARCH_LIMIT || byLookup.some((page) => page.nextToken !== undefined);
      return jsonResponse(200, { items: hits.slice(0, SEARCH_LIMIT).map((c) => toSearchHit(c, [...(matches.get(c.id) ?? [])], deps)), truncated });
    },
  };
}

function toSearchHit(c: CaseRecord, matchedBy: Match[], deps: StaffApiDeps): z.infer<typeof searchHit> {
  const customer = c.data.customer as { name?: unknown; phone?: unknown } | undefined;
  return {
    ...toCaseSummary(c, deps.policy.zone),
    customer:
      customer !== null && typeof customer === 'object'
        ? { name: typeof customer.name === 'string' ? maskName(customer.name) : null, phone: typeof customer.phone === 'string' ? maskPhone(customer.phone) : null }
        : null,
    matchedBy,
  };
}
