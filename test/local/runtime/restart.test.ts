import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, CreateStateMachineCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { LocalNames } from '../../../local/runtime/names.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const children: ChildProcess[] = [];

/** Starts `npm start`'s entry as a child on free ports and resolves with its URLs once the banner is out. */
function startChild(dataDir: string): Promise<{ child: ChildProcess; edgeUrl: string; apiUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/start.ts', '--port', '0', '--edge-port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const api = /HTTP API\s+(http:\/\/\S+)/.exec(output)?.[1];
      const edge = /AWS emulators\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (api && edge) resolve({ child, apiUrl: api, edgeUrl: edge });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`runtime exited with ${code}: ${output}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, attempts = 200): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the local runtime after kill -9', () => {
  it('keeps its data and resumes running executions whose Wait falls due while it restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'runtime-restart-'));
    const table = new LocalNames(manifest).physical(manifest.tables[0]!.id);
    const first = await startChild(dataDir);
    let sfn = new SFNClient({ endpoint: first.edgeUrl, region: 'us-east-1', credentials });
    let ddb = new DynamoDBClient({ endpoint: first.edgeUrl, region: 'us-east-1', credentials });
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: 'restart-probe',
        roleArn: 'arn:aws:iam::000000000000:role/probe',
        definition: JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 1, Next: 'Done' }, Done: { Type: 'Pass', Output: '{% $states.input.n * 2 %}', End: true } } }),
      }),
    );
    const started = await Promise.all([1, 2, 3].map((n) => sfn.send(new StartExecutionCommand({ stateMachineArn, name: `probe-${n}`, input: JSON.stringify({ n }) }))));
    await ddb.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'probe' }, sk: { S: 'probe' }, note: { S: 'kept' } } }));
    sfn.destroy();
    ddb.destroy();

    await killHard(first.child);

    const second = await startChild(dataDir);
    sfn = new SFNClient({ endpoint: second.edgeUrl, region: 'us-east-1', credentials });
    ddb = new DynamoDBClient({ endpoint: second.edgeUrl, region: 'us-east-1', credentials });
    const kept = await ddb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'probe' }, sk: { S: 'probe' } } }));
    expect(kept.Item?.note?.S).toBe('kept');
    const outputs = await Promise.all(
      started.map((s) =>
        waitFor(`execution ${s.executionArn}`, async () => {
          const d = await sfn.send(new DescribeExecutionCommand({ executionArn: s.executionArn }));
          return d.status === 'RUNNING' ? undefined : `${d.status} ${d.output}`;
        }),
      ),
    );
    expect(outputs).toEqual(['SUCCEEDED 2', 'SUCCEEDED 4', 'SUCCEEDED 6']);
    sfn.destroy();
    ddb.destroy();
    await killHard(second.child);
  }, 120_000);
});
