import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { edgeClientConfig } from '../../../local/runtime/edge-client.ts';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { LocalNames } from '../../../local/runtime/names.ts';
import { killAll, killHard, startChild } from './child.ts';

afterEach(killAll);

describe('npm start on a machine without Java', () => {
  it('starts, and serves DynamoDB on the edge port, with `java` on the PATH failing and JAVA_HOME unset', async () => {
    const root = mkdtempSync(join(tmpdir(), 'no-java-'));
    // A `java` first on the PATH that records any call and fails, as a machine without Java would.
    const bin = join(root, 'bin');
    const called = join(root, 'java-was-called');
    const java = join(bin, 'java');
    mkdirSync(bin);
    writeFileSync(java, `#!/bin/sh\ntouch '${called}'\necho 'java: command not found' >&2\nexit 127\n`);
    chmodSync(java, 0o755);
    const { JAVA_HOME: _javaHome, ...environment } = process.env;
    const runtime = await startChild(join(root, 'data'), [], { ...environment, JAVA_HOME: '', PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` } as Record<string, string>);
    const table = new LocalNames(manifest).physical(manifest.tables[0]!.id);
    const ddb = new DynamoDBClient(edgeClientConfig(runtime));
    try {
      await ddb.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'CASE#no-java' }, sk: { S: 'CASE' }, gsi4pk: { S: 'CASES#order' }, gsi4sk: { S: 'open#x' } } }));
      const item = await ddb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'CASE#no-java' }, sk: { S: 'CASE' } }, ConsistentRead: true }));
      expect(item.Item?.gsi4sk?.S).toBe('open#x');
      const listed = await ddb.send(new QueryCommand({ TableName: table, IndexName: 'gsi4', KeyConditionExpression: 'gsi4pk = :p', ExpressionAttributeValues: { ':p': { S: 'CASES#order' } } }));
      expect(listed.Items?.map((i) => i.pk?.S)).toEqual(['CASE#no-java']);
      expect(existsSync(called)).toBe(false);
    } finally {
      ddb.destroy();
      await killHard(runtime.child);
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
