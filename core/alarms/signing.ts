/**
 * Robot request signatures (docs/alarms.md, "Signed mode"). Both platforms check the timestamp
 * against their own clock (within one hour), so callers pass the real time, never a virtual one.
 */
import { createHmac } from 'node:crypto';

/**
 * DingTalk: `timestamp` in ms and `sign` = URL-encoded Base64 of HMAC-SHA256 keyed by the secret
 * over `"<timestamp>\n<secret>"`, both added to the webhook URL's query.
 */
export function dingTalkSignedUrl(url: string, secret: string, nowMs: number): string {
  const timestamp = String(nowMs);
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', timestamp);
  signed.searchParams.set('sign', sign);
  return signed.toString();
}

/**
 * Feishu / Lark: `timestamp` in seconds and `sign` = Base64 of HMAC-SHA256 keyed by
 * `"<timestamp>\n<secret>"` over an empty message, both added to the request body.
 */
export function feishuSignature(secret: string, nowMs: number): { timestamp: string; sign: string } {
  const timestamp = String(Math.floor(nowMs / 1000));
  const sign = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
  return { timestamp, sign };
}
