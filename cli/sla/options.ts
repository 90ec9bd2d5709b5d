import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Interval } from '../../core/calendar/interval.ts';
import { parseDate } from '../../core/time/civil.ts';
import { parseInstant } from '../../core/time/iso.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { resolve } from 'node:path';
import { compilePolicy } from '../../policy/compile.ts';
import { getDefaultPolicy, loadPolicy, parsePolicy } from '../../policy/load.ts';
import { readPolicyMirror, type PolicyMirror } from '../../local/runtime/policy-mirror.ts';
import { UsageError } from './usage-error.ts';

/** parseArgs with its errors turned into one-line usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * The policy a command computes with: `--policy <file>`, else the version in force of the platform
 * whose data directory `--data` names (its `policy-current.json`), else the shipped default.
 */
export function policyFrom(path: string | undefined, dataDir?: string): CompiledPolicy {
  if (path !== undefined) return loadPolicy(path);
  if (dataDir === undefined) return getDefaultPolicy();
  return compilePolicy(parsePolicy(platformPolicy(dataDir).document, `version in force in ${dataDir}`));
}

/** The version in force of the platform with data directory `dataDir`. Throws UsageError when it has none. */
export function platformPolicy(dataDir: string): PolicyMirror {
  const mirror = readPolicyMirror(resolve(dataDir));
  if (mirror === undefined) throw new UsageError(`--data: ${dataDir} holds no policy version (start the platform on it once)`);
  return mirror;
}

export function instantOption(flag: string, value: string): number {
  const ms = parseInstant(value);
  if (ms === undefined) throw new UsageError(`${flag}: "${value}" is not an ISO-8601 time with offset, e.g. 2026-11-26T21:30:00+08:00`);
  return ms;
}

export function dateOption(flag: string, value: string): number {
  const day = parseDate(value);
  if (day === undefined) throw new UsageError(`${flag}: "${value}" is not a date YYYY-MM-DD`);
  return day;
}

export function factOptions(values: readonly string[]): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const text of values) {
    const eq = text.indexOf('=');
    const name = text.slice(0, eq);
    if (eq <= 0 || eq === text.length - 1) throw new UsageError(`--fact: "${text}" is not name=value`);
    if (Object.hasOwn(facts, name)) throw new UsageError(`--fact: "${name}" given twice`);
    facts[name] = text.slice(eq + 1);
  }
  return facts;
}

export function pauseOptions(values: readonly string[]): Interval[] {
  return values.map((text) => {
    const parts = text.split('/');
    if (parts.length !== 2) throw new UsageError(`--pause: "${text}" is not <ISO>/<ISO>`);
    const start = parseInstant(parts[0] as string);
    const end = parseInstant(parts[1] as string);
    if (start === undefined || end === undefined) throw new UsageError(`--pause: "${text}" needs two ISO-8601 times with offset, <start>/<end>`);
    if (end <= start) throw new UsageError(`--pause: "${text}" ends before it starts`);
    return { start, end };
  });
}

export function positiveIntOption(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw new UsageError(`${flag}: "${value}" is not a whole number from 1 to ${max}`);
  return n;
}
