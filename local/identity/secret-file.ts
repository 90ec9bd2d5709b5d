import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Reads a secret from `path`, generating it on first use. The file is written to a temporary
 * name and renamed, so a crash never leaves a half-written secret; if two processes race, both
 * end up reading the one that won.
 */
export function readOrCreateSecret(path: string, bytes = 32): string {
  try {
    return readExisting(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${randomBytes(bytes).toString('hex')}\n`, { mode: 0o600 });
  renameSync(temporary, path);
  return readExisting(path);
}

/** Reads a secret this runtime wrote; never creates one (the tools that only read keys use this). */
export function readExisting(path: string): string {
  const secret = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{32,}$/.test(secret)) throw new Error(`${path} does not hold a secret this runtime wrote; delete it to generate a new one`);
  return secret;
}
