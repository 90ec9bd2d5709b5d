/**
 * The Douyin Shop open API, as far as the connector calls it: `order.orderDetail` (POST
 * `<apiBase>/order/orderDetail`), signed as documented — the public parameters `app_key`,
 * `method`, `access_token`, `timestamp` (unix seconds), `v=2`, `sign_method=hmac-sha256` and `sign`
 * in the query, `param_json` (keys sorted, no spaces) as the body; `sign` = hex HMAC-SHA256 keyed
 * by app_secret over app_secret + "app_key"<k> + "method"<m> + "param_json"<p> + "timestamp"<t> +
 * "v"<v> + app_secret. Sources: 抖店开放平台 签名算法 (op.jinritemai.com/docs/guide-docs/10/23), as
 * implemented by missedyr/go-dou-dian-sdk src/sign.go and src/curl_fetch.go.
 */
import { createHmac } from 'node:crypto';
import { ConnectorBodyInvalid } from '../shared/errors.ts';
import { isRecord } from '../shared/json.ts';

export const DOUYIN_API_BASE = 'https://openapi-fxg.jinritemai.com';

/** The platform's API answered with an error, or not at all: 502, Douyin pushes again later. */
export class PlatformApiFailed extends Error {
  override readonly name = 'PlatformApiFailed';
  readonly status = 502;
  readonly expose = true;
  constructor(detail: string) {
    super(detail);
  }
}

/** JSON with every object's keys sorted (the param_json the signature covers). */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

export function douyinApiSign(p: { appKey: string; appSecret: string; method: string; paramJson: string; timestamp: string; v: string }): string {
  const text = `${p.appSecret}app_key${p.appKey}method${p.method}param_json${p.paramJson}timestamp${p.timestamp}v${p.v}${p.appSecret}`;
  return createHmac('sha256', p.appSecret).update(text, 'utf8').digest('hex');
}

export interface DouyinApi {
  orderDetail(shopOrderId: string): Promise<Record<string, unknown>>;
}

export function douyinApi(options: { apiBase?: string; appKey: string; appSecret: string; accessToken: string; nowMs: () => number; fetch?: typeof fetch }): DouyinApi {
  const call = async (method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const paramJson = sortedJson(params);
    const timestamp = String(Math.floor(options.nowMs() / 1000));
    const sign = douyinApiSign({ appKey: options.appKey, appSecret: options.appSecret, method, paramJson, timestamp, v: '2' });
    const query = new URLSearchParams({ app_key: options.appKey, method, access_token: options.accessToken, timestamp, v: '2', sign_method: 'hmac-sha256', sign });
    const url = `${(options.apiBase ?? DOUYIN_API_BASE).replace(/\/$/, '')}/${method.replace(/\./g, '/')}?${query.toString()}`;
    let answer: unknown;
    try {
      const res = await (options.fetch ?? fetch)(url, { method: 'POST', headers: { 'content-type': 'application/json;charset=UTF-8' }, body: paramJson, signal: AbortSignal.timeout(3_000) });
      answer = await res.json();
    } catch (error) {
      throw new PlatformApiFailed(`Douyin ${method}: ${(error as Error).message}`);
    }
    if (!isRecord(answer) || answer.err_no !== 0 || !isRecord(answer.data)) throw new PlatformApiFailed(`Douyin ${method}: ${isRecord(answer) ? `err_no ${String(answer.err_no)} ${String(answer.message ?? '')}` : 'not JSON'}`);
    return answer.data;
  };
  return {
    async orderDetail(shopOrderId) {
      const data = await call('order.orderDetail', { shop_order_id: shopOrderId });
      if (!isRecord(data.shop_order_detail)) throw new ConnectorBodyInvalid(`order.orderDetail ${shopOrderId}: no shop_order_detail`);
      return data.shop_order_detail;
    },
  };
}
