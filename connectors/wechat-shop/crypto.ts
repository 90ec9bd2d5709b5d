/**
 * WeChat message encryption, security mode (微信开放平台 消息加解密; the WXBizMsgCrypt samples):
 * - signature = sha1 hex of the sorted, concatenated strings (token, timestamp, nonce[, Encrypt]);
 * - AES key = base64(EncodingAESKey + "="), 32 bytes; AES-256-CBC with IV = the key's first 16 bytes;
 *   PKCS#7 padding to 32-byte blocks (not AES's 16);
 * - plaintext = 16 random bytes ‖ 4-byte big-endian length ‖ message ‖ appid.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ConnectorSignatureInvalid } from '../shared/errors.ts';
import { sameText } from '../shared/digest.ts';

const BLOCK = 32;

export function wechatSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join(''), 'utf8').digest('hex');
}

export function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new TypeError('EncodingAESKey must be 43 characters (base64 of 32 bytes)');
  return key;
}

/** Encrypts `message` for `appId` (the platform's side; `random` fixed only by golden tests). */
export function wechatEncrypt(message: string, appId: string, encodingAesKey: string, random: Buffer = randomBytes(16)): string {
  const key = aesKeyOf(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(appId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** Decrypts `encrypted`; throws `ConnectorSignatureInvalid` when it is not for `appId` or not well formed. */
export function wechatDecrypt(encrypted: string, appId: string, encodingAesKey: string): string {
  const key = aesKeyOf(encodingAesKey);
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) throw new ConnectorSignatureInvalid('Encrypt', 'not AES-256-CBC ciphertext');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    plain = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new ConnectorSignatureInvalid('Encrypt', 'cannot be decrypted with the EncodingAESKey');
  }
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > BLOCK || pad > plain.length) throw new ConnectorSignatureInvalid('Encrypt', 'bad padding');
  const content = plain.subarray(0, plain.length - pad);
  if (content.length < 20) throw new ConnectorSignatureInvalid('Encrypt', 'too short');
  const length = content.readUInt32BE(16);
  if (20 + length > content.length) throw new ConnectorSignatureInvalid('Encrypt', 'bad message length');
  const from = content.subarray(20 + length).toString('utf8');
  if (!sameText(from, appId)) throw new ConnectorSignatureInvalid('Encrypt', 'is for another appid');
  return content.subarray(20, 20 + length).toString('utf8');
}

/** Throws unless `signature` = sha1 of the sorted parts. */
export function checkWechatSignature(name: string, signature: string | undefined, parts: string[]): void {
  if (signature === undefined || signature === '') throw new ConnectorSignatureInvalid(name, 'query parameter is missing');
  if (!sameText(signature.toLowerCase(), wechatSignature(...parts))) throw new ConnectorSignatureInvalid(name, 'does not match sha1 of the sorted token, timestamp, nonce' + (parts.length > 3 ? ' and Encrypt' : ''));
}
