import { describe, expect, it } from 'vitest';
import { quoteLongIntegers } from '../../../connectors/tmc/poll.ts';
import { topSign, topTimestamp } from '../../../connectors/tmc/top.ts';

// TOP request signing: parameters sorted by name, name+value concatenated; md5(secret + … + secret)
// or HMAC-MD5(secret, …), upper-case hex. Expected values computed with md5sum / openssl outside this code.
const PARAMS = { method: 'taobao.tmc.messages.consume', app_key: '12345', timestamp: '2026-11-30 09:05:00', format: 'json', v: '2.0', quantity: '100' };

describe('topSign', () => {
  it('signs md5 over the sorted parameters wrapped in the secret, as md5sum does', () => {
    expect(topSign({ ...PARAMS, sign_method: 'md5' }, 'secret', 'md5')).toBe('D69DB05DF127C85E618A90B0CED18EC5');
  });

  it('signs hmac (HMAC-MD5 keyed by the secret), as openssl does', () => {
    expect(topSign({ ...PARAMS, sign_method: 'hmac' }, 'secret', 'hmac')).toBe('4A3AF976496DA7B6D06BEF5E7BE5AB64');
  });

  it('leaves an existing sign out of the signature, and any other change changes it', () => {
    const signed = topSign({ ...PARAMS, sign_method: 'md5' }, 'secret', 'md5');
    expect(topSign({ ...PARAMS, sign_method: 'md5', sign: 'X' }, 'secret', 'md5')).toBe(signed);
    expect(topSign({ ...PARAMS, sign_method: 'md5', quantity: '99' }, 'secret', 'md5')).not.toBe(signed);
  });

  it('writes the timestamp in Beijing time', () => {
    expect(topTimestamp(Date.parse('2026-11-30T01:05:00Z'))).toBe('2026-11-30 09:05:00');
  });
});

describe('quoteLongIntegers', () => {
  it('keeps 19-digit Taobao ids exact by reading them as strings', () => {
    expect(JSON.parse(quoteLongIntegers('{"tid":1234567890123456789,"oid":[1234567890123456780],"n":5}'))).toEqual({ tid: '1234567890123456789', oid: ['1234567890123456780'], n: 5 });
  });
});
