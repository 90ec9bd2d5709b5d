import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { QueueDecl } from '../../platform/manifest-types.ts';
import { constructId, type StackNames } from '../naming.ts';
import { lookup } from './lookup.ts';

export interface ManifestQueuesProps {
  queues: readonly QueueDecl[];
  names: StackNames;
  /** Where a message goes after `maxReceiveCount` failed receives (the stack's async-failures queue, alarmed). */
  deadLetterQueue: IQueue;
}

/** SQS's default for a receive that fails; a redrive policy moves a message on after this many. */
const DEFAULT_MAX_RECEIVE_COUNT = 5;

/**
 * The manifest's queues (standard SQS, SSE, TLS only), each read by its consumer function through
 * an event source mapping with partial batch responses. Functions learn the URLs through their
 * environment and may send only to the queues their manifest `access.queues` names.
 */
export class ManifestQueues extends Construct {
  readonly byId = new Map<string, Queue>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ManifestQueuesProps,
  ) {
    super(scope, id);
    for (const decl of props.queues) {
      this.byId.set(
        decl.id,
        new Queue(this, constructId(decl.id), {
          queueName: props.names.physical(decl.id, 80),
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          // Six times the consumer's timeout is AWS's advice for event source mappings; 3 minutes covers ours.
          visibilityTimeout: Duration.minutes(3),
          deadLetterQueue: { queue: props.deadLetterQueue, maxReceiveCount: decl.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT },
        }),
      );
    }
  }

  /** Maps each queue to its consumer: Lambda polls it and reports failed records alone. */
  connect(functions: ReadonlyMap<string, IFunction>): void {
    for (const decl of this.props.queues) {
      const consumer = lookup(functions, decl.consumer, 'function', `queue ${decl.id}`);
      consumer.addEventSource(
        new SqsEventSource(this.byId.get(decl.id)!, {
          batchSize: decl.batchSize ?? 10,
          reportBatchItemFailures: true,
          // ScalingConfig.MaximumConcurrency: a backlog drains without crowding out the functions that feed it.
          ...(decl.maximumConcurrency !== undefined ? { maxConcurrency: decl.maximumConcurrency } : {}),
        }),
      );
    }
  }
}
