/**
 * Youzan (有赞云) push authenticity: header `Event-Sign` = md5 hex of client_id + the raw request
 * body + client_secret (a plain concatenation, no timestamp). Source: doc.youzanyun.com message
 * push guide (resource/develop-guide/41355/41536), docs/connectors.md.
 */
import { ConnectorSignatureInvalid } from '../shared/errors.ts';
import { md5Hex, sameText } from '../shared/digest.ts';

export const YOUZAN_SIGN_HEADER = 'Event-Sign';

export function youzanSignature(clientId: string, body: Buffer | string, clientSecret: string): string {
  return md5Hex(clientId, typeof body === 'string' ? Buffer.from(body, 'utf8') : body, clientSecret);
}

export function verifyYouzan(header: string | undefined, body: Buffer, clientId: string, clientSecret: string): void {
  if (header === undefined || header === '') throw new ConnectorSignatureInvalid(YOUZAN_SIGN_HEADER, 'header is missing');
  if (!sameText(header.trim().toLowerCase(), youzanSignature(clientId, body, clientSecret))) throw new ConnectorSignatureInvalid(YOUZAN_SIGN_HEADER, 'does not match md5(client_id + body + client_secret)');
}
