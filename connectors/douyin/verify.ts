/**
 * Douyin Shop (抖店) push authenticity: header `event-sign` = md5 hex of app_key + the raw body +
 * app_secret. Source: 抖店开放平台 消息推送 (op.jinritemai.com, "消息推送接入"); docs/connectors.md.
 */
import { ConnectorSignatureInvalid } from '../shared/errors.ts';
import { md5Hex, sameText } from '../shared/digest.ts';

export const DOUYIN_SIGN_HEADER = 'event-sign';

export function douyinPushSignature(appKey: string, body: Buffer | string, appSecret: string): string {
  return md5Hex(appKey, typeof body === 'string' ? Buffer.from(body, 'utf8') : body, appSecret);
}

export function verifyDouyin(header: string | undefined, body: Buffer, appKey: string, appSecret: string): void {
  if (header === undefined || header === '') throw new ConnectorSignatureInvalid(DOUYIN_SIGN_HEADER, 'header is missing');
  if (!sameText(header.trim().toLowerCase(), douyinPushSignature(appKey, body, appSecret))) throw new ConnectorSignatureInvalid(DOUYIN_SIGN_HEADER, 'does not match md5(app_key + body + app_secret)');
}
