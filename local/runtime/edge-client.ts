import type { EdgeCredentials } from '../edge/credentials.ts';
import { LOCAL_REGION } from './names.ts';

/**
 * The AWS SDK client settings that reach a running runtime's edge port: its URL, the local region
 * and the data directory's key (what `npm run -s aws-credentials` prints for the AWS CLI), e.g.
 * `new DynamoDBClient(edgeClientConfig(runtime))`.
 */
export function edgeClientConfig(edge: { edgeUrl: string; credentials: EdgeCredentials }): { endpoint: string; region: string; credentials: EdgeCredentials } {
  return { endpoint: edge.edgeUrl, region: LOCAL_REGION, credentials: edge.credentials };
}
