/**
 * The people of the AWS home: the staff user pool's users (`ListUsers`; `name` attribute as the
 * display name, `Enabled` as active) and their groups, which are the roles (`ListUsersInGroup` per
 * policy role; the JWT's `cognito:groups`). Cached for a minute per instance: assignment reads it
 * on every new step. AWS docs: Cognito API Reference, ListUsers and ListUsersInGroup.
 */
import type { CognitoIdentityProviderClient} from '@aws-sdk/client-cognito-identity-provider';
import { ListUsersCommand, ListUsersInGroupCommand, type UserType } from '@aws-sdk/client-cognito-identity-provider';
import type { PeopleDirectory, Person } from '../../core/people/person.ts';

const CACHE_MS = 60_000;

export class CognitoPeopleDirectory implements PeopleDirectory {
  private cached: { at: number; people: Person[] } | undefined;

  constructor(
    private readonly options: { client: CognitoIdentityProviderClient; userPoolId: string; roles: readonly string[]; now: () => number },
  ) {}

  async list(): Promise<Person[]> {
    const now = this.options.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.people;
    const users = await this.users();
    const roles = new Map<string, string[]>();
    for (const role of this.options.roles) {
      for (const user of await this.members(role)) if (user.Username) roles.set(user.Username, [...(roles.get(user.Username) ?? []), role]);
    }
    const people = users
      .filter((u): u is UserType & { Username: string } => typeof u.Username === 'string')
      .map((u) => ({ id: u.Username, name: u.Attributes?.find((a) => a.Name === 'name')?.Value ?? u.Username, roles: roles.get(u.Username) ?? [], active: u.Enabled !== false }));
    this.cached = { at: now, people };
    return people;
  }

  private async users(): Promise<UserType[]> {
    const out: UserType[] = [];
    let token: string | undefined;
    do {
      const page = await this.options.client.send(new ListUsersCommand({ UserPoolId: this.options.userPoolId, PaginationToken: token }));
      out.push(...(page.Users ?? []));
      token = page.PaginationToken;
    } while (token);
    return out;
  }

  private async members(group: string): Promise<UserType[]> {
    const out: UserType[] = [];
    let token: string | undefined;
    do {
      try {
        const page = await this.options.client.send(new ListUsersInGroupCommand({ UserPoolId: this.options.userPoolId, GroupName: group, NextToken: token }));
        out.push(...(page.Users ?? []));
        token = page.NextToken;
      } catch (error) {
        // A role nobody was ever put in has no group yet.
        if ((error as { name?: string }).name === 'ResourceNotFoundException') return out;
        throw error;
      }
    } while (token);
    return out;
  }
}
