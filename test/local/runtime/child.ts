/** `npm start`'s entry as a child process on free ports: what kill -9 tests start, kill and start again. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEdgeCredentials, type EdgeCredentials } from '../../../local/edge/credentials.ts';

export interface RuntimeChild {
  child: ChildProcess;
  edgeUrl: string;
  apiUrl: string;
  /** The edge's key, read from the data directory as `npm run -s aws-credentials` does. */
  credentials: EdgeCredentials;
  /** Everything the child wrote so far (its JSON logs included). */
  output(): string;
}

const children: ChildProcess[] = [];

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Starts the runtime on `dataDir` and resolves once its banner is out; `args` are extra flags (e.g. `--time`); `cwd` is where npm would run it (it writes its running-platform pointer there). */
export function startChild(dataDir: string, args: string[] = [], env: Record<string, string> = {}, cwd = ROOT): Promise<RuntimeChild> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'cli/start.ts'), '--port', '0', '--edge-port', '0', '--data', dataDir, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The tests read the child's logs (e.g. "sweep done"), which the test run's level would hide.
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'INFO', ...env },
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    let ready = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const api = /HTTP API\s+(http:\/\/\S+)/.exec(output)?.[1];
      const edge = /AWS emulators\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (api && edge && !ready) {
        ready = true;
        resolve({ child, apiUrl: api, edgeUrl: edge, credentials: readEdgeCredentials(dataDir), output: () => output });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`runtime exited with ${code}: ${output}`)));
  });
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** SIGKILL to a child spawned `detached` and to every process of its group (what it started in turn); resolves when the child has exited. */
export function killGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGKILL');
  });
}

/** Kills every child still running (afterEach). */
export function killAll(): void {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * Polls `probe` until it answers: another process's progress cannot be awaited directly, so this
 * waits for a condition, never for a length of time.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, attempts = 300): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}
