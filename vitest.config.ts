import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // One DynamoDB Local for the run; integration tests `inject('dynamodbEndpoint')`.
    globalSetup: ['test/setup/dynamodb.ts'],
    // The handlers' info and warning logs (a breach is a WARN) would bury the results; errors still show.
    env: { POWERTOOLS_LOG_LEVEL: 'ERROR' },
  },
});
