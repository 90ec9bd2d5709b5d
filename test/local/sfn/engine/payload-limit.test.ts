import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, overPayloadLimit } from '../../../../local/sfn/engine/payload-limit.ts';

describe('the 256 KiB payload quota', () => {
  it('counts UTF-8 bytes: 256 KiB of ASCII is allowed, one byte more is not', () => {
    expect(overPayloadLimit('a'.repeat(MAX_PAYLOAD_BYTES))).toBe(false);
    expect(overPayloadLimit('a'.repeat(MAX_PAYLOAD_BYTES + 1))).toBe(true);
  });

  it('counts a three-byte character three times', () => {
    const chars = Math.floor(MAX_PAYLOAD_BYTES / 3);
    expect(overPayloadLimit('你'.repeat(chars))).toBe(false);
    expect(overPayloadLimit('你'.repeat(chars + 1))).toBe(true);
  });
});
