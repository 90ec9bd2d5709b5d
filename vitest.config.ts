import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // One DynamoDB Local for the run; integration tests `inject('dynamodbEndpoint')`.
    globalSetup: ['test/setup/dynamodb.ts'],
    // The SDK warns once per worker that releases after January 2027 need Node 22; it is noise here.
    // The handlers' info and warning logs (a breach is a WARN) would bury the results; errors still show.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'ERROR' },
  },
});
