/**
 * The hook every handler runs before its work (middleware.ts, http/handler.ts): the installed
 * dependencies' policy cache checks which version is in force (at most once per minute). A
 * registry rather than an import, so the middleware does not pull in every adapter.
 */
let refresher: (() => Promise<void>) | undefined;

export function setPolicyRefresher(refresh: (() => Promise<void>) | undefined): void {
  refresher = refresh;
}

export async function refreshPolicy(): Promise<void> {
  await refresher?.();
}
