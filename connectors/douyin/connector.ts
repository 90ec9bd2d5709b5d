/**
 * The Douyin Shop connector: a push is a JSON array of `{tag, msg_id, data}` (data a JSON string);
 * each message is deduped on `msg_id`. Where the mapping needs the order (tags 100, 101, and 200
 * without `aftersale_type`) it is fetched through `order.orderDetail` on the shop's `apiBase`.
 * Douyin takes `{"code":0,"msg":"success"}` as received. Source: 抖店开放平台 消息推送; docs/connectors.md.
 */
import { ConnectorBodyInvalid } from '../shared/errors.ts';
import { isRecord, parseJson } from '../shared/json.ts';
import type { Connector, PlatformMessage } from '../shared/types.ts';
import { douyinApi } from './api.ts';
import { mapDouyin, needsOrderDetail, orderIdOf } from './map.ts';
import { DOUYIN_SIGN_HEADER, verifyDouyin } from './verify.ts';

export const DOUYIN_ACK = { code: 0, msg: 'success' } as const;

export const douyinConnector: Connector = {
  platform: 'douyin',
  verify(request, shop) {
    verifyDouyin(request.header(DOUYIN_SIGN_HEADER), request.body, shop.config.appId ?? '', shop.secrets.appSecret ?? '');
  },
  async decode(request, shop) {
    const body = parseJson(request.body.toString('utf8'), 'body');
    if (!Array.isArray(body)) throw new ConnectorBodyInvalid('body: expected a JSON array of {tag, msg_id, data}');
    const api = douyinApi({ ...(shop.config.apiBase !== undefined ? { apiBase: shop.config.apiBase } : {}), appKey: shop.config.appId ?? '', appSecret: shop.secrets.appSecret ?? '', accessToken: shop.secrets.accessToken ?? '', nowMs: () => Date.now() });
    const messages: PlatformMessage[] = [];
    for (const [i, item] of body.entries()) {
      if (!isRecord(item)) throw new ConnectorBodyInvalid(`body[${i}]: expected {tag, msg_id, data}`);
      const tag = typeof item.tag === 'string' || typeof item.tag === 'number' ? String(item.tag) : undefined;
      const msgId = typeof item.msg_id === 'string' && /^[\w:.-]{1,128}$/.test(item.msg_id) ? item.msg_id : undefined;
      if (tag === undefined || msgId === undefined) throw new ConnectorBodyInvalid(`body[${i}]: tag and msg_id are required`);
      const data = typeof item.data === 'string' ? parseJson(item.data, `body[${i}].data`) : item.data;
      if (!isRecord(data)) throw new ConnectorBodyInvalid(`body[${i}].data: expected a JSON object (as a string)`);
      const detail = needsOrderDetail(tag, data) ? await api.orderDetail(orderIdOf(data)) : undefined;
      messages.push(mapDouyin({ tag, msgId, data }, detail, shop.config.paymentChannel));
    }
    return messages;
  },
  ack(cases) {
    return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'x-sla-cases': cases.join(',') }, body: JSON.stringify(DOUYIN_ACK) };
  },
};
