import type { SfnLocal } from '../sfn/index.ts';

interface Page<T> {
  nextToken?: string;
  items: T[];
}

async function pages<T>(fetchPage: (nextToken: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    all.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

async function call<T>(sfn: SfnLocal, operation: string, body: object): Promise<T> {
  const answer = await sfn.request(operation, body);
  if (answer.status !== 200) throw new Error(`${operation}: ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

/**
 * State transitions as Step Functions bills them, read from every execution's history: one per
 * state entered (Parallel branches' states included). Also the executions per workflow.
 */
export async function countTransitions(sfn: SfnLocal, stateMachineArns: readonly string[]): Promise<{ transitions: number; executions: number }> {
  let transitions = 0;
  let executions = 0;
  for (const stateMachineArn of stateMachineArns) {
    const runs = await pages(async (nextToken) => {
      const body = await call<{ executions: { executionArn: string }[]; nextToken?: string }>(sfn, 'ListExecutions', { stateMachineArn, maxResults: 1000, ...(nextToken ? { nextToken } : {}) });
      return { items: body.executions, ...(body.nextToken ? { nextToken: body.nextToken } : {}) };
    });
    executions += runs.length;
    for (const { executionArn } of runs) {
      const events = await pages(async (nextToken) => {
        const body = await call<{ events: { type: string }[]; nextToken?: string }>(sfn, 'GetExecutionHistory', { executionArn, maxResults: 1000, ...(nextToken ? { nextToken } : {}) });
        return { items: body.events, ...(body.nextToken ? { nextToken: body.nextToken } : {}) };
      });
      transitions += events.filter((e) => e.type.endsWith('StateEntered')).length;
    }
  }
  return { transitions, executions };
}
