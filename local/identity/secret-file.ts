import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isWriteFault } from '../storage/write-faults.ts';
import { writeFileDurably } from './durable-file.ts';

/**
 * Reads a secret from `path`, generating it on first use. The file is written durably
 * (`durable-file.ts`: a synced temporary renamed over it), so neither a crash nor a full disk ever leaves a half-written secret
 * (a failed write removes its temporary file and throws `SecretNotWritable`, naming the path);
 * if two processes race, both end up reading the one that won.
 */
export function readOrCreateSecret(path: string, bytes = 32): string {
  try {
    return readExisting(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    writeFileDurably(path, `${randomBytes(bytes).toString('hex')}\n`);
  } catch (error) {
    if (isWriteFault(error)) throw new SecretNotWritable(path, error as Error);
    throw error;
  }
  return readExisting(path);
}

/** The data directory could not take a new secret (a full disk); nothing was left behind. */
export class SecretNotWritable extends Error {
  override readonly name = 'SecretNotWritable';
  constructor(
    readonly path: string,
    cause: Error,
  ) {
    super(`cannot write the secret ${path}: ${cause.message}; free some space and start again`, { cause });
  }
}

/** Reads a secret this runtime wrote; never creates one (the tools that only read keys use this). */
export function readExisting(path: string): string {
  const secret = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{32,}$/.test(secret)) throw new Error(`${path} does not hold a secret this runtime wrote; delete it to generate a new one`);
  return secret;
}
