/** The search box's and the cases page's reads: `GET /search?q=` and `GET /cases` with its filters (index reads on the API side). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { casesPage, searchResult } from '../../../functions/staff-api/schemas.ts';
import { getJson } from './client.ts';

export type SearchResult = z.infer<typeof searchResult>;
export type SearchHit = SearchResult['items'][number];
export type CasesPage = z.infer<typeof casesPage>;
export type CaseSummary = CasesPage['items'][number];

export function useSearch(q: string) {
  return useQuery({ queryKey: ['search', q], queryFn: () => getJson<SearchResult>(`/search?${new URLSearchParams({ q }).toString()}`), enabled: q.trim() !== '' });
}

/** `GET /cases` filters as the page keeps them in its URL: `type` (default order), `status`, `from`/`to` days, `step`, `role`. */
export interface CaseFilter {
  type?: string;
  status?: string;
  from?: string;
  to?: string;
  step?: string;
  role?: string;
}

export function useCaseList(filter: CaseFilter, nextToken: string | undefined) {
  const params = new URLSearchParams({ limit: '20' });
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (!filter.step && !filter.role && !filter.type) params.set('type', 'order');
  if (nextToken) params.set('nextToken', nextToken);
  return useQuery({ queryKey: ['cases', filter, nextToken], queryFn: () => getJson<CasesPage>(`/cases?${params.toString()}`), placeholderData: keepPreviousData });
}
