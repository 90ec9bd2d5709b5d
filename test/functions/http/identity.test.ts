import { describe, expect, it } from 'vitest';
import { callerOf, parseGroups } from '../../../functions/http/identity.ts';
import { apiEvent } from './api-support.ts';

describe('caller identity from the JWT claims', () => {
  it('reads cognito:groups as a JSON array, as API Gateway\'s flattened "[a b]" string, or comma-separated', () => {
    expect(parseGroups(['ops-cs', 'supervisor'])).toEqual(['ops-cs', 'supervisor']);
    expect(parseGroups('[ops-cs supervisor]')).toEqual(['ops-cs', 'supervisor']);
    expect(parseGroups('ops-cs, supervisor')).toEqual(['ops-cs', 'supervisor']);
    expect(parseGroups('picker')).toEqual(['picker']);
    expect(parseGroups('[]')).toEqual([]);
    expect(parseGroups(undefined)).toEqual([]);
  });

  it('names the caller by cognito:username, falling back to sub', () => {
    expect(callerOf(apiEvent({ method: 'GET', path: '/queue', claims: { 'cognito:username': 'li', sub: 'u-1', 'cognito:groups': '[picker]' } }))).toEqual({ user: 'li', roles: ['picker'] });
    expect(callerOf(apiEvent({ method: 'GET', path: '/queue', claims: { sub: 'u-1' } }))).toEqual({ user: 'u-1', roles: [] });
  });

  it('refuses a request without claims as Unauthenticated (401)', () => {
    expect(() => callerOf(apiEvent({ method: 'GET', path: '/queue' }))).toThrow(expect.objectContaining({ name: 'Unauthenticated', status: 401 }));
  });
});
