/**
 * The Youzan connector: one message per push, deduped on `msg_id`; ordered per `(type, id)` by
 * `version` (higher overrides lower); test messages (`test: true`) acknowledged and ignored.
 * Youzan takes an answer whose body contains `success` within 5 s as received, anything else is
 * pushed again. Source: doc.youzanyun.com message push guide; docs/connectors.md.
 */
import { parseJson } from '../shared/json.ts';
import type { Connector } from '../shared/types.ts';
import { mapYouzan, readYouzanPush } from './map.ts';
import { verifyYouzan, YOUZAN_SIGN_HEADER } from './verify.ts';

export const YOUZAN_ACK = { code: 0, msg: 'success' } as const;

export const youzanConnector: Connector = {
  platform: 'youzan',
  verify(request, shop) {
    verifyYouzan(request.header(YOUZAN_SIGN_HEADER), request.body, shop.config.appId ?? '', shop.secrets.clientSecret ?? '');
  },
  decode(request, shop) {
    const push = readYouzanPush(parseJson(request.body.toString('utf8'), 'body'));
    return Promise.resolve([mapYouzan(push, shop.config.paymentChannel)]);
  },
  ack(cases) {
    return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'x-sla-cases': cases.join(',') }, body: JSON.stringify(YOUZAN_ACK) };
  },
};
