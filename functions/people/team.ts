/**
 * The people and rosters a function works with (issue 23): the people from the accounts file
 * (local, `PEOPLE_ACCOUNTS_FILE`) or the Cognito user pool (AWS, `STAFF_USER_POOL_ID`), none when
 * neither is set (every step stays in its role's pool); rosters in the case table. Built once per
 * set of dependencies.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AccountsFileDirectory } from '../../adapters/people/accounts-file-directory.ts';
import { CognitoPeopleDirectory } from '../../adapters/people/cognito-directory.ts';
import { DynamoDbRosterStore } from '../../adapters/people/dynamodb-roster-store.ts';
import { casesTable } from '../../adapters/case-repository/table.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { PeopleDirectory } from '../../core/people/person.ts';
import type { RosterStore } from '../../core/people/roster-store.ts';
import type { Clock } from '../../core/time/clock.ts';
import { Env } from '../../platform/environment.ts';
import type { AwsClients } from '../shared/aws-clients.ts';
import { readConfig, type EnvSource } from '../shared/config.ts';

export interface Team {
  people: PeopleDirectory;
  rosters: RosterStore;
}

interface TeamSource {
  /** Needed once the team has people (the roster store's table client). */
  clients?: AwsClients;
  clock: Clock;
  policy: CompiledPolicy;
}

const NOBODY: PeopleDirectory = { list: () => Promise.resolve([]) };
const built = new WeakMap<object, Team>();

/** The team of a function's dependencies, built from the environment on first use. */
export function teamOf(deps: TeamSource, env: EnvSource = process.env): Team {
  let team = built.get(deps);
  if (!team) {
    team = createTeam(deps, env);
    built.set(deps, team);
  }
  return team;
}

export function createTeam(deps: TeamSource, env: EnvSource = process.env): Team {
  const file = env[Env.peopleAccountsFile]?.trim();
  const pool = env[Env.staffUserPoolId]?.trim();
  const people = file
    ? new AccountsFileDirectory(file)
    : pool
      ? new CognitoPeopleDirectory({ client: new CognitoIdentityProviderClient({}), userPoolId: pool, roles: [...deps.policy.roles.keys()], now: () => deps.clock.now() })
      : NOBODY;
  let rosters: RosterStore | undefined;
  // The roster store is built on first use: a function with no people never needs the table variable.
  const lazyRosters: RosterStore = {
    read: (from, to) => store().read(from, to),
    replace: (from, to, entries) => store().replace(from, to, entries),
    recentAssignees: (role) => store().recentAssignees(role),
    recordAssigned: (role, person) => store().recordAssigned(role, person),
  };
  const store = (): RosterStore => {
    if (!deps.clients) throw new Error('rosters need the function\'s AWS clients');
    return (rosters ??= new DynamoDbRosterStore({ client: deps.clients.dynamodb(), tableName: readConfig(env).tableName(casesTable.id) }));
  };
  return { people, rosters: lazyRosters };
}
