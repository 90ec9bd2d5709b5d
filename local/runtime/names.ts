import type { Manifest } from '../../platform/manifest-types.ts';

/** Account and region of the local home; ARNs must be well-formed, not real. */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'us-east-1';

/** Physical names and ARNs of the manifest's resources on one machine, derived from their ids. */
export class LocalNames {
  constructor(private readonly manifest: Manifest) {}

  physical(id: string): string {
    return `${this.manifest.app}-${id}`;
  }

  functionArn(id: string): string {
    return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${this.physical(id)}`;
  }

  stateMachineArn(id: string): string {
    return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${this.physical(id)}`;
  }

  schedulerRoleArn(): string {
    return `arn:aws:iam::${LOCAL_ACCOUNT}:role/${this.physical('scheduler')}`;
  }

  timerScheduleGroup(): string {
    return this.physical('sla-timers');
  }
}
