import { describe, expect, it } from 'vitest';
import { ConnectorSignatureInvalid } from '../../../connectors/shared/errors.ts';
import { verifyYouzan, youzanSignature } from '../../../connectors/youzan/verify.ts';

// Youzan message push: Event-Sign = md5 hex of client_id + raw body + client_secret.
const BODY = Buffer.from('{"type":"trade_TradeCreate"}');
/** `printf '%s' 'cid{"type":"trade_TradeCreate"}csecret' | md5sum`, computed outside this code. */
const MD5SUM = '6b2fd00ffa7792b2ec21e302682caa82';

describe('verifyYouzan', () => {
  it('computes the md5 that md5sum computes over client_id + body + client_secret', () => {
    expect(youzanSignature('cid', BODY, 'csecret')).toBe(MD5SUM);
  });

  it('accepts the documented signature, in either letter case', () => {
    expect(() => verifyYouzan(MD5SUM, BODY, 'cid', 'csecret')).not.toThrow();
    expect(() => verifyYouzan(MD5SUM.toUpperCase(), BODY, 'cid', 'csecret')).not.toThrow();
  });

  it('rejects another secret, another client id, a changed body and a missing header', () => {
    expect(() => verifyYouzan(youzanSignature('cid', BODY, 'other'), BODY, 'cid', 'csecret')).toThrow(ConnectorSignatureInvalid);
    expect(() => verifyYouzan(youzanSignature('cid2', BODY, 'csecret'), BODY, 'cid', 'csecret')).toThrow(ConnectorSignatureInvalid);
    expect(() => verifyYouzan(MD5SUM, Buffer.from('{"type": "trade_TradeCreate"}'), 'cid', 'csecret')).toThrow(ConnectorSignatureInvalid);
    expect(() => verifyYouzan(undefined, BODY, 'cid', 'csecret')).toThrow(/header is missing/);
  });
});
