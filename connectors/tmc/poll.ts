/**
 * One TMC poll for one shop: `taobao.tmc.messages.consume` (up to `quantity` messages of the
 * group), each message mapped and applied exactly as a push would be (connectors/shared/dispatch.ts,
 * deduped on the TMC message id), then `taobao.tmc.messages.confirm` for the ones stored (or
 * acknowledged and ignored) — only after they are stored. A message whose events fail or are refused
 * stays unconfirmed, and TMC delivers it again on a later consume. A crash (kill -9) between
 * storing and confirming costs a redelivery, which the idempotency records answer without a second
 * effect; a crash before storing loses nothing, since nothing was confirmed.
 */
import type { ConnectorConfig } from '../../policy/connectors.ts';
import { applyMessage, type DispatchDeps } from '../shared/dispatch.ts';
import { isRecord, parseJson } from '../shared/json.ts';
import type { ResolvedShop } from '../shared/types.ts';
import { mapTmc, TMC_TOPICS_WITH_TRADE, tidOf } from './map.ts';
import { topClient, type TopClient } from './top.ts';

export interface PollResult {
  consumed: number;
  confirmed: string[];
  failed: { id: string; error: string }[];
}

const TRADE_FIELDS = 'tid,created,pay_time,status,receiver_name,receiver_mobile,receiver_phone,receiver_state,receiver_city,receiver_district,receiver_address,orders';

export function tmcClient(shop: ResolvedShop, nowMs: () => number): TopClient {
  return topClient({ ...(shop.config.apiBase !== undefined ? { apiBase: shop.config.apiBase } : {}), appKey: shop.config.appId ?? '', appSecret: shop.secrets.appSecret ?? '', ...(shop.secrets.session ? { session: shop.secrets.session } : {}), nowMs });
}

export async function pollTmc(deps: DispatchDeps, shop: ResolvedShop, top: TopClient, options: { quantity?: number; groupName?: string; beforeConfirm?: () => Promise<void> } = {}): Promise<PollResult> {
  const consumed = await top.call('taobao.tmc.messages.consume', { group_name: options.groupName ?? 'default', quantity: String(options.quantity ?? 100) });
  const list = isRecord(consumed.messages) && Array.isArray(consumed.messages.tmc_message) ? consumed.messages.tmc_message.filter(isRecord) : [];
  const confirmed: string[] = [];
  const failed: PollResult['failed'] = [];
  for (const raw of list) {
    const id = String(raw.id ?? '');
    try {
      const content = typeof raw.content === 'string' ? parseJson(quoteLongIntegers(raw.content), `message ${id} content`) : raw.content;
      if (!isRecord(content)) throw new TypeError(`message ${id}: content is not a JSON object`);
      const topic = String(raw.topic ?? '');
      const trade = TMC_TOPICS_WITH_TRADE.has(topic) ? await fullTrade(top, tidOf(content)) : undefined;
      const message = mapTmc({ id, topic, pubTime: String(raw.pub_time ?? ''), content }, trade, shop.config.paymentChannel);
      await applyMessage(deps, 'tmc', shop.config.shopId, message);
      confirmed.push(id);
    } catch (error) {
      deps.log.warn('TMC message not applied: left unconfirmed for redelivery', { messageId: id, error: (error as Error).message });
      failed.push({ id, error: (error as Error).message });
    }
  }
  await options.beforeConfirm?.();
  if (confirmed.length > 0) await top.call('taobao.tmc.messages.confirm', { group_name: options.groupName ?? 'default', s_message_ids: confirmed.join(',') });
  return { consumed: list.length, confirmed, failed };
}

async function fullTrade(top: TopClient, tid: string): Promise<Record<string, unknown>> {
  const answer = await top.call('taobao.trade.fullinfo.get', { tid, fields: TRADE_FIELDS });
  if (!isRecord(answer.trade)) throw new TypeError(`trade ${tid}: not found`);
  return answer.trade;
}

/** The policy's TMC shops. */
export function tmcShops(connectors: readonly ConnectorConfig[]): ConnectorConfig[] {
  return connectors.filter((c) => c.platform === 'tmc');
}

/** Taobao ids (tid, oid: up to 19 digits) exceed JavaScript's exact integers: read them as strings. */
export function quoteLongIntegers(json: string): string {
  return json.replace(/([:[,]\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"');
}
