/**
 * The people of the team (issue 23, "People and rosters"): locally the accounts of `npm run user`,
 * on AWS the Cognito users of the staff pool with their groups. A person can hold several roles
 * (the policy's role ids, service-standards.md §1).
 */

export interface Person {
  /** The sign-in name (`cognito:username`), recorded as `assignedTo` and `completedBy`. */
  id: string;
  /** A display name (姓名) where one is set, else the id. */
  name: string;
  roles: readonly string[];
  /** False for a disabled account: never assigned, never on duty. */
  active: boolean;
}

/** Where the people come from: the accounts file (local) or the Cognito user pool (AWS). */
export interface PeopleDirectory {
  /** Every person, by id. */
  list(): Promise<Person[]>;
}

/** The active people of a role, by id. */
export function peopleOfRole(people: readonly Person[], role: string): Person[] {
  return people.filter((p) => p.active && p.roles.includes(role)).sort((a, b) => a.id.localeCompare(b.id));
}
