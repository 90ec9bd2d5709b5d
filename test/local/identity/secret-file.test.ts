import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOrCreateSecret } from '../../../local/identity/secret-file.ts';
import { mountSmallFilesystem, type SmallFilesystem } from '../../support/small-filesystem.ts';

let fs: SmallFilesystem | undefined;
afterEach(() => {
  fs?.unmount();
  fs = undefined;
});

describe('A secret file on a full disk', () => {
  it('is not created half-written: the write fails naming the file, leaves nothing behind, and succeeds once space returns', () => {
    fs = mountSmallFilesystem(1);
    const path = join(fs.dir, 'identity', 'jwt-signing-key');
    readdirSync(fs.dir); // the mount is there
    fs.fill();

    expect(() => readOrCreateSecret(path)).toThrow(expect.objectContaining({ name: 'SecretNotWritable', message: expect.stringContaining(path) as unknown }));
    expect(readdirSync(join(fs.dir, 'identity'))).toEqual([]);

    fs.free();
    const secret = readOrCreateSecret(path);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(readOrCreateSecret(path)).toBe(secret);
    expect(readdirSync(join(fs.dir, 'identity'))).toEqual(['jwt-signing-key']);
  });
});
