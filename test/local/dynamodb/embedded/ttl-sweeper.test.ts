import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../core/time/clock.ts';
import { createEmbeddedDynamoDb } from '../../../../local/dynamodb/embedded/embedded-dynamodb.ts';

describe('TTL in the embedded store', () => {
  it('deletes items whose TTL attribute has passed at the next sweep on the store clock, and keeps the rest', async () => {
    const clock = new VirtualClock('2026-11-30T00:00:00Z');
    const store = createEmbeddedDynamoDb({ data: ':memory:', clock, ttlSweepMs: 60_000 });
    try {
      const call = async (operation: string, body: object): Promise<Record<string, unknown>> => {
        const answer = await store.request(operation, body);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        return answer.body as Record<string, unknown>;
      };
      await call('CreateTable', { TableName: 'ttl-table', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] });
      await call('UpdateTimeToLive', { TableName: 'ttl-table', TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } });
      const now = clock.now() / 1000;
      await call('PutItem', { TableName: 'ttl-table', Item: { pk: { S: 'expired' }, expiresAt: { N: String(now - 1) } } });
      await call('PutItem', { TableName: 'ttl-table', Item: { pk: { S: 'later' }, expiresAt: { N: String(now + 3600) } } });
      await call('PutItem', { TableName: 'ttl-table', Item: { pk: { S: 'no-ttl' }, expiresAt: { S: 'not a number' } } });
      // Until the sweep, an expired item is still read, as in DynamoDB.
      expect((await call('GetItem', { TableName: 'ttl-table', Key: { pk: { S: 'expired' } } })).Item).toBeDefined();

      await clock.advance(60_000);
      const left = (await call('Scan', { TableName: 'ttl-table' })).Items as { pk: { S: string } }[];
      expect(left.map((item) => item.pk.S).sort()).toEqual(['later', 'no-ttl']);
    } finally {
      store.close();
    }
  });
});
