// The parent's side of the load generator: one forked process (bench/ingest/load.ts), reused for
// the warm-up and the measured run.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadMessage, LoadRequest, LoadSummary } from './load.ts';

export interface Loader {
  pid: number | undefined;
  run(request: LoadRequest): Promise<LoadSummary>;
  close(): void;
}

export function startLoader(): Loader {
  // tsx loads the child's TypeScript the way it loads the bench's.
  const child: ChildProcess = fork(fileURLToPath(new URL('./load.ts', import.meta.url)), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return {
    pid: child.pid,
    run: (request) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null): void => reject(new Error(`load generator exited with ${code}`));
        child.once('exit', onExit);
        child.once('message', (message: LoadMessage) => {
          child.off('exit', onExit);
          if ('error' in message) reject(new Error(`load generator: ${message.error}`));
          else resolve(message.summary);
        });
        child.send(request);
      }),
    close: () => {
      if (child.connected) child.disconnect();
    },
  };
}
