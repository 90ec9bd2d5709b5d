/**
 * `fn` over `items` with at most `limit` calls in flight; the results in the items' order. The demo's
 * read-only sweeps after the day (one `GET /cases/{id}` per order) use it so the runtime can answer
 * several reads at once instead of one round trip after another.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** How many of the demo's after-the-day reads are in flight at once: enough to keep both cores' runtimes busy, few enough not to crowd out anything else. */
export const READS_IN_FLIGHT = 8;
