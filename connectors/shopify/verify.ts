/**
 * Shopify webhook authenticity (shopify.dev, "Verify webhook deliveries"): `X-Shopify-Hmac-SHA256`
 * is the base64 HMAC-SHA256 of the raw body keyed by the app's client secret.
 */
import { ConnectorSignatureInvalid } from '../shared/errors.ts';
import { hmacSha256Base64, sameText } from '../shared/digest.ts';

export const SHOPIFY_HMAC_HEADER = 'X-Shopify-Hmac-SHA256';

export function shopifySignature(body: Buffer | string, clientSecret: string): string {
  return hmacSha256Base64(clientSecret, body);
}

/** Throws `ConnectorSignatureInvalid` unless `header` is the body's signature. */
export function verifyShopify(header: string | undefined, body: Buffer, clientSecret: string): void {
  if (header === undefined || header === '') throw new ConnectorSignatureInvalid(SHOPIFY_HMAC_HEADER, 'header is missing');
  if (!sameText(header.trim(), shopifySignature(body, clientSecret))) throw new ConnectorSignatureInvalid(SHOPIFY_HMAC_HEADER, 'does not match the body');
}
