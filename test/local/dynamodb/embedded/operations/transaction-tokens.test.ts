import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../../core/time/clock.ts';
import { createEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../../../../local/dynamodb/embedded/embedded-dynamodb.ts';

// DynamoDB API Reference, TransactWriteItems, ClientRequestToken: "Although multiple identical calls
// using the same client request token produce the same result on the server (no side effects), ...
// A client request token is valid for 10 minutes after the first request that uses it is
// completed. After 10 minutes, any request with the same client request token is treated as a new
// request. ... If you submit a request with the same client token but a change in other
// parameters within the 10-minute idempotency window, DynamoDB returns an
// IdempotentParameterMismatch exception."
describe('TransactWriteItems client request tokens on the embedded store', () => {
  let db: EmbeddedDynamoDb | undefined;
  afterEach(() => db?.close());

  const put = (token: string, v: string) => ({ ClientRequestToken: token, TransactItems: [{ Put: { TableName: 'tokens', Item: { pk: { S: token }, v: { S: v } } } }] });

  it('treats a token as new once its 10 minutes have passed, while a younger token still refuses other parameters', async () => {
    const clock = new VirtualClock('2026-11-11T00:00:00Z');
    db = createEmbeddedDynamoDb({ data: ':memory:', clock });
    expect((await db.request('CreateTable', { TableName: 'tokens', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' })).status).toBe(200);

    expect((await db.request('TransactWriteItems', put('old', '1'))).status).toBe(200);
    await clock.advance(5 * 60_000);
    expect((await db.request('TransactWriteItems', put('young', '1'))).status).toBe(200);
    await clock.advance(5 * 60_000 + 1);

    // 'old' is past its window: a different request under it is a new transaction…
    expect((await db.request('TransactWriteItems', put('old', '2'))).status).toBe(200);
    // …while 'young' is still inside its own, so the same token with other parameters is refused.
    const mismatch = await db.request('TransactWriteItems', put('young', '2'));
    expect(mismatch.status).toBe(400);
    expect(JSON.stringify(mismatch.body)).toContain('IdempotentParameterMismatch');
    const item = await db.request('GetItem', { TableName: 'tokens', Key: { pk: { S: 'old' } } });
    expect(item.body).toEqual({ Item: { pk: { S: 'old' }, v: { S: '2' } } });
  });
});
