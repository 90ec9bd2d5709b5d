import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { casesTable } from '../../../adapters/case-repository/table.ts';
import { manifest } from '../../../app/manifest.ts';
import { localDynamoDbClient } from '../../../local/dynamodb/client.ts';
import { createTableInput, ensureTable } from '../../../local/dynamodb/tables.ts';

describe('createTableInput', () => {
  it('declares every key attribute once, as a string unless typed otherwise', () => {
    const input = createTableInput(
      { id: 't', partitionKey: 'pk', sortKey: 'n', indexes: [{ name: 'g', partitionKey: 'pk', sortKey: 's' }], keyTypes: { n: 'number' } },
      'physical-name',
    );
    expect(input).toEqual({
      TableName: 'physical-name',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'n', AttributeType: 'N' },
        { AttributeName: 's', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'n', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'g',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 's', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });
});

describe('ensureTable', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const tableName = `cases-${randomUUID()}`;
  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    client.destroy();
  });

  it('creates the manifest’s case table with its four indexes and TTL, and tolerates an existing table', async () => {
    expect(manifest.tables).toContain(casesTable);
    await ensureTable(client, casesTable, tableName);
    await ensureTable(client, casesTable, tableName);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['gsi1', 'gsi2', 'gsi3', 'gsi4']);
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
  });
});
