/**
 * The console's reads and writes as TanStack Query hooks. The queue polls: a GET every
 * `QUEUE_POLL_MS` that the browser revalidates with the ETag the API sends (If-None-Match → 304,
 * no body), chosen over server-sent events because API Gateway HTTP APIs and Lambda answer
 * request/response, not long-lived streams, and polling works the same on both homes.
 */
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson } from './client.ts';
import { CONSOLE_QUEUE_FIRST_PAGE, QUEUE_PAGE_MAX } from '../../../functions/staff-api/queue-limits.ts';
import type { Board, CaseView, ChatReport, PolicyView, Queue, SlaReport, StepActionResult } from './types.ts';

/** How often the queue and board refresh; a session may shorten it (the browser tests do). */
export function pollMs(): number {
  const override = Number(sessionStorage.getItem('sla-console.pollMs'));
  return Number.isFinite(override) && override >= 100 ? override : 15_000;
}

/** How many queue items the console asks for at once; a session may lower it (the browser tests do). */
export function queuePageSize(): number {
  const override = Number(sessionStorage.getItem('sla-console.queuePageSize'));
  return Number.isInteger(override) && override >= 1 && override <= QUEUE_PAGE_MAX ? override : CONSOLE_QUEUE_FIRST_PAGE;
}

/**
 * The queue's read, page by page (`GET /queue?limit=&nextToken=`): the first page at once, more on
 * 加载更多 (load more). Polled every `pollMs()` (the loaded pages are read again); fresh for 2 s,
 * so the read main.tsx starts at boot serves the page's first draw instead of being repeated when
 * the page mounts.
 */
export function queueQuery() {
  const limit = queuePageSize();
  return infiniteQueryOptions({
    queryKey: ['queue'],
    queryFn: ({ pageParam }) => getJson<Queue>(`/queue?${new URLSearchParams({ limit: String(limit), ...(pageParam !== undefined ? { nextToken: pageParam } : {}) }).toString()}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextToken,
    staleTime: 2_000,
    refetchInterval: pollMs(),
    refetchIntervalInBackground: false,
  });
}

export function useQueue() {
  return useInfiniteQuery(queueQuery());
}

export function useBoard() {
  return useQuery({ queryKey: ['board'], queryFn: () => getJson<Board>('/board'), refetchInterval: pollMs() });
}

export function usePolicy(year: number | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['policy', year], queryFn: () => getJson<PolicyView>(`/policy${year ? `?year=${year}` : ''}`), staleTime: 5 * 60_000, enabled });
}

/** The case, polled; `enabled: false` reads only what is cached (a dialog that needs the case only for some steps). */
export function useCase(caseId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['case', caseId], queryFn: () => getJson<CaseView>(`/cases/${encodeURIComponent(caseId)}`), refetchInterval: pollMs(), enabled });
}

export function useSlaReport(from: string | undefined, to: string | undefined, groupBy: string) {
  const params = new URLSearchParams({ groupBy });
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return useQuery({ queryKey: ['report', from, to, groupBy], queryFn: () => getJson<SlaReport>(`/reports/sla?${params.toString()}`) });
}

/** `GET /reports/chat` (supervisor): without `from`/`to`, the API's last 7 days in the policy's zone. */
export function useChatReport(from: string | undefined, to: string | undefined, groupBy: ChatReport['groupBy'], enabled = true) {
  const params = new URLSearchParams({ groupBy });
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return useQuery({ queryKey: ['chat-report', from, to, groupBy], queryFn: () => getJson<ChatReport>(`/reports/chat?${params.toString()}`), enabled });
}

export type StepAction =
  | { kind: 'complete'; outcome?: string; fields?: Record<string, unknown> }
  | { kind: 'pause'; reason: string; until?: string }
  | { kind: 'escalate'; reason: string }
  | { kind: 'resume' };

/** Completes, pauses or resumes a step; the queue and the case refresh afterwards. */
export function useStepAction(caseId: string, step: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: StepAction) => {
      const { kind, ...body } = action;
      return postJson<StepActionResult>(`/cases/${encodeURIComponent(caseId)}/steps/${encodeURIComponent(step)}/${kind}`, body);
    },
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: ['queue'] }), client.invalidateQueries({ queryKey: ['case', caseId] })]);
    },
  });
}
