// What bench:peak checks after the burst: every acknowledged order's case has an open order.review
// step in the ops-cs queue, due as counted from the order's placedAt (not from when it was applied).
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { casesTable, CaseIndex } from '../../adapters/case-repository/table.ts';
import { manifest } from '../../app/manifest.ts';
import { due } from '../../core/deadline/due.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { orderCaseId } from '../../functions/storefront-webhook/case-ids.ts';
import { LocalNames } from '../../local/runtime/names.ts';
import type { Order } from './offer.ts';

const TABLE = new LocalNames(manifest).physical(casesTable.id);
const REVIEW = 'order.review';

/** Open order.review steps by case id: their due (ISO instant, or null). */
export async function openReviews(db: DynamoDBClient): Promise<Map<string, string | null>> {
  const reviews = new Map<string, string | null>();
  let startKey: QueryCommand['input']['ExclusiveStartKey'];
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: CaseIndex.queue,
        KeyConditionExpression: `${CaseIndex.queue}pk = :pk`,
        ExpressionAttributeValues: { ':pk': { S: 'QUEUE#ops-cs' } },
        ProjectionExpression: 'caseId, step, #due',
        ExpressionAttributeNames: { '#due': 'due' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) if (item.step?.S === REVIEW && item.caseId?.S) reviews.set(item.caseId.S, item.due?.S ?? null);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return reviews;
}

/** Active steps in the ops-cs queue (a count; the bench's platform holds nothing else there). */
export async function countReviewQueue(db: DynamoDBClient): Promise<number> {
  let count = 0;
  let startKey: QueryCommand['input']['ExclusiveStartKey'];
  do {
    const page = await db.send(
      new QueryCommand({ TableName: TABLE, IndexName: CaseIndex.queue, KeyConditionExpression: `${CaseIndex.queue}pk = :pk`, ExpressionAttributeValues: { ':pk': { S: 'QUEUE#ops-cs' } }, Select: 'COUNT', ExclusiveStartKey: startKey }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

export interface DrainCheck {
  /** Acknowledged orders without an open review step. */
  missing: Order[];
  /** Acknowledged orders whose review is not due as counted from placedAt. */
  wrongDue: { order: Order; due: string | null; expected: string | null }[];
}

/** Checks the acknowledged orders against the open reviews. */
export function check(acknowledged: readonly Order[], reviews: ReadonlyMap<string, string | null>, policy: CompiledPolicy): DrainCheck {
  const missing: Order[] = [];
  const wrongDue: DrainCheck['wrongDue'] = [];
  for (const order of acknowledged) {
    const caseId = orderCaseId(order.orderId);
    if (!reviews.has(caseId)) {
      missing.push(order);
      continue;
    }
    const expectedMs = due(REVIEW, Date.parse(order.placedAt), {}, [], policy, { explain: false }).due;
    const expected = expectedMs === null ? null : new Date(expectedMs).toISOString();
    const actual = reviews.get(caseId) ?? null;
    if ((actual === null ? null : Date.parse(actual)) !== expectedMs) wrongDue.push({ order, due: actual, expected });
  }
  return { missing, wrongDue };
}
