import { due } from '../../core/deadline/due.ts';
import { factOptions, instantOption, parseCommandArgs, pauseOptions, policyFrom } from './options.ts';
import { UsageError } from './usage-error.ts';

export const DUE_USAGE =
  'due <step-id> --opened <ISO-8601> [--fact name=value]... [--pause <ISO>/<ISO>]... [--policy <file> | --data <dir>]';

/** `sla due`: one step's deadline as one JSON object. */
export function dueCommand(args: string[]): unknown {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      opened: { type: 'string' },
      fact: { type: 'string', multiple: true, default: [] },
      pause: { type: 'string', multiple: true, default: [] },
      policy: { type: 'string' },
      data: { type: 'string' },
    },
    'due',
  );
  if (positionals.length !== 1) throw new UsageError(`due: expected one step id, got ${positionals.length} (usage: ${DUE_USAGE})`);
  if (values.opened === undefined) throw new UsageError('due: --opened <ISO-8601> is required');
  const opened = instantOption('--opened', values.opened);
  const facts = factOptions(values.fact);
  const pauses = pauseOptions(values.pause);
  const policy = policyFrom(values.policy, values.data);
  const result = due(positionals[0] as string, opened, facts, pauses, policy);
  const iso = (ms: number | null): string | null => (ms === null ? null : policy.zone.formatIso(ms));
  return {
    step: result.step,
    role: result.role,
    opened: iso(result.opened),
    due: iso(result.due),
    warnAt: iso(result.warnAt),
    clockStart: iso(result.clockStart),
    budgetMinutes: result.budget === null ? null : result.budget / 60_000,
    provisional: result.provisional,
    timeZone: policy.zone.name,
    explain: result.explain,
  };
}
