/**
 * The WorkflowGateway on Step Functions (Standard): starts lifecycles, answers task tokens and
 * stops executions, turning the "already done" answers of the API into harmless results.
 */
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';

export interface StepFunctionsGatewayOptions {
  client: SFNClient;
  /** The state machine ARN of a manifest workflow id. */
  stateMachineArn: (workflowId: string) => string;
}

export class StepFunctionsGateway implements WorkflowGateway {
  constructor(private readonly options: StepFunctionsGatewayOptions) {}

  async start(workflowId: string, name: string, input: unknown): Promise<{ executionArn: string }> {
    const stateMachineArn = this.options.stateMachineArn(workflowId);
    const body = JSON.stringify(input);
    try {
      const output = await this.options.client.send(new StartExecutionCommand({ stateMachineArn, name, input: body }));
      if (!output.executionArn) throw new TypeError(`StartExecution of ${name} returned no executionArn`);
      return { executionArn: output.executionArn };
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
      // A repeat of a start whose execution already ended: the same input means it is the same start.
      const executionArn = this.executionArn(workflowId, name);
      const existing = await this.options.client.send(new DescribeExecutionCommand({ executionArn }));
      if (existing.input === undefined || !sameJson(existing.input, body)) throw error;
      return { executionArn };
    }
  }

  executionArn(workflowId: string, name: string): string {
    return executionArnOf(this.options.stateMachineArn(workflowId), name);
  }

  async sendSuccess(taskToken: string, output: unknown): Promise<boolean> {
    return answered(() => this.options.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) })));
  }

  async sendFailure(taskToken: string, error: string, cause: string): Promise<boolean> {
    return answered(() => this.options.client.send(new SendTaskFailureCommand({ taskToken, error, cause })));
  }

  async stop(executionArn: string, cause: string): Promise<void> {
    try {
      await this.options.client.send(new StopExecutionCommand({ executionArn, cause }));
    } catch (error) {
      // A case whose first delivery died before StartExecution has no execution: nothing runs to stop.
      if (!(error instanceof ExecutionDoesNotExist)) throw error;
    }
  }
}

/** The task was answered now (true) or its token is no longer waiting (false). */
async function answered(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    if (error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken) return false;
    throw error;
  }
}

/** `arn:…:stateMachine:<sm>` + name → `arn:…:execution:<sm>:<name>`. */
export function executionArnOf(stateMachineArn: string, name: string): string {
  const marker = ':stateMachine:';
  const at = stateMachineArn.indexOf(marker);
  if (at < 0) throw new RangeError(`not a state machine ARN: ${stateMachineArn}`);
  return `${stateMachineArn.slice(0, at)}:execution:${stateMachineArn.slice(at + marker.length)}:${name}`;
}

function sameJson(a: string, b: string): boolean {
  return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
