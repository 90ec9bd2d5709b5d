import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * A client for DynamoDB Local. It runs with `-sharedDb`, so region and credentials only have to
 * be well-formed; fixed dummy ones keep the SDK from searching the machine for real ones. Through
 * the runtime's edge port, pass the data directory's key (`runtime.credentials`): the edge checks it.
 */
export function localDynamoDbClient(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string } = { accessKeyId: 'local', secretAccessKey: 'local' }): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
}
