import { describe, expect, it } from 'vitest';
import { douyinPushSignature, verifyDouyin } from '../../../connectors/douyin/verify.ts';
import { ConnectorSignatureInvalid } from '../../../connectors/shared/errors.ts';

// 抖店 消息推送: event-sign = md5 hex of app_key + raw body + app_secret.
const BODY = Buffer.from('[{"tag":"100","msg_id":"m1","data":"{}"}]');
/** `printf '%s' '7089<body>dy-secret' | md5sum`, computed outside this code. */
const MD5SUM = '0bc4bc273804c2cf3d23a852dd9b0107';

describe('verifyDouyin', () => {
  it('computes the md5 that md5sum computes over app_key + body + app_secret', () => {
    expect(douyinPushSignature('7089', BODY, 'dy-secret')).toBe(MD5SUM);
  });

  it('rejects another secret, a changed body and a missing header', () => {
    expect(() => verifyDouyin(MD5SUM, BODY, '7089', 'dy-secret')).not.toThrow();
    expect(() => verifyDouyin(douyinPushSignature('7089', BODY, 'x'), BODY, '7089', 'dy-secret')).toThrow(ConnectorSignatureInvalid);
    expect(() => verifyDouyin(MD5SUM, Buffer.from('[]'), '7089', 'dy-secret')).toThrow(ConnectorSignatureInvalid);
    expect(() => verifyDouyin(undefined, BODY, '7089', 'dy-secret')).toThrow(/header is missing/);
  });
});
