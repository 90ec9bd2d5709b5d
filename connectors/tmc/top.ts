/**
 * The Taobao Open Platform (TOP) gateway call, signed as documented (open.taobao.com "API调用方法
 *详解"): the system parameters `method`, `app_key`, `session` (optional), `timestamp`
 * (`yyyy-MM-dd HH:mm:ss`, GMT+8), `format=json`, `v=2.0`, `sign_method` (`md5` or `hmac`) plus the
 * API's own parameters, sorted by name and concatenated as name+value; `sign` = upper-case hex of
 * md5(secret + that + secret), or of HMAC-MD5 keyed by the secret over it (`hmac`). POSTed
 * form-encoded to the gateway (`apiBase`, default https://eco.taobao.com/router/rest).
 */
import { createHash, createHmac } from 'node:crypto';
import { PlatformApiFailed } from '../douyin/api.ts';
import { isRecord } from '../shared/json.ts';

export const TOP_GATEWAY = 'https://eco.taobao.com/router/rest';

export function topSign(params: Readonly<Record<string, string>>, secret: string, method: 'md5' | 'hmac'): string {
  const text = Object.keys(params)
    .filter((k) => k !== 'sign')
    .sort()
    .map((k) => `${k}${params[k] ?? ''}`)
    .join('');
  return (method === 'md5' ? createHash('md5').update(`${secret}${text}${secret}`, 'utf8') : createHmac('md5', secret).update(text, 'utf8')).digest('hex').toUpperCase();
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time. */
export function topTimestamp(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export interface TopClient {
  call(method: string, params: Record<string, string>): Promise<Record<string, unknown>>;
}

export function topClient(options: { apiBase?: string; appKey: string; appSecret: string; session?: string; signMethod?: 'md5' | 'hmac'; nowMs: () => number; fetch?: typeof fetch }): TopClient {
  return {
    async call(method, params) {
      const all: Record<string, string> = { method, app_key: options.appKey, timestamp: topTimestamp(options.nowMs()), format: 'json', v: '2.0', sign_method: options.signMethod ?? 'md5', ...(options.session ? { session: options.session } : {}), ...params };
      all.sign = topSign(all, options.appSecret, options.signMethod ?? 'md5');
      let answer: unknown;
      try {
        const res = await (options.fetch ?? fetch)(options.apiBase ?? TOP_GATEWAY, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }, body: new URLSearchParams(all).toString(), signal: AbortSignal.timeout(5_000) });
        answer = await res.json();
      } catch (error) {
        throw new PlatformApiFailed(`TOP ${method}: ${(error as Error).message}`);
      }
      if (!isRecord(answer)) throw new PlatformApiFailed(`TOP ${method}: not JSON`);
      if (isRecord(answer.error_response)) throw new PlatformApiFailed(`TOP ${method}: ${String(answer.error_response.code)} ${String(answer.error_response.msg ?? '')} ${String(answer.error_response.sub_msg ?? '')}`.trim());
      const key = `${method.replace(/^taobao\./, '').replace(/\./g, '_')}_response`;
      if (!isRecord(answer[key])) throw new PlatformApiFailed(`TOP ${method}: no ${key}`);
      return answer[key];
    },
  };
}
