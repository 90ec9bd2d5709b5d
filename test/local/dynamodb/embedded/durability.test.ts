import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../../core/time/clock.ts';
import { createEmbeddedDynamoDb } from '../../../../local/dynamodb/embedded/embedded-dynamodb.ts';

const CONCURRENCY = 24;
const BURST = 2_000;
/** The child is killed once this many writes have been acknowledged: well inside the burst. */
const KILL_AFTER = 600;

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function startChild(data: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/local/dynamodb/embedded/store-child.ts', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /port (\d+)/.exec(output)?.[1];
      if (port) resolve({ child, endpoint: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`store child exited with ${code}`)));
  });
}

async function send(endpoint: string, operation: string, body: object): Promise<number> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

describe('the embedded store under kill -9', () => {
  it('loses no acknowledged write when killed in the middle of a burst of concurrent writes', async () => {
    const data = mkdtempSync(join(tmpdir(), 'embedded-kill-'));
    dirs.push(data);
    const { child, endpoint } = await startChild(data);
    expect(await send(endpoint, 'CreateTable', { TableName: 'burst', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] })).toBe(200);

    const acknowledged: string[] = [];
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < BURST) {
        const id = `item-${next++}`;
        const status = await send(endpoint, 'PutItem', { TableName: 'burst', Item: { pk: { S: id }, payload: { S: 'x'.repeat(200) } } }).catch(() => 0);
        if (status === 200) acknowledged.push(id);
        if (acknowledged.length === KILL_AFTER) child.kill('SIGKILL');
        if (status !== 200) return;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(BURST);

    const reopened = createEmbeddedDynamoDb({ data, clock: systemClock });
    try {
      const missing: string[] = [];
      for (const id of acknowledged) {
        const answer = await reopened.request('GetItem', { TableName: 'burst', Key: { pk: { S: id } }, ConsistentRead: true });
        if (!(answer.body as { Item?: unknown }).Item) missing.push(id);
      }
      expect(missing).toEqual([]);
    } finally {
      reopened.close();
    }
  }, 60_000);
});
