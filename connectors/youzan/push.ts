/** A signed Youzan trade_TradeCreate push of a sample order, for `npm run -s connector -- test youzan`. */
import type { SamplePush } from '../shared/sample-push.ts';
import type { ResolvedShop } from '../shared/types.ts';
import { youzanTradeCreate } from './sample.ts';
import { YOUZAN_SIGN_HEADER, youzanSignature } from './verify.ts';

export function youzanSamplePush(shop: ResolvedShop, nowMs: number): SamplePush {
  const clientId = shop.config.appId ?? '';
  const tid = `E${new Date(nowMs).toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const at = new Date(nowMs + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  const body = JSON.stringify(youzanTradeCreate({ clientId, tid, at, version: Math.floor(nowMs / 1000) }));
  return {
    what: `trade_TradeCreate for Youzan order ${tid}`,
    headers: { 'content-type': 'application/json', [YOUZAN_SIGN_HEADER]: youzanSignature(clientId, body, shop.secrets.clientSecret ?? ''), 'Event-Type': 'trade_TradeCreate', 'Client-Id': clientId },
    body,
  };
}
