import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // One DynamoDB Local for the run; integration tests `inject('dynamodbEndpoint')`.
    globalSetup: ['test/setup/dynamodb.ts'],
  },
});
