/**
 * The people on AWS (issue 23, docs/people.md): functions that declare `access.people` read the
 * staff user pool's users and groups (`cognito-idp:ListUsers`, `ListUsersInGroup` on that pool
 * only) and get its id as `STAFF_USER_POOL_ID` (adapters/people/cognito-directory.ts).
 */
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Manifest } from '../../platform/manifest-types.ts';
import { Env } from '../../platform/environment.ts';

export function grantPeopleDirectory(manifest: Manifest, functions: ReadonlyMap<string, LambdaFunction>, userPool: IUserPool): void {
  for (const decl of manifest.functions) {
    if (decl.access.people !== true) continue;
    const fn = functions.get(decl.id);
    if (fn === undefined) continue;
    fn.addEnvironment(Env.staffUserPoolId, userPool.userPoolId);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['cognito-idp:ListUsers', 'cognito-idp:ListUsersInGroup'], resources: [userPool.userPoolArn] }));
  }
}
