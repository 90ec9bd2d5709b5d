/**
 * The WeChat Shop (微信小店) connector, security mode (安全模式):
 * - GET URL verification: `signature` = sha1 of the sorted token, timestamp, nonce; answers
 *   `echostr` (decrypted first when WeChat sends it encrypted with `msg_signature`);
 * - POST: JSON `{"ToUserName", "Encrypt"}` (XML `<Encrypt>` also read) with `msg_signature` in the
 *   query = sha1 of the sorted token, timestamp, nonce and Encrypt; the message is AES-256-CBC
 *   decrypted with the EncodingAESKey and must name the shop's appid;
 * - answers `success` (text) once stored. Sources: docs/connectors.md.
 */
import { ConnectorBodyInvalid, ConnectorSignatureInvalid } from '../shared/errors.ts';
import { isRecord, parseJson } from '../shared/json.ts';
import type { Connector, InboundRequest, ResolvedShop } from '../shared/types.ts';
import { wechatShopApi } from './api.ts';
import { checkWechatSignature, wechatDecrypt } from './crypto.ts';
import { detailNeeded, mapWechat } from './map.ts';

function encryptOf(request: InboundRequest): string {
  const text = request.body.toString('utf8').trim();
  if (text.startsWith('<')) {
    const found = /<Encrypt><!\[CDATA\[([A-Za-z0-9+/=]+)\]\]><\/Encrypt>/.exec(text)?.[1];
    if (found === undefined) throw new ConnectorSignatureInvalid('Encrypt', 'missing from the body');
    return found;
  }
  const json = parseJson(text, 'body');
  if (!isRecord(json) || typeof json.Encrypt !== 'string' || json.Encrypt === '') throw new ConnectorSignatureInvalid('Encrypt', 'missing from the body');
  return json.Encrypt;
}

function keys(shop: ResolvedShop): { token: string; aesKey: string; appId: string } {
  return { token: shop.secrets.token ?? '', aesKey: shop.secrets.encodingAesKey ?? '', appId: shop.config.appId ?? '' };
}

export const wechatShopConnector: Connector = {
  platform: 'wechat-shop',
  handshake(request, shop) {
    const { token, aesKey, appId } = keys(shop);
    const { timestamp = '', nonce = '', echostr = '' } = request.query;
    let answer: string;
    if (request.query.msg_signature !== undefined) {
      checkWechatSignature('msg_signature', request.query.msg_signature, [token, timestamp, nonce, echostr]);
      answer = wechatDecrypt(echostr, appId, aesKey);
    } else {
      checkWechatSignature('signature', request.query.signature, [token, timestamp, nonce]);
      answer = echostr;
    }
    return { statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: answer };
  },
  verify(request, shop) {
    const { token } = keys(shop);
    const { timestamp = '', nonce = '' } = request.query;
    checkWechatSignature('msg_signature', request.query.msg_signature, [token, timestamp, nonce, encryptOf(request)]);
  },
  async decode(request, shop) {
    const { aesKey, appId } = keys(shop);
    const plain = wechatDecrypt(encryptOf(request), appId, aesKey);
    const event = parseJson(plain, 'decrypted message');
    if (!isRecord(event)) throw new ConnectorBodyInvalid('decrypted message: expected a JSON object (set the push format to JSON)');
    const needed = detailNeeded(event);
    const api = wechatShopApi({ ...(shop.config.apiBase !== undefined ? { apiBase: shop.config.apiBase } : {}), accessToken: shop.secrets.accessToken ?? '' });
    const details = {
      ...(needed.order !== undefined ? { order: await api.order(needed.order) } : {}),
      ...(needed.afterSale !== undefined ? { afterSale: await api.afterSale(needed.afterSale) } : {}),
    };
    return [mapWechat(event, details, shop.config.paymentChannel)];
  },
  ack(cases) {
    return { statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-sla-cases': cases.join(',') }, body: 'success' };
  },
};
