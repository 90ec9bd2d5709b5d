/** Scorecards (`GET /reports/people`) and the quality-check queue (`GET /qa`, `POST /qa/{id}/score`, `POST /qa/sample`) as TanStack Query hooks; types from the API's zod schemas. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { peopleReportBody, qaItemBody, qaQueueBody, qaSampleResult } from '../../../functions/staff-api/people-schemas.ts';
import { getJson, postJson } from './client.ts';

export type PeopleReport = z.infer<typeof peopleReportBody>;
export type ScorecardRow = PeopleReport['rows'][number];
export type QaQueue = z.infer<typeof qaQueueBody>;
export type QaItem = z.infer<typeof qaItemBody>;

/** Without `from`/`to`, the API's last 30 days; `own`: the caller's card only. */
export function usePeopleReport(from: string | undefined, to: string | undefined, groupBy: PeopleReport['groupBy'], own: boolean) {
  const params = peopleParams(from, to, groupBy, own);
  return useQuery({ queryKey: ['people-report', from, to, groupBy, own], queryFn: () => getJson<PeopleReport>(`/reports/people?${params.toString()}`) });
}

export function peopleParams(from: string | undefined, to: string | undefined, groupBy: PeopleReport['groupBy'], own: boolean): URLSearchParams {
  const params = new URLSearchParams({ groupBy });
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (own) params.set('person', 'me');
  return params;
}

/** Without `week`, last week's sample. */
export function useQaQueue(week: string | undefined, status: 'open' | 'scored' | 'all') {
  const params = new URLSearchParams({ status });
  if (week) params.set('week', week);
  return useQuery({ queryKey: ['qa', week, status], queryFn: () => getJson<QaQueue>(`/qa?${params.toString()}`) });
}

export function useScoreQa() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, scores, note }: { id: string; scores: Record<string, number>; note: string }) => postJson<QaItem>(`/qa/${encodeURIComponent(id)}/score`, { scores, note }),
    onSuccess: () => void Promise.all([client.invalidateQueries({ queryKey: ['qa'] }), client.invalidateQueries({ queryKey: ['people-report'] })]),
  });
}

export function useDrawQa() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (week: string | undefined) => postJson<z.infer<typeof qaSampleResult>>('/qa/sample', week ? { week } : {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['qa'] }),
  });
}
