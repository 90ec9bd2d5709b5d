/** The lifecycle executions (Step Functions on AWS and locally). */
export interface WorkflowGateway {
  /**
   * Starts the lifecycle `workflowId` (a manifest id) with the execution name `name`; repeating
   * with the same input is safe (AWS StartExecution: same name and input → the same execution).
   */
  start(workflowId: string, name: string, input: unknown): Promise<{ executionArn: string }>;
  /** The ARN of the execution `name` of `workflowId`, started or not: `arn:…:execution:<stateMachine>:<name>`. */
  executionArn(workflowId: string, name: string): string;
  /** Resumes the Task waiting on `taskToken`; an already-closed token is not an error (returns false). */
  sendSuccess(taskToken: string, output: unknown): Promise<boolean>;
  sendFailure(taskToken: string, error: string, cause: string): Promise<boolean>;
  /** Stops a running execution; stopping a stopped one, or one never started, is not an error. */
  stop(executionArn: string, cause: string): Promise<void>;
}
