/**
 * What a data directory remembers of the start that wrote it (issue 28 item 12): its SLA policy
 * file (`policy-path.json`, until the policy editor stores versions) and its clock (`clock.json`,
 * platform-clock.ts: absent = the system clock, else a `--time` rehearsal's offset). A plain
 * restart resumes both; a start that would change either is refused in one line naming the flag
 * that allows it (`--change-policy`, `--change-clock`), because open cases were timed on them:
 * another policy re-times new steps, another clock judges tokens and deadlines on another day.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const POLICY_FILE = 'policy-path.json';
const CLOCK_FILE = 'clock.json';

/** A start that would change what the data directory remembers, without the flag that allows it. */
export class StartChangeRefused extends Error {
  override readonly name = 'StartChangeRefused';
}

export interface StartRequest {
  /** `--policy` / SLA_POLICY_PATH, as given; undefined = none given. */
  policyPath?: string;
  /** `--time`, epoch ms; undefined = none given. */
  startAt?: number;
  changePolicy: boolean;
  changeClock: boolean;
}

export interface StartPlan {
  /** The policy file to run on (absolute); undefined = the shipped default. */
  policyPath?: string;
  /** The platform clock's offset from the system clock (0 = the system clock). */
  offsetMs: number;
  /** Lines to log: what was resumed or changed. */
  notes: string[];
}

/** Decides the policy and clock of a start on `dataDir` at real time `now`; throws StartChangeRefused. */
export function planStart(dataDir: string, request: StartRequest, now: number): StartPlan {
  const notes: string[] = [];
  const policyPath = planPolicy(dataDir, request, notes);
  const offsetMs = planClock(dataDir, request, now, notes);
  return { ...(policyPath !== undefined ? { policyPath } : {}), offsetMs, notes };
}

/** Records the policy of a start that went ahead (call once the runtime holds the directory). */
export function rememberPolicy(dataDir: string, policyPath: string | undefined): void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, POLICY_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ path: policyPath ?? null })}\n`);
  renameSync(`${path}.tmp`, path);
}

/** The policy file a data directory last ran on: a path, null for the default, undefined when it never said. */
export function rememberedPolicy(dataDir: string): string | null | undefined {
  const path = join(dataDir, POLICY_FILE);
  if (!existsSync(path)) return undefined;
  const { path: policy } = JSON.parse(readFileSync(path, 'utf8')) as { path: unknown };
  return typeof policy === 'string' ? policy : null;
}

const policyName = (path: string | null | undefined): string => path ?? 'the default policy';

function planPolicy(dataDir: string, request: StartRequest, notes: string[]): string | undefined {
  const remembered = rememberedPolicy(dataDir);
  const requested = request.policyPath === undefined ? undefined : resolve(request.policyPath);
  if (remembered === undefined) return requested; // a new directory, or one from before it remembered
  if (requested === undefined && !request.changePolicy) {
    if (remembered !== null) notes.push(`SLA policy: ${remembered}, as ${dataDir} last ran (--change-policy to go back to the default)`);
    return remembered ?? undefined;
  }
  if ((requested ?? null) === remembered) return requested;
  if (!request.changePolicy) {
    throw new StartChangeRefused(
      `${requested === undefined ? 'no --policy' : `--policy ${requested}`}: ${dataDir} last ran on ${policyName(remembered)}; new steps of its open cases would be timed by other rules — add --change-policy to switch (or use another --data)`,
    );
  }
  notes.push(`SLA policy changed from ${policyName(remembered)} to ${policyName(requested)} (--change-policy)`);
  return requested;
}

function rememberedOffset(dataDir: string): number {
  const path = join(dataDir, CLOCK_FILE);
  if (!existsSync(path)) return 0;
  const { offsetMs } = JSON.parse(readFileSync(path, 'utf8')) as { offsetMs: unknown };
  return typeof offsetMs === 'number' && Number.isFinite(offsetMs) ? offsetMs : 0;
}

function holdsData(dataDir: string): boolean {
  try {
    return readdirSync(dataDir).length > 0;
  } catch {
    return false;
  }
}

function planClock(dataDir: string, request: StartRequest, now: number, notes: string[]): number {
  const offset = rememberedOffset(dataDir);
  if (request.startAt === undefined) {
    if (offset === 0) return 0;
    if (request.changeClock) {
      notes.push(`the platform's clock goes back to the system clock (--change-clock); ${dataDir} ran a --time rehearsal`);
      return 0;
    }
    notes.push(`the platform's clock resumes the --time rehearsal of ${dataDir}: it is ${new Date(now + offset).toISOString()} there (--change-clock for the system clock)`);
    return offset;
  }
  if (!holdsData(dataDir) || request.changeClock) return request.startAt - now;
  const was = offset === 0 ? 'the system clock' : `the clock of a --time rehearsal (now ${new Date(now + offset).toISOString()})`;
  throw new StartChangeRefused(
    `--time: ${dataDir} already holds cases timed on ${was}; another clock would judge their tokens and deadlines on another day — rehearse on a separate --data (e.g. --data .rehearsal-data), or add --change-clock`,
  );
}
