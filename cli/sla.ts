/**
 * The `sla` command line: deadlines and calendars from the policy, as JSON on stdout.
 * Exit 0 on success; 2 with one line on stderr for any mistake in the command or the policy.
 */
import { CalendarExhausted } from '../core/calendar/errors.ts';
import { InvalidFact, InvalidPause, MissingFact, UnknownStep } from '../core/deadline/errors.ts';
import { PolicyInvalid } from '../policy/errors.ts';
import { holidayWarnings } from '../policy/holiday-check.ts';
import { parsePolicy, readPolicyDocument } from '../policy/load.ts';
import { CALENDAR_USAGE, calendarCommand } from './sla/calendar-command.ts';
import { DUE_USAGE, dueCommand } from './sla/due-command.ts';
import { parseCommandArgs, platformPolicy, policyFrom } from './sla/options.ts';
import { UsageError } from './sla/usage-error.ts';

const HELP = `Usage: npm run -s sla -- <command>

Commands:
  ${DUE_USAGE}
      The deadline of a step opened at a time: JSON with step, role, opened, due, warnAt, explain.
      refund.settle takes --fact channel=alipay|bank-card|boc; order.pickup takes the order time.
  ${CALENDAR_USAGE}
      The on-duty intervals of a role, or the working days / pickup days, day by day.
  steps [--policy <file> | --data <dir>]
      Every step of the policy with its role and rule.
  check [--policy <file> | --data <dir>]
      Validates a policy file (--data: the platform's version in force); warns (stderr, "warnings" in the JSON) when a year's holidays look partial.
  help
      This text.
`;

const CLIENT_ERRORS = [UsageError, PolicyInvalid, UnknownStep, InvalidFact, MissingFact, InvalidPause, CalendarExhausted];

function stepsCommand(args: string[]): unknown {
  const { values } = parseCommandArgs(args, { policy: { type: 'string' }, data: { type: 'string' } }, 'steps');
  const policy = policyFrom(values.policy, values.data);
  return { steps: [...policy.steps.values()].map((s) => ({ step: s.id, role: s.role, scope: s.scope, rule: s.rule, description: s.description })) };
}

function checkCommand(args: string[]): unknown {
  const { values } = parseCommandArgs(args, { policy: { type: 'string' }, data: { type: 'string' } }, 'check');
  const policy = policyFrom(values.policy, values.data);
  // With --data (and no --policy): the platform's version in force.
  const stored = values.policy === undefined && values.data !== undefined ? platformPolicy(values.data) : undefined;
  // Valid but suspicious (a year's holidays that look partial): exit 0, said on stderr and in the JSON.
  const warnings = holidayWarnings(stored ? parsePolicy(stored.document) : readPolicyDocument(values.policy));
  for (const warning of warnings) process.stderr.write(`sla: warning: ${warning}\n`);
  return { ok: true, policy: values.policy ?? (stored ? `version ${stored.version}` : 'default'), roles: policy.roles.size, steps: policy.steps.size, warnings };
}

function run(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    let output: unknown;
    switch (command) {
      case 'due':
        output = dueCommand(rest);
        break;
      case 'calendar':
        output = calendarCommand(rest);
        break;
      case 'steps':
        output = stepsCommand(rest);
        break;
      case 'check':
        output = checkCommand(rest);
        break;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(HELP);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}" (commands: due, calendar, steps, check, help)`);
    }
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (CLIENT_ERRORS.some((type) => error instanceof type)) {
      process.stderr.write(`sla: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    process.stderr.write(`sla: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = run(process.argv.slice(2));
