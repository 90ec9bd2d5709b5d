import { InvalidArn, InvalidName } from './errors.ts';

export interface Partition {
  region: string;
  accountId: string;
}

export const stateMachineArn = (p: Partition, name: string): string => `arn:aws:states:${p.region}:${p.accountId}:stateMachine:${name}`;

export const executionArn = (p: Partition, stateMachineName: string, name: string): string =>
  `arn:aws:states:${p.region}:${p.accountId}:execution:${stateMachineName}:${name}`;

/** The state machine name inside a state machine ARN; InvalidArn when it isn't one. */
export function stateMachineNameOf(arn: unknown): string {
  const m = typeof arn === 'string' ? /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:([^:]+)$/.exec(arn) : null;
  if (!m) throw new InvalidArn(`Invalid Arn: 'Resource type not valid in this context: ${String(arn)}'`);
  return m[1]!;
}

export function checkExecutionArn(arn: unknown): string {
  if (typeof arn !== 'string' || !/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:execution:[^:]+:[^:]+$/.test(arn)) {
    throw new InvalidArn(`Invalid Arn: 'Resource type not valid in this context: ${String(arn)}'`);
  }
  return arn;
}

/** AWS's naming rules for state machines and executions. */
export function checkName(name: unknown, what: string): string {
  if (typeof name !== 'string' || name.length < 1 || name.length > 80 || /[\s?*<>{}[\]"#%\\^|~`$&,;:/]/.test(name) || hasControlCharacter(name)) {
    throw new InvalidName(`Invalid Name: '${String(name)}' is not a valid ${what} name`);
  }
  return name;
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((c) => {
    const code = c.charCodeAt(0);
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
  });
}
