/**
 * What the measured counts of a demo run would cost on AWS, per 1,000 orders, at list prices
 * (us-east-1, arm64 Lambda; docs/deploy.md quotes the same figures).
 */
export const LIST_PRICES = {
  stateTransition: 0.025 / 1000,
  lambdaRequest: 0.2 / 1e6,
  lambdaGbSecond: 0.0000133334,
  dynamoDbWriteUnit: 1.25 / 1e6,
  dynamoDbReadUnit: 0.25 / 1e6,
  schedulerInvocation: 1 / 1e6,
  customEvent: 1 / 1e6,
  httpApiRequest: 1 / 1e6,
} as const;

export interface MeasuredCounts {
  orders: number;
  stateTransitions: number;
  lambdaRequests: number;
  lambdaGbSeconds: number;
  dynamoDbWriteUnits: number;
  /** Requests, each priced as one read unit (most reads here are single small items or short queries). */
  dynamoDbReads: number;
  schedulerInvocations: number;
  events: number;
  httpApiRequests: number;
}

export interface CostLine {
  item: string;
  perOrder: number;
  per1000Orders: number;
  usd: number;
}

export function costPer1000Orders(counts: MeasuredCounts): { lines: CostLine[]; totalUsd: number } {
  const line = (item: string, count: number, price: number): CostLine => {
    const per1000Orders = (count / counts.orders) * 1000;
    return { item, perOrder: count / counts.orders, per1000Orders, usd: per1000Orders * price };
  };
  const lines = [
    line('Step Functions state transitions', counts.stateTransitions, LIST_PRICES.stateTransition),
    line('Lambda requests', counts.lambdaRequests, LIST_PRICES.lambdaRequest),
    line('Lambda GB-seconds', counts.lambdaGbSeconds, LIST_PRICES.lambdaGbSecond),
    line('DynamoDB write request units', counts.dynamoDbWriteUnits, LIST_PRICES.dynamoDbWriteUnit),
    line('DynamoDB read requests', counts.dynamoDbReads, LIST_PRICES.dynamoDbReadUnit),
    line('EventBridge Scheduler invocations', counts.schedulerInvocations, LIST_PRICES.schedulerInvocation),
    line('EventBridge custom events', counts.events, LIST_PRICES.customEvent),
    line('HTTP API requests', counts.httpApiRequests, LIST_PRICES.httpApiRequest),
  ];
  return { lines, totalUsd: lines.reduce((sum, l) => sum + l.usd, 0) };
}
