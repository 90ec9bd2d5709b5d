/** `npm run -s user -- add|list|remove|passwd …`: local staff accounts (cli/user/user-command.ts). */
import { systemClock } from '../core/time/clock.ts';
import { runUserCommand } from './user/user-command.ts';

process.exitCode = await runUserCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => systemClock.now(),
});
