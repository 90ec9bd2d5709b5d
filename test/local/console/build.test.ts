import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MANIFEST, builderHash, staleReason } from '../../../local/console/build.ts';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function repoWithBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'console-repo-'));
  mkdirSync(join(root, 'console', 'src'), { recursive: true });
  mkdirSync(join(root, 'console', 'dist'));
  writeFileSync(join(root, 'console', 'src', 'main.tsx'), 'main v1');
  writeFileSync(join(root, 'console', 'dist', 'index.html'), '<html>');
  writeFileSync(join(root, 'console', 'dist', BUILD_MANIFEST), JSON.stringify({ files: { 'console/src/main.tsx': sha('main v1') }, builder: builderHash() }));
  return root;
}

describe('whether npm start must rebuild the console', () => {
  it('keeps a build whose recorded sources are unchanged, even when a file was only touched', () => {
    const root = repoWithBuild();
    utimesSync(join(root, 'console', 'src', 'main.tsx'), new Date(), new Date(Date.now() + 60_000));
    expect(staleReason(root)).toBeUndefined();
  });

  it('rebuilds when a source changed or went missing, or when there is no build', () => {
    const root = repoWithBuild();
    writeFileSync(join(root, 'console', 'src', 'main.tsx'), 'main v2');
    expect(staleReason(root)).toBe('console/src/main.tsx changed');
    expect(staleReason(mkdtempSync(join(tmpdir(), 'console-repo-')))).toBe('no build yet');
  });

  it('rebuilds a build another version of the builder made (e.g. a development build from before it forced production)', () => {
    const root = repoWithBuild();
    writeFileSync(join(root, 'console', 'dist', BUILD_MANIFEST), JSON.stringify({ files: { 'console/src/main.tsx': sha('main v1') } }));
    expect(staleReason(root)).toBe('built by another version of the console builder');
  });
});
