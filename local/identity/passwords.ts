/**
 * Password hashing for local accounts: scrypt from node:crypto (a memory-hard KDF, RFC 7914) with
 * a random 16-byte salt per password; the cost parameters are stored with the hash so that they
 * can be raised later without invalidating existing accounts. Comparison is timing-safe.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: 32 MiB per hash, ~0.1 s here (OWASP's scrypt floor is N = 2^17 at p = 1 or equivalent; a local home trades some for its 2-core machines). */
export const SCRYPT_COST: ScryptCost = { N: 32_768, r: 8, p: 1 };

/** scrypt's CPU/memory cost N (a power of two), block size r and parallelism p. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$<salt base64>$<key base64>`. */
export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` matches `stored`; false for a wrong password or a hash this module did not write. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 1 << 20) return false;
  const salt = Buffer.from(parts[4] as string, 'base64');
  const expected = Buffer.from(parts[5] as string, 'base64');
  if (expected.length !== KEY_BYTES) return false;
  return timingSafeEqual(await derive(password, salt, { N, r, p }), expected);
}

/** A hash of nothing anyone knows: an unknown user's login costs the same time as a known one's. */
const decoys = new Map<string, Promise<string>>();
export function decoyHash(cost: ScryptCost = SCRYPT_COST): Promise<string> {
  const key = `${cost.N}/${cost.r}/${cost.p}`;
  let decoy = decoys.get(key);
  if (!decoy) decoys.set(key, (decoy = hashPassword(randomBytes(16).toString('hex'), cost)));
  return decoy;
}

/** A password people can type: 16 characters of base64url (96 bits). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
