import { InvalidEventPatternError } from './errors.ts';

/** `cidr` filter for IPv4 blocks (`10.0.0.0/24`); IPv6 is not supported by the emulator. */
export function compileCidr(block: string, path: string): (value: string) => boolean {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(block);
  const base = match ? ipv4(match[1]!) : undefined;
  const bits = match ? Number(match[2]) : NaN;
  if (base === undefined || !(bits >= 0 && bits <= 32)) throw new InvalidEventPatternError(`cidr "${block}" is not an IPv4 CIDR block`, path);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (value) => {
    const ip = ipv4(value);
    return ip !== undefined && ((ip & mask) >>> 0) === ((base & mask) >>> 0);
  };
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}
