import { describe, expect, it } from 'vitest';
import { ConnectorSignatureInvalid } from '../../../connectors/shared/errors.ts';
import { shopifySignature, verifyShopify } from '../../../connectors/shopify/verify.ts';

// shopify.dev "Verify webhook deliveries": X-Shopify-Hmac-SHA256 = base64(HMAC-SHA256(client secret, raw body)).
const BODY = Buffer.from('{"id":450789469,"topic":"orders/create"}');
/** `printf '%s' BODY | openssl dgst -sha256 -hmac hush -binary | base64`, computed outside this code. */
const OPENSSL_DIGEST = 'Wc42rkavC/seQPcPjVWH3uWdnGf6stYGcVtvWPtiY50=';

describe('verifyShopify', () => {
  it('computes the digest openssl computes for the same body and secret', () => {
    expect(shopifySignature(BODY, 'hush')).toBe(OPENSSL_DIGEST);
  });

  it('accepts the body signed with the client secret', () => {
    expect(() => verifyShopify(OPENSSL_DIGEST, BODY, 'hush')).not.toThrow();
  });

  it('rejects a signature made with another secret, a changed body, or no header', () => {
    expect(() => verifyShopify(shopifySignature(BODY, 'other'), BODY, 'hush')).toThrow(ConnectorSignatureInvalid);
    expect(() => verifyShopify(OPENSSL_DIGEST, Buffer.from('{"id":450789469,"topic":"orders/create" }'), 'hush')).toThrow(ConnectorSignatureInvalid);
    expect(() => verifyShopify(undefined, BODY, 'hush')).toThrow(/header is missing/);
  });
});
