import { describe, expect, it } from 'vitest';
import { SignatureExpired, SignatureMalformed, SignatureMismatch, SignatureMissing } from '../../../core/storefront/errors.ts';
import { parseSignatureHeader, signatureHeaderOf, signStorefrontPayload, verifyStorefrontSignature } from '../../../core/storefront/signature.ts';

const secret = 'whsec_test';
const body = '{"id":"evt-1","type":"order.paid","occurredAt":"2025-03-03T10:00:00+08:00","data":{"orderId":"SO-1","paidAt":"2025-03-03T10:00:00+08:00"}}';
const t = 1_740_967_200; // 2025-03-03T02:00:00Z
const now = t * 1000;
const valid = signStorefrontPayload({ secret, body, timestamp: t });

describe('signStorefrontPayload', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256 as t=…,v1=<hex>', () => {
    // Reference value computed independently: printf '%s' '1.hello' | openssl dgst -sha256 -hmac key
    expect(signStorefrontPayload({ secret: 'key', body: 'hello', timestamp: 1 })).toBe('t=1,v1=9233658ef5e21fe59dba8abb099c978547d7626f87090a6a585c26a2a98a91f8');
    expect(valid).toMatch(/^t=1740967200,v1=[0-9a-f]{64}$/);
  });
});

describe('verifyStorefrontSignature', () => {
  it('accepts a correctly signed body within the tolerance', () => {
    expect(verifyStorefrontSignature({ header: valid, body, secret, now })).toEqual({ timestamp: t });
    expect(verifyStorefrontSignature({ header: valid, body, secret, now: now + 300_000 })).toEqual({ timestamp: t });
    expect(verifyStorefrontSignature({ header: valid, body, secret, now: now - 300_000 })).toEqual({ timestamp: t });
  });

  it('accepts the body as bytes', () => {
    expect(verifyStorefrontSignature({ header: valid, body: Buffer.from(body, 'utf8'), secret, now })).toEqual({ timestamp: t });
  });

  it('accepts any of several v1 signatures (secret rotation) and ignores other schemes', () => {
    const old = signStorefrontPayload({ secret: 'old-secret', body, timestamp: t }).split(',')[1];
    const header = `t=${t}, v0=abc, ${old}, ${valid.split(',')[1]}`;
    expect(verifyStorefrontSignature({ header, body, secret, now })).toEqual({ timestamp: t });
  });

  it.each([
    ['no header', undefined, SignatureMissing],
    ['an empty header', '  ', SignatureMissing],
    ['no t', `v1=${'a'.repeat(64)}`, SignatureMalformed],
    ['no v1', `t=${t}`, SignatureMalformed],
    ['t twice', `t=${t},t=${t},v1=${'a'.repeat(64)}`, SignatureMalformed],
    ['t not a number', `t=soon,v1=${'a'.repeat(64)}`, SignatureMalformed],
    ['v1 not hex', `t=${t},v1=${'z'.repeat(64)}`, SignatureMalformed],
    ['v1 too short', `t=${t},v1=abcd`, SignatureMalformed],
    ['a part without =', `t=${t},v1`, SignatureMalformed],
    ['a signature by another secret', signStorefrontPayload({ secret: 'other', body, timestamp: t }), SignatureMismatch],
    ['a signature of another body', signStorefrontPayload({ secret, body: `${body} `, timestamp: t }), SignatureMismatch],
    ['a signature for another timestamp', `t=${t + 1},${valid.split(',')[1]}`, SignatureMismatch],
  ])('rejects %s', (_, header, error) => {
    expect(() => verifyStorefrontSignature({ header, body, secret, now })).toThrow(error);
  });

  it('rejects an authentic signature more than 300 s old or ahead as SignatureExpired', () => {
    expect(() => verifyStorefrontSignature({ header: valid, body, secret, now: now + 301_000 })).toThrow(SignatureExpired);
    expect(() => verifyStorefrontSignature({ header: valid, body, secret, now: now - 301_000 })).toThrow(SignatureExpired);
    expect(() => verifyStorefrontSignature({ header: valid, body, secret, now: now + 61_000, toleranceSeconds: 60 })).toThrow(/61 s from now, more than the 60 s allowed/);
  });

  it('checks the signature before the age, so a forged old message is a mismatch', () => {
    const forged = signStorefrontPayload({ secret: 'other', body, timestamp: t });
    expect(() => verifyStorefrontSignature({ header: forged, body, secret, now: now + 3_600_000 })).toThrow(SignatureMismatch);
  });

  it('gives every failure a stable name and status 401', () => {
    const failures = [
      () => verifyStorefrontSignature({ header: undefined, body, secret, now }),
      () => verifyStorefrontSignature({ header: 't=x', body, secret, now }),
      () => verifyStorefrontSignature({ header: signStorefrontPayload({ secret: 'other', body, timestamp: t }), body, secret, now }),
      () => verifyStorefrontSignature({ header: valid, body, secret, now: now + 1_000_000 }),
    ];
    const caught = failures.map((fail) => {
      try {
        fail();
      } catch (error) {
        return error;
      }
      return undefined;
    });
    expect(caught.map((e) => (e as Error).name)).toEqual(['SignatureMissing', 'SignatureMalformed', 'SignatureMismatch', 'SignatureExpired']);
    expect(caught.map((e) => (e as { status: number }).status)).toEqual([401, 401, 401, 401]);
  });
});

describe('parseSignatureHeader', () => {
  it('reads t and every v1, lower-casing the hex', () => {
    const upper = 'A'.repeat(64);
    expect(parseSignatureHeader(`t=12, v1=${upper}`)).toEqual({ timestamp: 12, signatures: ['a'.repeat(64)] });
  });
});

describe('signatureHeaderOf', () => {
  it('finds the header whatever the case of its name', () => {
    expect(signatureHeaderOf({ 'X-Storefront-Signature': 'a' })).toBe('a');
    expect(signatureHeaderOf({ 'x-storefront-signature': 'b', other: 'c' })).toBe('b');
    expect(signatureHeaderOf({ other: 'c' })).toBeUndefined();
  });
});
