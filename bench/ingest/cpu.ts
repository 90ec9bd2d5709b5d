// Where the CPU goes during bench:ingest: this process (the whole platform: HTTP API, handlers,
// edge port, Step Functions, EventBridge and Scheduler emulators), DynamoDB Local's JVM (a child
// process the runtime spawned) and the load generator. Read from /proc, so Linux only.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds by process label. */
export type CpuTimes = Record<string, number>;

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The fields of /proc/<pid>/stat after the command name, which may itself contain spaces. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** utime + stime (fields 14 and 15 of stat) in seconds. */
function cpuSeconds(pid: number | string): number | undefined {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : undefined;
}

/** The java processes whose parent is this process: DynamoDB Local. */
export function javaChildren(): number[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.filter((pid) => statFields(pid)?.[1] === String(process.pid) && commandOf(pid) === 'java').map(Number);
}

function commandOf(pid: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined; // gone meanwhile
  }
}

export function cpuTimes(processes: Record<string, number | undefined>): CpuTimes {
  const times: CpuTimes = {};
  for (const [label, pid] of Object.entries(processes)) {
    const seconds = pid === undefined ? undefined : cpuSeconds(pid);
    if (seconds !== undefined) times[label] = seconds;
  }
  return times;
}

/**
 * CPU seconds of `pid`'s threads by thread name (Node's: `MainThread` the event loop, `WorkerThread`
 * the worker threads — the function runtime's, and tsx's loader —, `V8Worker` the garbage collector's
 * and compiler's helpers, `libuv-worker` the thread pool). Threads that ended meanwhile are not counted.
 */
export function threadCpuTimes(pid: number): CpuTimes {
  const times: CpuTimes = {};
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return times;
  }
  for (const tid of tids) {
    let name: string;
    try {
      name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
    } catch {
      continue; // gone meanwhile
    }
    const seconds = cpuSeconds(`${pid}/task/${tid}`);
    if (seconds !== undefined) times[name] = (times[name] ?? 0) + seconds;
  }
  return times;
}
