// The standalone Step Functions emulator:
//   npm run sfn-local -- --port <port> --data <dir> [--lambda-endpoint <url>]
import { createServer } from 'node:http';
import { systemClock } from '../core/time/clock.ts';
import { createSfnLocal, httpLambdaIntegrations } from '../local/sfn/index.ts';

interface Flags {
  port: number;
  data: string;
  lambdaEndpoint?: string;
}

class UsageError extends Error {
  override name = 'UsageError';
}

const KNOWN = new Set(['--port', '--data', '--lambda-endpoint']);

function parseFlags(argv: string[]): Flags {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!KNOWN.has(flag)) throw new UsageError(`unknown argument '${arg}'`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const portText = values.get('--port');
  if (portText === undefined) throw new UsageError('--port is required');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got '${portText}'`);
  const data = values.get('--data');
  if (data === undefined) throw new UsageError('--data is required');
  const lambdaEndpoint = values.get('--lambda-endpoint');
  if (lambdaEndpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(lambdaEndpoint)) throw new UsageError(`--lambda-endpoint must be an http(s) URL, got '${lambdaEndpoint}'`);
  return { port, data, ...(lambdaEndpoint ? { lambdaEndpoint } : {}) };
}

let flags: Flags;
try {
  flags = parseFlags(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  console.error(`sfn-local: ${err.message} (usage: sfn-local --port <port> --data <dir> [--lambda-endpoint <url>])`);
  process.exit(2);
}

const sfn = createSfnLocal({
  data: flags.data,
  clock: systemClock,
  ...(flags.lambdaEndpoint ? { integrations: httpLambdaIntegrations(flags.lambdaEndpoint) } : {}),
});
const resumed = sfn.resume();
const server = createServer(sfn.listener);
server.keepAliveTimeout = 65_000;
server.listen(flags.port, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : flags.port;
  console.log(`sfn-local listening on port ${port} (data: ${flags.data}, resumed ${resumed} running execution(s))`);
});

const shutdown = (): void => {
  server.close();
  sfn.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
