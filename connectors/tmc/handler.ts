/** The scheduled TMC poll: every configured TMC shop, one consume/apply/confirm round each. */
import { connectorDeps } from '../webhook/handler.ts';
import { resolveShop } from '../shared/dispatch.ts';
import { pollTmc, tmcClient, tmcShops } from './poll.ts';

export async function handler(): Promise<{ shops: number; consumed: number; confirmed: number; failed: number }> {
  const deps = connectorDeps();
  const totals = { shops: 0, consumed: 0, confirmed: 0, failed: 0 };
  for (const config of tmcShops(deps.connectors)) {
    totals.shops++;
    // One shop's failure (a refused signature, TOP down) does not stop the others; its messages stay unconfirmed.
    try {
      const shop = await resolveShop(deps, 'tmc', config.shopId);
      const result = await pollTmc(deps, shop, tmcClient(shop, () => (deps.transportClock ?? deps.clock).now()));
      totals.consumed += result.consumed;
      totals.confirmed += result.confirmed.length;
      totals.failed += result.failed.length;
    } catch (error) {
      totals.failed++;
      deps.log.error('TMC poll failed', { shopId: config.shopId, error: (error as Error).message });
    }
  }
  if (totals.shops > 0) deps.log.info('TMC poll', totals);
  return totals;
}
