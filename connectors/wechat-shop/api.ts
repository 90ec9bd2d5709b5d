/**
 * The WeChat Shop (微信小店) open API calls the connector makes: `POST
 * <apiBase>/channels/ec/order/get?access_token=…` with `{"order_id"}` and `POST
 * <apiBase>/channels/ec/aftersale/getaftersaleorder?access_token=…` with `{"after_sale_order_id"}`;
 * WeChat authenticates them by the access token alone. Source: 微信小店 API 订单/售后 (developers.weixin.qq.com/doc/store).
 */
import { PlatformApiFailed } from '../douyin/api.ts';
import { isRecord } from '../shared/json.ts';

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

export interface WechatShopApi {
  order(orderId: string): Promise<Record<string, unknown>>;
  afterSale(afterSaleOrderId: string): Promise<Record<string, unknown>>;
}

export function wechatShopApi(options: { apiBase?: string; accessToken: string; fetch?: typeof fetch }): WechatShopApi {
  const call = async (path: string, body: Record<string, unknown>, field: string): Promise<Record<string, unknown>> => {
    const url = `${(options.apiBase ?? WECHAT_API_BASE).replace(/\/$/, '')}${path}?access_token=${encodeURIComponent(options.accessToken)}`;
    let answer: unknown;
    try {
      const res = await (options.fetch ?? fetch)(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(3_000) });
      answer = await res.json();
    } catch (error) {
      throw new PlatformApiFailed(`WeChat ${path}: ${(error as Error).message}`);
    }
    if (!isRecord(answer) || (answer.errcode ?? 0) !== 0 || !isRecord(answer[field])) throw new PlatformApiFailed(`WeChat ${path}: ${isRecord(answer) ? `errcode ${String(answer.errcode)} ${String(answer.errmsg ?? '')}` : 'not JSON'}`);
    return answer[field];
  };
  return {
    order: (orderId) => call('/channels/ec/order/get', { order_id: orderId }, 'order'),
    afterSale: (id) => call('/channels/ec/aftersale/getaftersaleorder', { after_sale_order_id: id }, 'after_sale_order'),
  };
}
