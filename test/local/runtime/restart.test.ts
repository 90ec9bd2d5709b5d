import { mkdtempSync } from 'node:fs';
import { edgeClientConfig } from '../../../local/runtime/edge-client.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, CreateStateMachineCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { LocalNames } from '../../../local/runtime/names.ts';
import { killAll, killHard, startChild, waitFor } from './child.ts';

afterEach(killAll);

describe('the local runtime after kill -9', () => {
  it('keeps its data and resumes running executions whose Wait falls due while it restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'runtime-restart-'));
    const table = new LocalNames(manifest).physical(manifest.tables[0]!.id);
    const first = await startChild(dataDir);
    let sfn = new SFNClient(edgeClientConfig(first));
    let ddb = new DynamoDBClient(edgeClientConfig(first));
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
    sfn = new SFNClient(edgeClientConfig(second));
    ddb = new DynamoDBClient(edgeClientConfig(second));
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
