/**
 * The benches' peers (other projects measured beside ours in the same run) live in their own
 * pinned install under bench/peers/, made on a bench's first run with `npm ci` on the Node that
 * runs the bench: the project's `npm ci` then carries no package whose engine it does not meet.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PEERS = fileURLToPath(new URL('.', import.meta.url));

function installed(): boolean {
  const marker = `${PEERS}node_modules/.package-lock.json`;
  return existsSync(marker) && statSync(marker).mtimeMs >= statSync(`${PEERS}package-lock.json`).mtimeMs;
}

/** Imports peer package `name`, installing bench/peers/ from its lock file first if needed. */
export async function importPeer<T>(name: string): Promise<T> {
  if (!installed()) {
    // npm's own CLI (the one running this script) on this Node, so the engine check sees this Node.
    const npmCli = process.env.npm_execpath;
    const [command, args] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
    process.stderr.write(`installing the benches' peers into ${PEERS}node_modules (npm ci, once)…\n`);
    execFileSync(command, [...args, 'ci', '--no-audit', '--no-fund', '--prefix', PEERS], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const entry = createRequire(`${PEERS}package.json`).resolve(name);
  return (await import(pathToFileURL(entry).href)) as T;
}
