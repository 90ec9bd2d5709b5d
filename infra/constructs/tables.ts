import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableV2, type Attribute } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TableDecl } from '../../platform/manifest-types.ts';
import { constructId, type StackNames } from '../naming.ts';

export interface TablesProps {
  tables: readonly TableDecl[];
  names: StackNames;
}

/** One DynamoDB table per manifest table: on-demand, point-in-time recovery, deletion protection, TTL and GSIs as declared. */
export class Tables extends Construct {
  readonly byId: ReadonlyMap<string, TableV2>;

  constructor(scope: Construct, id: string, props: TablesProps) {
    super(scope, id);
    const byId = new Map<string, TableV2>();
    for (const decl of props.tables) {
      const key = (name: string): Attribute => ({ name, type: decl.keyTypes?.[name] === 'number' ? AttributeType.NUMBER : AttributeType.STRING });
      const table = new TableV2(this, constructId(decl.id), {
        tableName: props.names.physical(decl.id, 255),
        partitionKey: key(decl.partitionKey),
        ...(decl.sortKey === undefined ? {} : { sortKey: key(decl.sortKey) }),
        billing: Billing.onDemand(),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: true,
        removalPolicy: RemovalPolicy.RETAIN,
        ...(decl.ttlAttribute === undefined ? {} : { timeToLiveAttribute: decl.ttlAttribute }),
        globalSecondaryIndexes: decl.indexes.map((index) => ({
          indexName: index.name,
          partitionKey: key(index.partitionKey),
          ...(index.sortKey === undefined ? {} : { sortKey: key(index.sortKey) }),
          projectionType: ProjectionType.ALL,
        })),
      });
      byId.set(decl.id, table);
    }
    this.byId = byId;
  }
}
