/**
 * Links the platform sends (alarms, the daily summary: core/alarms/render.ts `caseLink`) name a
 * case by path, `…/console/cases/<id>`, which chat apps keep intact where they may drop a `#`.
 * Both homes answer such a path with the console's page (local/console/site.ts; CloudFront's
 * 403/404 → index.html on AWS), and the console routes by hash: this turns the path into its route.
 */

/** The hash route for a path under the console's base, e.g. `/console/cases/order-SO-1` → `/cases/order-SO-1`; undefined for the base itself. */
export function routeOfPath(pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rest = pathname.slice(base.length).replace(/\/+$/, '');
  if (rest === '' || rest === 'index.html') return undefined;
  return `/${rest}`;
}
