import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../core/time/clock.ts';
import { createEmbeddedDynamoDb, DATABASE_FILE, type EmbeddedDynamoDb } from '../../../../local/dynamodb/embedded/embedded-dynamodb.ts';
import { StorageHealth } from '../../../../local/storage/storage-health.ts';
import { mountSmallFilesystem, type SmallFilesystem } from '../../../support/small-filesystem.ts';

// A real full disk: the store's directory is a 16 MiB tmpfs the test fills and frees.
let fs: SmallFilesystem | undefined;
let store: EmbeddedDynamoDb | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  fs?.unmount();
  fs = undefined;
});

const TABLE = 'cases';
const item = (id: number): object => ({ TableName: TABLE, Item: { pk: { S: `order-${id}` }, body: { S: '订'.repeat(20_000) } } });

describe('The embedded DynamoDB store on a full disk', () => {
  it('answers 503 ServiceUnavailable and keeps nothing, reports the fault, and clears it by itself once space returns', async () => {
    fs = mountSmallFilesystem(16);
    const clock = new VirtualClock('2026-11-29T02:00:00Z');
    const health = new StorageHealth(() => clock.now());
    store = createEmbeddedDynamoDb({ data: fs.dir, clock, health });
    const created = await store.request('CreateTable', {
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    });
    expect(created.status).toBe(200);
    expect((await store.request('PutItem', item(1))).status).toBe(200);

    fs.fill([DATABASE_FILE]);
    const refused = await store.request('PutItem', item(2));
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ __type: expect.stringMatching(/#ServiceUnavailable$/) });
    expect(health.current().map((f) => f.store)).toEqual(['dynamodb']);
    // Nothing of the refused write was kept; what was acknowledged before is still there.
    expect((await store.request('GetItem', { TableName: TABLE, Key: { pk: { S: 'order-2' } } })).body).toEqual({});
    expect((await store.request('GetItem', { TableName: TABLE, Key: { pk: { S: 'order-1' } } })).body).toHaveProperty('Item.pk', { S: 'order-1' });

    // Still full: the store's own probe on the clock fails again, and the fault stands.
    await clock.advance(300);
    expect(health.ok).toBe(false);

    fs.free();
    await clock.advance(10_000); // the probe commits a row: the fault is over without any request
    expect(health.ok).toBe(true);
    expect((await store.request('PutItem', item(2))).status).toBe(200);
    expect((await store.request('GetItem', { TableName: TABLE, Key: { pk: { S: 'order-2' } } })).body).toHaveProperty('Item.pk', { S: 'order-2' });
  });
});
