// `INGEST_BENCH_CPU_PROF=<file.cpuprofile>`: a V8 CPU profile of the platform process over the
// measured run only (not start-up, warm-up or the raw PutItem loops), for Chrome DevTools or
// `tsx bench/ingest/profile-summary.ts <file>`. Profiling costs CPU itself: read CPU per order from
// a run without it.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export interface Profiler {
  stop(): Promise<void>;
}

/** Starts profiling this process when `file` is set; `stop()` writes the profile there. */
export async function startProfile(file: string | undefined): Promise<Profiler> {
  if (!file) return { stop: async () => {} };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`CPU profile of the measured run: ${file}`);
    },
  };
}
