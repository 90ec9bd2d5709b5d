/**
 * `npm run -s alarm -- test [--channel <name>] [--data <dir>] [--policy <file>]`: posts a rendered
 * example alarm to each configured channel (the policy's `alarms.channels` and the
 * `ALARM_WEBHOOK_URL` shortcut) and prints each robot's answer. Runs on its own — the platform
 * need not be running — with the same environment and DATA_DIR; its links use the running
 * platform's port when one runs from this directory. Exit 0 when every robot accepted (a non-zero
 * `errcode`/`code` in the answer is a refusal for every kind), 1 otherwise, 2 for a usage error.
 */
import { parseArgs } from 'node:util';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { postToRobot } from '../adapters/alarms/robot-client.ts';
import { secretResolver } from '../adapters/alarms/secrets.ts';
import { Verdict } from '../core/alarms/answers.ts';
import { systemClock } from '../core/time/clock.ts';
import { alarmSetup } from '../functions/notify/setup.ts';
import { dataDir } from '../local/data-dir.ts';
import { platformClock } from '../local/runtime/platform-clock.ts';
import { runningPlatform } from '../local/runtime/running.ts';
import { describeResult, testChannels } from './alarm/test-channels.ts';
import { policyFrom } from './sla/options.ts';

const USAGE = 'usage: npm run -s alarm -- test [--channel <name>] [--data <dir>] [--policy <file>]';

function fail(message: string): never {
  process.stderr.write(`alarm: ${message}\n`);
  process.exit(2);
}

let parsed: { values: { channel?: string; data?: string; policy?: string }; positionals: string[] };
try {
  parsed = parseArgs({ options: { channel: { type: 'string' }, data: { type: 'string' }, policy: { type: 'string' } }, allowPositionals: true, strict: true });
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0] ?? 'bad arguments'}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (positionals.length !== 1 || positionals[0] !== 'test') fail(USAGE);

let setup;
let policy;
try {
  policy = policyFrom(values.policy ?? process.env.SLA_POLICY_PATH);
  setup = alarmSetup(policy.alarms, process.env);
} catch (error) {
  fail((error as Error).message);
}
const configured = [...setup.channels.keys()];
if (configured.length === 0) fail('no alarm channel is configured: set ALARM_WEBHOOK_URL (and ALARM_WEBHOOK_SECRET for a signed robot), or alarms.channels in the policy (docs/alarms.md)');
if (values.channel !== undefined && !setup.channels.has(values.channel)) fail(`--channel: no channel "${values.channel}" (channels: ${configured.join(', ')})`);
// Links open the console of the platform running from here (its real port), else PORT / 3000.
const running = runningPlatform();
const consoleUrl = setup.consoleUrl ?? (running !== undefined ? `${running.apiUrl}/console/` : `http://127.0.0.1:${process.env.PORT ?? '3000'}/console/`);

const results = await testChannels({
  setup: { ...setup, consoleUrl },
  policy,
  names: values.channel === undefined ? configured : [values.channel],
  now: platformClock(dataDir(values.data)).now(),
  realNow: () => systemClock.now(),
  secrets: secretResolver(process.env, () => new SecretsManagerClient({})),
  send: (request) => postToRobot(request),
});
for (const result of results) process.stdout.write(`${describeResult(result)}\n`);
process.exit(results.every((r) => r.answer.verdict === Verdict.accepted) ? 0 : 1);
