import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaHandler } from '../shared/middleware.ts';
import { ingestDeps } from '../storefront-webhook/handler.ts';
import { applyQueued } from './apply-queued.ts';

const processor = new BatchProcessor(EventType.SQS);

/** SQS event source handler with partial batch responses: a failed record alone is retried (then the DLQ). */
export const handler = lambdaHandler(async (event: SQSEvent, context) => processPartialResponse(event, (record: SQSRecord) => applyQueued(ingestDeps(), record.body), processor, { context }));
