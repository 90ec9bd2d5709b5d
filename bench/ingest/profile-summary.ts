// `tsx bench/ingest/profile-summary.ts <file.cpuprofile> [rows]`: where a V8 CPU profile's time
// went — self and inclusive time by module (a package under node_modules, a node: internal, or a
// folder of this repository) and self time by function — as shares of the samples. For the
// profile bench:ingest writes with INGEST_BENCH_CPU_PROF. The profiler samples the thread, so a
// synchronous system call (SQLite writing its WAL) counts as the calling function's time.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The module a frame belongs to: `@scope/pkg` or `pkg`, `node:<part>`, a repository folder (two levels), or the V8 pseudo-frame. */
export function moduleOf(frame: CallFrame): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const path = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const [first = '', second = ''] = path.slice(nm + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (path.startsWith('node:')) return `node:${path.slice(5).split('/')[0]}`;
  const parts = relative(ROOT, path).split('/');
  return parts.slice(0, Math.min(parts.length - 1, 2)).join('/') || path;
}

export function summarise(profile: Profile): { total: number; selfByModule: Map<string, number>; inclusiveByModule: Map<string, number>; selfByFunction: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const add = (m: Map<string, number>, k: string, t: number): void => void m.set(k, (m.get(k) ?? 0) + t);
  const selfByModule = new Map<string, number>();
  const inclusiveByModule = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  let total = 0;
  for (const [id, t] of self) {
    total += t;
    const leaf = nodes.get(id)!.callFrame;
    add(selfByModule, moduleOf(leaf), t);
    add(selfByFunction, `${leaf.functionName || '(anonymous)'} ${moduleOf(leaf)}${leaf.url ? `:${leaf.lineNumber + 1}` : ''}`, t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const m = moduleOf(nodes.get(cur)!.callFrame);
      if (!seen.has(m)) add(inclusiveByModule, m, t);
      seen.add(m);
    }
  }
  return { total, selfByModule, inclusiveByModule, selfByFunction };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, rowsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/ingest/profile-summary.ts <file.cpuprofile> [rows]');
  const rows = Number(rowsArg ?? 25);
  const { total, ...tables } = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const titles = { selfByModule: 'self time by module', inclusiveByModule: 'inclusive time by module', selfByFunction: 'self time by function' };
  for (const [key, map] of Object.entries(tables)) {
    console.log(`\n${titles[key as keyof typeof titles]} (${(total / 1e6).toFixed(2)} s sampled)`);
    for (const [name, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${(t / 1e3).toFixed(0).padStart(6)} ms  ${name}`);
  }
}
