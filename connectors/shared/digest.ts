/** Digest helpers the platforms' signatures are built from, compared in constant time. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function md5Hex(...parts: (string | Buffer)[]): string {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

export function hmacSha256Base64(key: string, body: Buffer | string): string {
  return createHmac('sha256', key).update(body).digest('base64');
}

/** Equal strings, in time independent of where they differ. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
