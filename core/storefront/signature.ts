/**
 * The storefront's timestamped HMAC signature (as Stripe and Shopify do):
 * `X-Storefront-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * Several `v1` entries may appear (while the storefront rotates its secret); one match suffices.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureExpired, SignatureMalformed, SignatureMismatch, SignatureMissing } from './errors.ts';

export const SIGNATURE_HEADER = 'x-storefront-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type RawBody = string | Uint8Array;

export interface SignInput {
  secret: string;
  /** Exactly the bytes sent as the body. */
  body: RawBody;
  /** Unix seconds. */
  timestamp: number;
}

/** The header value for a body; used by tests, the demo and anyone simulating the storefront. */
export function signStorefrontPayload(input: SignInput): string {
  return `t=${input.timestamp},v1=${hmacHex(input.secret, input.timestamp, input.body)}`;
}

export interface VerifyInput {
  header: string | undefined;
  body: RawBody;
  secret: string;
  /** Epoch milliseconds, from the injected clock. */
  now: number;
  toleranceSeconds?: number;
}

/**
 * Returns the signed timestamp, or throws `SignatureMissing`, `SignatureMalformed`,
 * `SignatureMismatch` or `SignatureExpired`. The signature is checked before the age, so
 * `SignatureExpired` always means an authentic message that is too old — a replay.
 */
export function verifyStorefrontSignature(input: VerifyInput): { timestamp: number } {
  const { timestamp, signatures } = parseSignatureHeader(input.header);
  const expected = Buffer.from(hmacHex(input.secret, timestamp, input.body), 'hex');
  // timingSafeEqual: comparing byte by byte with early exit would leak how much of a guess was right.
  const matches = signatures.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  if (!matches) throw new SignatureMismatch();
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const skewSeconds = Math.abs(Math.round(input.now / 1000) - timestamp);
  if (skewSeconds > tolerance) throw new SignatureExpired(skewSeconds, tolerance);
  return { timestamp };
}

/** The signature header from a header map whose names may be in any case (API Gateway lower-cases them). */
export function signatureHeaderOf(headers: Record<string, string | undefined>): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === SIGNATURE_HEADER) return value;
  }
  return undefined;
}

export function parseSignatureHeader(header: string | undefined): { timestamp: number; signatures: string[] } {
  if (header === undefined || header.trim() === '') throw new SignatureMissing();
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) throw new SignatureMalformed(`"${part.trim()}" is not key=value`);
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined) throw new SignatureMalformed('t appears twice');
      if (!/^\d{1,12}$/.test(value)) throw new SignatureMalformed('t is not unix seconds');
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) throw new SignatureMalformed('v1 is not 64 hex digits');
      signatures.push(value.toLowerCase());
    }
    // Other schemes (v0, future versions) are ignored, so the storefront can add them safely.
  }
  if (timestamp === undefined) throw new SignatureMalformed('t is missing');
  if (signatures.length === 0) throw new SignatureMalformed('v1 is missing');
  return { timestamp, signatures };
}

function hmacHex(secret: string, timestamp: number, body: RawBody): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}
