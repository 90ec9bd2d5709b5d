/**
 * The outbound signature on notices posted to the storefront: `X-Platform-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` — exactly the scheme of the inbound
 * `X-Storefront-Signature` (core/storefront/signature.ts), so the storefront verifies it with the
 * code it signs with.
 */
import { signStorefrontPayload } from '../storefront/signature.ts';

export const PLATFORM_SIGNATURE_HEADER = 'X-Platform-Signature';

/** The header value for `body` signed at `nowMs` (the real clock: the receiver checks freshness against its own). */
export function signPlatformPayload(secret: string, body: string, nowMs: number): string {
  return signStorefrontPayload({ secret, body, timestamp: Math.floor(nowMs / 1000) });
}
