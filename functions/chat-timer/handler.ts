import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { dependencies } from '../shared/dependencies.ts';
import { lambdaHandler } from '../shared/middleware.ts';
import { onChatTimer } from './chat-timer.ts';

const processor = new BatchProcessor(EventType.SQS);

/** SQS event source handler with partial batch responses: a failed record alone is retried. */
export const handler = lambdaHandler(async (event: SQSEvent, context) =>
  processPartialResponse(event, (record: SQSRecord) => onChatTimer(dependencies(), record.body), processor, { context }),
);
