/**
 * `npm run -s connector -- test <platform> [--shop <shopId>] [--policy <file>] [--url <apiUrl>] [--data <dir>]`:
 * posts a sample push, signed with the shop's secrets as the platform signs, to the running
 * platform's `POST /connectors/<platform>/<shopId>`, and prints the answer and what it became (each
 * case's type, status and open steps with their deadlines, in the policy's zone). The shop comes
 * from the policy's `connectors` (--policy, else SLA_POLICY_PATH, else the shipped policy), its
 * secrets from this shell's environment or Secrets Manager. Exit 0 when the platform took it, 1
 * when it refused it, 2 for a usage error.
 */
import { parseArgs } from 'node:util';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { secretResolver } from '../adapters/alarms/secrets.ts';
import { SAMPLE_PUSHES } from '../connectors/samples.ts';
import { resolveShop } from '../connectors/shared/dispatch.ts';
import { Env } from '../platform/environment.ts';
import { readPolicyDocument } from '../policy/load.ts';
import { existingSigningKey, issueToken, SIGNING_KEY_FILE } from '../local/identity/tokens.ts';
import { platformClock } from '../local/runtime/platform-clock.ts';
import { platformDataDir, runningPlatform } from '../local/runtime/running.ts';

const USAGE = `usage: npm run -s connector -- test <${Object.keys(SAMPLE_PUSHES).join('|')}> [--shop <shopId>] [--policy <file>] [--url <apiUrl>] [--data <dir>]`;

function fail(message: string): never {
  process.stderr.write(`connector: ${message}\n`);
  process.exit(2);
}

let parsed: { values: { shop?: string; policy?: string; url?: string; data?: string }; positionals: string[] };
try {
  parsed = parseArgs({ options: { shop: { type: 'string' }, policy: { type: 'string' }, url: { type: 'string' }, data: { type: 'string' } }, allowPositionals: true, strict: true });
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0] ?? 'bad arguments'}\n${USAGE}`);
}
const { values, positionals } = parsed;
const platform = positionals[1];
if (positionals.length !== 2 || positionals[0] !== 'test' || platform === undefined) fail(USAGE);
const samplePush = SAMPLE_PUSHES[platform];
if (samplePush === undefined) fail(`no connector for "${platform}"\n${USAGE}`);

let document;
try {
  document = readPolicyDocument(values.policy ?? (process.env[Env.policyPath]?.trim() || undefined));
} catch (error) {
  fail((error as Error).message);
}
const shops = (document.connectors ?? []).filter((c) => c.platform === platform);
const shopId = values.shop ?? shops[0]?.shopId;
if (shopId === undefined) fail(`the policy configures no ${platform} shop: add one to "connectors" (docs/connectors.md)`);
const apiUrl = values.url ?? runningPlatform()?.apiUrl;
if (apiUrl === undefined) fail('no running platform here: start it with npm start, or pass --url');

let shop;
try {
  shop = await resolveShop({ connectors: document.connectors ?? [], secrets: secretResolver(process.env, () => new SecretsManagerClient({})) }, platform, shopId);
} catch (error) {
  fail((error as Error).message);
}
const push = samplePush(shop, Date.now());
const url = `${apiUrl}/connectors/${platform}/${encodeURIComponent(shopId)}${push.query ? `?${push.query}` : ''}`;
process.stdout.write(`→ POST ${url}\n  ${push.what}\n`);
const res = await fetch(url, { method: 'POST', headers: push.headers, body: push.body });
const answer = await res.text();
process.stdout.write(`← ${res.status} ${answer}\n`);
const cases = (res.headers.get('x-sla-cases') ?? '').split(',').filter(Boolean);
if (!res.ok) process.exit(1);
if (cases.length === 0) {
  process.stdout.write('  acknowledged; no case (see the platform log for why)\n');
  process.exit(0);
}

// What it became: each case as a supervisor sees it, when this directory's platform is the one posted to.
const zone = document.timeZone;
const fmt = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: zone, hour12: false }) : '—');
let token: string | undefined;
try {
  const { dataDir } = platformDataDir(SIGNING_KEY_FILE, values.data);
  token = await issueToken({ user: 'connector-test', roles: ['supervisor'], key: existingSigningKey(dataDir), nowSeconds: Math.floor(platformClock(dataDir).now() / 1000) });
} catch {
  token = undefined;
}
for (const caseId of cases) {
  if (token === undefined) {
    process.stdout.write(`  case ${caseId}\n`);
    continue;
  }
  const view = await caseWithSteps(caseId, token);
  process.stdout.write(`  case ${caseId}: ${view.type ?? '?'} ${view.status ?? '?'}\n`);
  for (const step of view.steps ?? []) process.stdout.write(`    ${step.step.padEnd(22)} ${step.status.padEnd(10)} due ${fmt(step.due)} (${zone})\n`);
}

type View = { type?: string; status?: string; steps?: { step: string; status: string; due?: string | null }[] };

/** The case once its workflow opened a step (it starts asynchronously): asked again for up to 3 s. */
async function caseWithSteps(caseId: string, bearer: string): Promise<View> {
  let view: View = {};
  for (let attempt = 0; attempt < 10; attempt++) {
    view = (await (await fetch(`${apiUrl}/cases/${encodeURIComponent(caseId)}`, { headers: { authorization: `Bearer ${bearer}` } })).json()) as View;
    if ((view.steps ?? []).length > 0) return view;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return view;
}
