// The platform of bench:peak: `npm start`'s entry (cli/start.ts, the embedded store) as a child
// process on free ports, so that the load is offered from another process and the platform can be
// killed with SIGKILL and started again on the same data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEdgeCredentials, type EdgeCredentials } from '../../local/edge/credentials.ts';
import { Env } from '../../platform/environment.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Platform {
  child: ChildProcess;
  apiUrl: string;
  edgeUrl: string;
  credentials: EdgeCredentials;
  /** CPU seconds the platform process has used (utime + stime from /proc; Linux). */
  cpuSeconds(): number;
  /** SIGKILL: no shutdown, no flush. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL if it has not exited 15 s later) and wait for the exit. */
  stop(): Promise<void>;
}

/** Starts the platform on `dataDir` with the webhook secret `secret`; resolves once its banner names both ports. */
export function startPlatform(dataDir: string, secret: string): Promise<Platform> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'cli/start.ts'), '--port', '0', '--edge-port', '0', '--data', dataDir], {
    cwd: dataDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [Env.webhookSecret]: secret, POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let ready = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (ready) return;
      output += chunk.toString();
      const api = /HTTP API\s+(http:\/\/\S+)/.exec(output)?.[1];
      const edge = /AWS emulators\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (!api || !edge) return;
      ready = true;
      output = '';
      resolve({
        child,
        apiUrl: api,
        edgeUrl: edge,
        credentials: readEdgeCredentials(dataDir),
        cpuSeconds: () => cpuSeconds(child.pid!),
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
        stop: async () => {
          child.kill('SIGTERM');
          // A shutdown that hangs must not hang the bench (or the test): SIGKILL after 15 s.
          const hard = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(hard);
        },
      });
    });
    // Its error output is kept for the message of a failed start only.
    child.stderr!.on('data', (chunk: Buffer) => {
      if (!ready) output += chunk.toString();
    });
    child.once('exit', (code) => {
      if (!ready) reject(new Error(`platform exited with ${code}: ${output}`));
    });
  });
}

function cpuSeconds(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
