import { readFileSync } from 'node:fs';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, StandardThreatProtectionMode, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { OPERATOR } from '../../functions/staff-api/policy-version-schemas.ts';
import { parsePolicy } from '../../policy/load.ts';
import { constructId, type StackNames } from '../naming.ts';

export interface StaffAuthProps {
  names: StackNames;
  /** The policy file whose roles become the pool's groups. */
  policyFile: string;
}

/**
 * The staff directory: a Cognito user pool (administrators create users; no self sign-up; TOTP
 * MFA required) with one group per role of the policy, and the app client whose ID tokens carry
 * `cognito:groups` — the roles the staff API reads.
 */
export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly groupNames: readonly string[];

  constructor(scope: Construct, id: string, props: StaffAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: props.names.physical('staff', 128),
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const roles = staffRoles(props.policyFile);
    for (const [role, label] of roles) {
      this.userPool.addGroup(`${constructId(role)}Group`, { groupName: role, description: label.slice(0, 2048) });
    }
    this.groupNames = roles.map(([role]) => role);
    this.client = this.userPool.addClient('StaffClient', {
      userPoolClientName: props.names.physical('staff-client', 128),
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
  }
}

/** The roles of a policy file, with their labels, in the file's order. */
export function staffRoles(policyFile: string): [role: string, label: string][] {
  const policy = parsePolicy(JSON.parse(readFileSync(policyFile, 'utf8')), policyFile);
  // The operator edits the policy itself (issue 25): a platform role, not a staffed one of the policy.
  return [...Object.entries(policy.roles).map(([role, decl]): [string, string] => [role, decl.label]), [OPERATOR, '策略管理员 policy operator']];
}
