import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { awsOperation } from '../../../local/runtime/activity.ts';
import { writeUnits } from '../../../local/runtime/dynamodb-meter.ts';

const item = (bytes: number) => ({ pk: { S: 'CASE#1' }, blob: { S: 'x'.repeat(bytes) } });

describe('write units of a DynamoDB request', () => {
  it('are one per started KB of the item put', () => {
    expect(writeUnits('PutItem', JSON.stringify({ TableName: 't', Item: item(10) }))).toBe(1);
    expect(writeUnits('PutItem', JSON.stringify({ TableName: 't', Item: item(1500) }))).toBe(2);
    expect(writeUnits('PutItem', JSON.stringify({ TableName: 't', Item: item(3000) }))).toBe(3);
  });

  it('count an update or a delete by its request, at least one unit', () => {
    expect(writeUnits('UpdateItem', JSON.stringify({ TableName: 't', Key: { pk: { S: 'a' } }, UpdateExpression: 'SET v = :v' }))).toBe(1);
    expect(writeUnits('DeleteItem', JSON.stringify({ TableName: 't', Key: { pk: { S: 'a' } } }))).toBe(1);
  });

  it('are doubled inside a transaction, item by item', () => {
    const body = { TransactItems: [{ Put: { TableName: 't', Item: item(10) } }, { Put: { TableName: 't', Item: item(1500) } }, { ConditionCheck: { TableName: 't', Key: { pk: { S: 'a' } } } }] };
    expect(writeUnits('TransactWriteItems', JSON.stringify(body))).toBe(2 * 1 + 2 * 2 + 2 * 1);
  });

  it('add up the puts and deletes of a batch across tables', () => {
    const body = { RequestItems: { a: [{ PutRequest: { Item: item(10) } }, { DeleteRequest: { Key: { pk: { S: 'x' } } } }], b: [{ PutRequest: { Item: item(2100) } }] } };
    expect(writeUnits('BatchWriteItem', JSON.stringify(body))).toBe(1 + 1 + 3);
  });

  it('count a request whose body is not JSON as one unit rather than failing the request', () => {
    expect(writeUnits('PutItem', 'not json')).toBe(1);
  });
});

describe('the AWS operation of an edge request', () => {
  const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as unknown as IncomingMessage;

  it('is the X-Amz-Target of a JSON-protocol call', () => {
    expect(awsOperation(request('POST', '/', { 'x-amz-target': 'DynamoDB_20120810.PutItem' }))).toBe('DynamoDB_20120810.PutItem');
  });

  it('is the method and resource of a REST call, with the API version kept', () => {
    expect(awsOperation(request('POST', '/schedules/timer-1?x=1'))).toBe('POST /schedules');
    expect(awsOperation(request('POST', '/2015-03-31/functions/f/invocations'))).toBe('POST /2015-03-31/functions');
  });
});
