import { describe, expect, it } from 'vitest';
import { checkWechatSignature, wechatDecrypt, wechatEncrypt, wechatSignature } from '../../../connectors/wechat-shop/crypto.ts';
import { ConnectorSignatureInvalid } from '../../../connectors/shared/errors.ts';

// WeChat's published test vectors (the official WXBizMsgCrypt samples: Java WXBizMsgCryptTest
// testAesEncrypt / testVerifyUrl, Python Sample.py), copied as data.
const A = { key: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', appId: 'wxb11529c136998cb6', random: 'aaaabbbbccccdddd', message: '我是中文abcd123', cipher: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==' };
const B = { token: 'QDG6eK', key: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', appId: 'wx5823bf96d3bd56c7', msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', timestamp: '1409659589', nonce: '263014780', echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==', plain: '1616140317555161061' };
const C = {
  token: 'spamtest',
  appId: 'wx2c2769f8efd9abc2',
  timestamp: '1409735669',
  nonce: '1320562132',
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  encrypt:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
  plain: '<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n<CreateTime>1409735668</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[abcdteT]]></Content>\n<MsgId>6054768590064713728</MsgId>\n</xml>',
};

describe('WeChat message encryption (golden vectors)', () => {
  it('encrypts to WeChat’s published ciphertext with the published random bytes (32-byte PKCS#7, IV = key[0..16])', () => {
    expect(wechatEncrypt(A.message, A.appId, A.key, Buffer.from(A.random))).toBe(A.cipher);
    expect(wechatDecrypt(A.cipher, A.appId, A.key)).toBe(A.message);
  });

  it('verifies the published URL-verification signature and decrypts its echostr', () => {
    expect(wechatSignature(B.token, B.timestamp, B.nonce, B.echostr)).toBe(B.msgSignature);
    expect(wechatDecrypt(B.echostr, B.appId, B.key)).toBe(B.plain);
  });

  it('verifies the published msg_signature over the sorted token, timestamp, nonce and Encrypt, and decrypts byte for byte', () => {
    expect(() => checkWechatSignature('msg_signature', C.msgSignature, [C.token, C.timestamp, C.nonce, C.encrypt])).not.toThrow();
    expect(wechatDecrypt(C.encrypt, C.appId, A.key)).toBe(C.plain);
  });

  it('rejects a wrong signature, another appid and a tampered ciphertext', () => {
    expect(() => checkWechatSignature('msg_signature', C.msgSignature, ['other', C.timestamp, C.nonce, C.encrypt])).toThrow(ConnectorSignatureInvalid);
    expect(() => wechatDecrypt(C.encrypt, 'wx_other', A.key)).toThrow(/another appid/);
    expect(() => wechatDecrypt(`A${C.encrypt.slice(1)}`, C.appId, A.key)).toThrow(ConnectorSignatureInvalid);
  });
});
