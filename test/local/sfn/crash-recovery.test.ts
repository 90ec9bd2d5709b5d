import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The emulator runs as a child process on the real clock: Waits are 1 s and the test polls.
const EXECUTIONS = 240;
const KINDS = ['wait', 'callback', 'lambda'] as const;
const kindOf = (i: number): (typeof KINDS)[number] => KINDS[i % 3]!;
const expected = (i: number): number => (kindOf(i) === 'wait' ? i + 1 : kindOf(i) === 'callback' ? i * 3 : i * 2);

const definition = JSON.stringify({
  QueryLanguage: 'JSONata',
  StartAt: 'Route',
  States: {
    Route: {
      Type: 'Choice',
      Choices: [
        { Condition: "{% $states.input.kind = 'wait' %}", Next: 'Sleep' },
        { Condition: "{% $states.input.kind = 'callback' %}", Next: 'Human' },
      ],
      Default: 'Double',
    },
    Sleep: { Type: 'Wait', Seconds: 1, Output: { v: '{% $states.input.n + 1 %}' }, Next: 'Done' },
    Human: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Arguments: { FunctionName: 'open-step', Payload: { token: '{% $states.context.Task.Token %}', n: '{% $states.input.n %}' } },
      Next: 'Done',
    },
    Double: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: 'double', Payload: { n: '{% $states.input.n %}' } },
      Output: '{% $states.result.Payload %}',
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 5 }],
      Next: 'Done',
    },
    Done: { Type: 'Pass', Output: { n: '{% $states.input.v %}' }, End: true },
  },
});

/** The Lambda Invoke API the emulator forwards to (--lambda-endpoint). */
const tokens = new Map<string, number>();
let lambdaServer: Server;
let dataDir: string;
let child: ChildProcess | undefined;
let client: SFNClient | undefined;

function startLambdaServer(): Promise<string> {
  lambdaServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const name = decodeURIComponent(/functions\/([^/]+)\/invocations/.exec(req.url ?? '')?.[1] ?? '');
      const payload = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { n: number; token?: string };
      if (name === 'open-step') tokens.set(payload.token!, payload.n);
      const body = name === 'double' ? { v: payload.n * 2 } : {};
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  return new Promise((resolve) => lambdaServer.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(lambdaServer.address() as AddressInfo).port}`)));
}

async function launch(lambdaEndpoint: string): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'cli/sfn-local.ts', '--port', '0', '--data', dataDir, '--lambda-endpoint', lambdaEndpoint], { stdio: ['ignore', 'pipe', 'inherit'] });
  child = proc;
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (code) => reject(new Error(`sfn-local exited with ${code}`)));
  });
  client?.destroy();
  client = new SFNClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
}

function kill(): Promise<void> {
  const proc = child!;
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Answers every callback token seen so far; a lost reply is retried and then meets TaskTimedOut. */
async function answerCallbacks(answered: Set<string>): Promise<void> {
  for (const [token, n] of tokens) {
    if (answered.has(token)) continue;
    try {
      await client!.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ v: n * 3 }) }));
      answered.add(token);
    } catch (err) {
      if ((err as Error).name === 'TaskTimedOut') answered.add(token);
      else return; // the emulator is down or restarting: try again later
    }
  }
}

async function startAll(arn: string, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    try {
      await client!.send(new StartExecutionCommand({ stateMachineArn: arn, name: `run-${i}`, input: JSON.stringify({ n: i, kind: kindOf(i) }) }));
    } catch (err) {
      if ((err as Error).name !== 'ExecutionAlreadyExists') throw err;
    }
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sfn-crash-'));
});
afterAll(async () => {
  client?.destroy();
  if (child && child.exitCode === null) await kill();
  await new Promise((r) => lambdaServer.close(r));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sfn-local after kill -9', () => {
  it('finishes every execution exactly as an uninterrupted run would', async () => {
    const lambdaEndpoint = await startLambdaServer();
    await launch(lambdaEndpoint);
    const { stateMachineArn } = await client!.send(new CreateStateMachineCommand({ name: 'crashy', definition, roleArn: 'arn:aws:iam::123456789012:role/r' }));
    const answered = new Set<string>();

    await startAll(stateMachineArn!, 0, EXECUTIONS / 2);
    await kill(); // 1: right after a burst of starts, Lambda calls in flight

    await launch(lambdaEndpoint);
    await startAll(stateMachineArn!, 0, EXECUTIONS);
    await answerCallbacks(answered);
    await sleep(300);
    await kill(); // 2: Waits pending, callbacks half answered

    await launch(lambdaEndpoint);
    await answerCallbacks(answered);
    await sleep(1_100);
    await kill(); // 3: Waits falling due, more callbacks arriving

    await sleep(1_000); // timers fall due while the emulator is down
    await launch(lambdaEndpoint);
    const pending = new Set(Array.from({ length: EXECUTIONS }, (_, i) => i));
    const executionArn = (i: number): string => `arn:aws:states:us-east-1:123456789012:execution:crashy:run-${i}`;
    for (let round = 0; pending.size > 0 && round < 100; round++) {
      await answerCallbacks(answered);
      for (const i of [...pending]) {
        const e = await client!.send(new DescribeExecutionCommand({ executionArn: executionArn(i) }));
        if (e.status === 'RUNNING') continue;
        expect({ i, status: e.status, output: JSON.parse(e.output ?? 'null') }).toEqual({ i, status: 'SUCCEEDED', output: { n: expected(i) } });
        pending.delete(i);
      }
      if (pending.size > 0) await sleep(200);
    }
    expect([...pending]).toEqual([]);

    // No state ran twice: each state entered once, the execution started and ended once.
    for (let i = 0; i < EXECUTIONS; i += 7) {
      const { events } = await client!.send(new GetExecutionHistoryCommand({ executionArn: executionArn(i), maxResults: 1000 }));
      const entered = events!.filter((e) => e.type?.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails?.name);
      expect(new Set(entered).size).toBe(entered.length);
      expect(events!.filter((e) => e.type === 'ExecutionSucceeded')).toHaveLength(1);
      expect(events!.map((e) => e.id)).toEqual(events!.map((_, k) => k + 1));
    }
  }, 120_000);
});
