import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * A client for DynamoDB Local. It runs with `-sharedDb`, so region and credentials only have to
 * be well-formed; fixed dummy ones keep the SDK from searching the machine for real ones.
 */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}
