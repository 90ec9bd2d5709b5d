/** Reads every page of a store listing, up to `max` items (the listing's first pages win). */
import type { Page, PageRequest } from '../../core/cases/repository.ts';

export async function readAll<T>(read: (page: PageRequest) => Promise<Page<T>>, options: { pageSize?: number; max?: number } = {}): Promise<T[]> {
  const out: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await read({ limit: options.pageSize ?? 500, ...(nextToken !== undefined ? { nextToken } : {}) });
    out.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken !== undefined && out.length < (options.max ?? Infinity));
  return out;
}
