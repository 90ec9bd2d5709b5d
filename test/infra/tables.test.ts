import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { casesTable } from '../../adapters/case-repository/table.ts';
import { fixtureManifest } from './fixtures/manifest.ts';
import { synthesize } from './support/synth.ts';

const { template } = synthesize(fixtureManifest);

describe('tables', () => {
  it('creates one on-demand table per manifest table, with point-in-time recovery and deletion protection', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', fixtureManifest.tables.length);
    for (const table of fixtureManifest.tables) {
      template.hasResource('AWS::DynamoDB::GlobalTable', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          TableName: `${fixtureManifest.app}-${table.id}`,
          BillingMode: 'PAY_PER_REQUEST',
          Replicas: [Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
        }),
      });
    }
  });

  it('gives the case table its keys, its TTL attribute and every index of the data model, projecting all attributes', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: `${fixtureManifest.app}-${casesTable.id}`,
      KeySchema: [
        { AttributeName: casesTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: casesTable.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: casesTable.ttlAttribute, Enabled: true },
      GlobalSecondaryIndexes: casesTable.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('declares key attributes as strings unless keyTypes says number, and adds no TTL or index the manifest does not declare', () => {
    const counters = fixtureManifest.tables.find((t) => t.id === 'counters');
    expect(counters).toBeDefined();
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: `${fixtureManifest.app}-counters`,
      AttributeDefinitions: [{ AttributeName: 'name', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'name', KeyType: 'HASH' }],
      TimeToLiveSpecification: Match.absent(),
      GlobalSecondaryIndexes: Match.absent(),
    });
    const numeric = synthesize({ ...fixtureManifest, tables: [{ id: 'counters', partitionKey: 'n', indexes: [], keyTypes: { n: 'number' } }], functions: [], workflows: [], schedules: [], rules: [], routes: [] });
    numeric.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { AttributeDefinitions: [{ AttributeName: 'n', AttributeType: 'N' }] });
  });
});
