/**
 * Policy versions in the case table (docs/policy.md, "Versions"): one item per version,
 * `POLICY` / `VERSION#000001`, the document kept as its JSON text. Items are written once, on the
 * condition that the version does not exist yet, so two publishes racing for the same number
 * cannot both win and a version is never rewritten. The version in force is the highest: one
 * query reading a single key, which every handler makes at most once a minute.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  PolicyVersionConflict,
  PolicyVersionNotFound,
  type NewPolicyVersion,
  type PolicyVersion,
  type PolicyVersionStore,
  type PolicyVersionSummary,
} from '../../core/policy-versions/version.ts';
import { queryAll } from '../case-repository/table-access.ts';
import { isConditionalCheckFailed } from '../case-repository/sdk-errors.ts';

const PARTITION = 'POLICY';
const versionKey = (version: number) => ({ pk: PARTITION, sk: `VERSION#${String(version).padStart(6, '0')}` });

export interface DynamoDbPolicyStoreOptions {
  /** A plain client, shared with the case repository (same marshalling options). */
  client: DynamoDBClient;
  tableName: string;
}

export class DynamoDbPolicyStore implements PolicyVersionStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(options: DynamoDbPolicyStoreOptions) {
    this.db = DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
    this.table = options.tableName;
  }

  async currentVersion(): Promise<number | undefined> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': PARTITION, ':v': 'VERSION#' },
        ProjectionExpression: 'version',
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = result.Items?.[0];
    return item === undefined ? undefined : Number(item.version);
  }

  async get(version: number): Promise<PolicyVersion> {
    const result = await this.db.send(new GetCommand({ TableName: this.table, Key: versionKey(version), ConsistentRead: true }));
    if (result.Item === undefined) throw new PolicyVersionNotFound(version);
    return fromItem(result.Item);
  }

  async list(): Promise<PolicyVersionSummary[]> {
    const items = await queryAll(
      { db: this.db, table: this.table, maxWriteAttempts: 1 },
      { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)', ExpressionAttributeValues: { ':pk': PARTITION, ':v': 'VERSION#' }, ScanIndexForward: false, ProjectionExpression: 'version, author, createdAt, reason, #s, basedOn, openSteps, #h', ExpressionAttributeNames: { '#s': 'source', '#h': 'hash' } },
    );
    return items.map((item) => summaryOf(item));
  }

  async append(expected: number | undefined, next: NewPolicyVersion): Promise<PolicyVersion> {
    const version = (expected ?? 0) + 1;
    const record: PolicyVersion = { ...next, version };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...versionKey(version), ...withoutDocument(record), document: JSON.stringify(record.document) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new PolicyVersionConflict(version);
      throw error;
    }
    return record;
  }
}

function withoutDocument(record: PolicyVersion): PolicyVersionSummary {
  const { document: _document, ...summary } = record;
  return summary;
}

function summaryOf(item: Record<string, unknown>): PolicyVersionSummary {
  return {
    version: Number(item.version),
    author: String(item.author),
    createdAt: String(item.createdAt),
    reason: String(item.reason),
    source: item.source as PolicyVersionSummary['source'],
    ...(item.basedOn !== undefined ? { basedOn: Number(item.basedOn) } : {}),
    openSteps: item.openSteps as PolicyVersionSummary['openSteps'],
    hash: String(item.hash),
  };
}

function fromItem(item: Record<string, unknown>): PolicyVersion {
  return { ...summaryOf(item), document: JSON.parse(String(item.document)) as Record<string, unknown> };
}
